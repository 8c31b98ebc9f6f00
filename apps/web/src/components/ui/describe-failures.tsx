import type { DescribeFailure } from '@deckhand/shared';

/**
 * What ECS could not describe (`failures` of a Describe* call, e.g. a task that stopped between
 * the List and the Describe): shown, never silently dropped.
 */
export function DescribeFailures({
  failures,
  what,
}: {
  failures: readonly DescribeFailure[] | undefined;
  /** The resources, plural: "tasks", "services", "container instances". */
  what: string;
}) {
  if (!failures || failures.length === 0) return null;
  const shown = failures.slice(0, 5);
  return (
    <div
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">
        ECS could not describe {failures.length.toLocaleString('en')} {what}; the list leaves them
        out.
      </p>
      <ul className="mt-1 space-y-0.5 font-mono text-xs">
        {shown.map((failure, index) => (
          <li key={`${failure.arn ?? ''}-${index}`} className="break-all">
            {failure.arn ?? '(no ARN)'}: {failure.reason}
            {failure.detail ? ` (${failure.detail})` : ''}
          </li>
        ))}
        {failures.length > shown.length && (
          <li>and {(failures.length - shown.length).toLocaleString('en')} more</li>
        )}
      </ul>
    </div>
  );
}
