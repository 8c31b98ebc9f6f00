/** The same resource in the AWS console; only in `aws` mode (the simulator has no console). */
export function ConsoleLink({
  href,
  mode,
}: {
  href: string;
  mode: 'simulator' | 'aws' | undefined;
}) {
  if (mode !== 'aws') return null;
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer noopener"
      className="text-xs font-medium text-sky-700 underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:text-sky-300"
    >
      Open in AWS console ↗
    </a>
  );
}
