import { normalizeTraceId } from '@deckhand/shared';
import { useState, type FormEvent } from 'react';
import { INPUT, MUTED } from '../../../components/ui/styles';
import { TIME_RANGES, type TimeRange } from '../lib/time-range';

const BUTTON =
  'rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700';

/**
 * The search controls: time range (applies at once), filter expression (applies on submit, so a
 * half-typed expression is never sent) and a box that opens a trace by id, in any form a user
 * pastes it (X-Ray id, W3C id, X-Amzn-Trace-Id or traceparent header).
 */
export function TraceSearchForm({
  range,
  filter,
  onRangeChange,
  onFilterChange,
  onOpenTrace,
}: {
  range: TimeRange;
  filter: string;
  onRangeChange: (range: TimeRange) => void;
  onFilterChange: (filter: string) => void;
  onOpenTrace: (traceId: string) => void;
}) {
  const [draft, setDraft] = useState(filter);
  const [lookup, setLookup] = useState('');
  const [lookupError, setLookupError] = useState<string | undefined>();
  // The URL changed under the form (back button, a link): show what is applied.
  const [applied, setApplied] = useState(filter);
  if (applied !== filter) {
    setApplied(filter);
    setDraft(filter);
  }

  const submitFilter = (event: FormEvent) => {
    event.preventDefault();
    onFilterChange(draft.trim());
  };
  const submitLookup = (event: FormEvent) => {
    event.preventDefault();
    const id = normalizeTraceId(lookup);
    if (id) onOpenTrace(id);
    else setLookupError('Not a trace id: paste an X-Ray or W3C trace id, or a trace header.');
  };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <select
          aria-label="Time range"
          value={range}
          onChange={(event) => onRangeChange(event.target.value as TimeRange)}
          className={INPUT}
        >
          {Object.entries(TIME_RANGES).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <form role="search" onSubmit={submitFilter} className="flex min-w-80 flex-1 gap-2">
          <input
            type="text"
            aria-label="Filter expression"
            data-page-filter
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder='e.g. service("orders-api") AND fault = true'
            spellCheck={false}
            className={`${INPUT} flex-1 font-mono`}
          />
          <button type="submit" className={BUTTON}>
            Apply
          </button>
        </form>
        <form onSubmit={submitLookup} className="flex gap-2">
          <input
            type="text"
            aria-label="Trace id"
            value={lookup}
            onChange={(event) => {
              setLookup(event.target.value);
              setLookupError(undefined);
            }}
            placeholder="Open a trace by id"
            spellCheck={false}
            aria-invalid={lookupError !== undefined}
            aria-describedby={lookupError ? 'trace-id-error' : undefined}
            className={`${INPUT} w-64 font-mono`}
          />
          <button type="submit" className={BUTTON}>
            Open
          </button>
        </form>
      </div>
      {lookupError && (
        <p id="trace-id-error" className="text-sm text-red-700 dark:text-red-300">
          {lookupError}
        </p>
      )}
      <p className={`text-xs ${MUTED}`}>
        X-Ray filter expressions: <code className="font-mono">http.status = 500</code>,{' '}
        <code className="font-mono">responsetime &gt; 1</code>,{' '}
        <code className="font-mono">annotation.customer_tier = &quot;gold&quot;</code>.
      </p>
    </div>
  );
}
