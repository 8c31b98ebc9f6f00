import { reservedPercent } from '../../lib/format';

interface CapacityBarProps {
  label: string;
  capacity: { registered: number; remaining: number };
  format: (value: number) => string;
}

/** A reservation bar: how much of the registered capacity tasks hold. */
export function CapacityBar({ label, capacity, format }: CapacityBarProps) {
  const percent = reservedPercent(capacity);
  if (percent === undefined) {
    return (
      <div className="text-xs text-slate-600 dark:text-slate-400">
        <span className="font-medium text-slate-700 dark:text-slate-300">{label}</span> · no
        instances
      </div>
    );
  }
  const colour = percent >= 90 ? 'bg-red-500' : percent >= 70 ? 'bg-amber-500' : 'bg-emerald-500';
  const used = capacity.registered - Math.min(capacity.remaining, capacity.registered);
  return (
    <div>
      <div className="mb-1 flex justify-between gap-2 text-xs text-slate-600 dark:text-slate-300">
        <span className="font-medium">{label}</span>
        <span className="whitespace-nowrap">
          {format(used)} / {format(capacity.registered)} · {percent}%
        </span>
      </div>
      <div
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        role="meter"
        aria-label={`${label} reserved`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className={`h-full ${colour}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
