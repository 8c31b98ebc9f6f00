import { normalizeTraceId } from '@deckhand/shared';
import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { InlineError } from '../../../components/ui/inline-error';
import { INPUT } from '../../../components/ui/styles';
import type { TimeSpan } from '../lib/time-range';
import { FilterHelp } from './filter-help';
import { TimeRangePicker } from './time-range-picker';

/**
 * The search controls: the time window, the filter expression (applies on submit, so a
 * half-typed expression is never sent; X-Ray's refusal of it shows under it) and a box that opens
 * a trace by id, in any form a user pastes it (X-Ray id, W3C id, X-Amzn-Trace-Id or traceparent).
 */
export function TraceSearchForm({
  span,
  filter,
  filterError,
  onSpanChange,
  onFilterChange,
  onOpenTrace,
}: {
  span: TimeSpan;
  filter: string;
  /** The BFF's 400 for the applied expression, if it refused it. */
  filterError?: unknown;
  onSpanChange: (span: TimeSpan) => void;
  onFilterChange: (filter: string) => void;
  onOpenTrace: (traceId: string) => void;
}) {
  const filterInput = useRef<HTMLInputElement>(null);
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
      <div className="flex flex-wrap items-start gap-2">
        <TimeRangePicker span={span} onChange={onSpanChange} />
        <form role="search" onSubmit={submitFilter} className="flex min-w-80 flex-1 gap-2">
          <input
            ref={filterInput}
            type="text"
            aria-label="Filter expression"
            data-page-filter
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder='e.g. service("orders-api") { fault }'
            spellCheck={false}
            aria-invalid={filterError ? true : undefined}
            className={`${INPUT} flex-1 font-mono`}
          />
          <Button type="submit">Apply</Button>
        </form>
        <form onSubmit={submitLookup} aria-label="Open trace" className="flex gap-2">
          <input
            type="text"
            aria-label="Trace id"
            value={lookup}
            onChange={(event) => {
              setLookup(event.target.value);
              setLookupError(undefined);
            }}
            placeholder="Paste a trace id or header"
            spellCheck={false}
            aria-invalid={lookupError !== undefined}
            aria-describedby={lookupError ? 'trace-id-error' : undefined}
            className={`${INPUT} w-64 font-mono`}
          />
          <Button type="submit">Open</Button>
        </form>
      </div>
      {lookupError && (
        <p id="trace-id-error" role="alert" className="text-sm text-red-700 dark:text-red-300">
          {lookupError}
        </p>
      )}
      {filterError ? <InlineError error={filterError} /> : null}
      <FilterHelp
        onPick={(expression) => {
          setDraft(expression);
          filterInput.current?.focus();
        }}
      />
    </div>
  );
}
