/** A determinate progress bar (e.g. a rollout: running tasks of the desired count). */
export function ProgressBar({
  label,
  value,
  max,
  tone = 'bg-sky-500',
}: {
  label: string;
  value: number;
  max: number;
  tone?: string;
}) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 100;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
    >
      <div className={`h-full transition-[width] ${tone}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
