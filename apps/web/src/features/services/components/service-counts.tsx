/** Desired, running and pending tasks of a service, updated live; each count labelled for AT. */
export function ServiceCounts({
  desired,
  running,
  pending,
}: {
  desired: number;
  running: number;
  pending: number;
}) {
  const counts = [
    {
      name: 'Desired',
      label: 'Desired tasks',
      value: desired,
      tone: 'text-slate-900 dark:text-slate-100',
    },
    {
      name: 'Running',
      label: 'Running tasks',
      value: running,
      tone:
        running < desired
          ? 'text-amber-700 dark:text-amber-300'
          : 'text-emerald-700 dark:text-emerald-300',
    },
    {
      name: 'Pending',
      label: 'Pending tasks',
      value: pending,
      tone: 'text-sky-700 dark:text-sky-300',
    },
  ];
  return (
    <dl className="grid grid-cols-3 gap-3">
      {counts.map((count) => (
        <div
          key={count.name}
          className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm dark:border-slate-700 dark:bg-slate-900"
        >
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {count.name}
          </dt>
          <dd className={`mt-1 text-2xl font-semibold tabular-nums ${count.tone}`}>
            <output aria-label={count.label} data-testid={`${count.name.toLowerCase()}-count`}>
              {count.value}
            </output>
          </dd>
        </div>
      ))}
    </dl>
  );
}
