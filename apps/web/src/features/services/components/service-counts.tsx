import type { PendingScale } from '../lib/action-preview';

/** "Scaling to 5 — waiting for ECS": a scale ECS accepted that the live feed has not shown yet. */
function PendingMarker({ scale }: { scale: PendingScale }) {
  return (
    <p
      role="status"
      aria-label="Pending scale"
      className="flex items-center gap-2 text-sm text-sky-800 dark:text-sky-200"
    >
      <span
        aria-hidden="true"
        className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-sky-600 border-t-transparent dark:border-sky-300 dark:border-t-transparent"
      />
      Scaling to {scale.desiredCount} — waiting for ECS
    </p>
  );
}

/**
 * Desired, running and pending tasks of a service, updated live; each count labelled for AT.
 * `pendingScale`: a scale accepted but not yet seen on the feed, marked under the counts.
 */
export function ServiceCounts({
  desired,
  running,
  pending,
  pendingScale,
}: {
  desired: number;
  running: number;
  pending: number;
  pendingScale?: PendingScale | undefined;
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
    <div className="space-y-2">
      <dl className="grid grid-cols-3 gap-3">
        {counts.map((count) => (
          <div
            key={count.name}
            className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-600 dark:text-slate-400">
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
      {pendingScale && <PendingMarker scale={pendingScale} />}
    </div>
  );
}
