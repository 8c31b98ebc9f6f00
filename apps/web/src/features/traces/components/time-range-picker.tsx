import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { INPUT } from '../../../components/ui/styles';
import {
  fromLocalInput,
  spanProblem,
  spanWindow,
  TIME_RANGES,
  toLocalInput,
  type TimeRange,
  type TimeSpan,
} from '../lib/time-range';

const CUSTOM = 'custom';

/**
 * The search window: a relative range (applies at once) or a custom from/to in local time
 * (applies on "Apply range", after the 6-hour cap is checked).
 */
export function TimeRangePicker({
  span,
  onChange,
}: {
  span: TimeSpan;
  onChange: (span: TimeSpan) => void;
}) {
  const [custom, setCustom] = useState(span.kind === 'absolute');
  const [from, setFrom] = useState(span.kind === 'absolute' ? toLocalInput(span.from) : '');
  const [to, setTo] = useState(span.kind === 'absolute' ? toLocalInput(span.to) : '');
  const [problem, setProblem] = useState<string | undefined>();
  // The URL changed under the picker (back button, a link): show what is applied.
  const spanKey = JSON.stringify(span);
  const [applied, setApplied] = useState(spanKey);
  if (applied !== spanKey) {
    setApplied(spanKey);
    setCustom(span.kind === 'absolute');
    if (span.kind === 'absolute') {
      setFrom(toLocalInput(span.from));
      setTo(toLocalInput(span.to));
    }
  }

  const choose = (value: string) => {
    setProblem(undefined);
    if (value !== CUSTOM) {
      setCustom(false);
      onChange({ kind: 'relative', range: value as TimeRange });
      return;
    }
    // Start the custom window from the one on screen.
    const window = spanWindow(span, new Date());
    setFrom(toLocalInput(window.start));
    setTo(toLocalInput(window.end));
    setCustom(true);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const start = fromLocalInput(from);
    const end = fromLocalInput(to);
    if (!start || !end) {
      setProblem('Give both a start and an end.');
      return;
    }
    const next: TimeSpan = { kind: 'absolute', from: start, to: end };
    const wrong = spanProblem(next);
    setProblem(wrong);
    if (!wrong) onChange(next);
  };

  return (
    <div className="flex flex-wrap items-start gap-2">
      <select
        aria-label="Time range"
        value={custom ? CUSTOM : span.kind === 'relative' ? span.range : CUSTOM}
        onChange={(event) => choose(event.target.value)}
        className={INPUT}
      >
        {Object.entries(TIME_RANGES).map(([value, { label }]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
        <option value={CUSTOM}>Custom range…</option>
      </select>
      {custom && (
        <form onSubmit={apply} aria-label="Custom time range" className="space-y-1">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-1">
              From
              <input
                type="datetime-local"
                value={from}
                onChange={(event) => setFrom(event.target.value)}
                className={INPUT}
                aria-invalid={problem !== undefined}
                aria-describedby={problem ? 'time-range-problem' : undefined}
              />
            </label>
            <label className="flex items-center gap-1">
              To
              <input
                type="datetime-local"
                value={to}
                onChange={(event) => setTo(event.target.value)}
                className={INPUT}
                aria-invalid={problem !== undefined}
                aria-describedby={problem ? 'time-range-problem' : undefined}
              />
            </label>
            <Button type="submit">Apply range</Button>
          </div>
          {problem && (
            <p
              id="time-range-problem"
              role="alert"
              className="text-sm text-red-700 dark:text-red-300"
            >
              {problem}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
