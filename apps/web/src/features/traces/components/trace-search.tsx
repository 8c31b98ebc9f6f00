import { INPUT, MUTED } from '../../../components/ui/styles';
import { TOOL_BUTTON } from './waterfall-styles';

/** Search within the trace: the match count and previous/next match (Enter, Shift+Enter). */
export function TraceSearch({
  query,
  onQuery,
  count,
  current,
  onStep,
}: {
  query: string;
  onQuery: (query: string) => void;
  count: number;
  /** 0-based position of the current match; -1 before the first step. */
  current: number;
  onStep: (direction: 1 | -1) => void;
}) {
  const status = !query.trim()
    ? ''
    : count === 0
      ? 'No match'
      : current < 0
        ? `${count} ${count === 1 ? 'match' : 'matches'}`
        : `${current + 1} of ${count} matches`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <input
        type="search"
        aria-label="Search this trace"
        placeholder="Find spans by name, annotation or URL"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          onStep(event.shiftKey ? -1 : 1);
        }}
        className={`${INPUT} w-72`}
      />
      <span role="status" data-testid="trace-search-count" className={`min-w-24 text-sm ${MUTED}`}>
        {status}
      </span>
      <button
        type="button"
        className={TOOL_BUTTON}
        disabled={count === 0}
        onClick={() => onStep(-1)}
      >
        Previous match
      </button>
      <button
        type="button"
        className={TOOL_BUTTON}
        disabled={count === 0}
        onClick={() => onStep(1)}
      >
        Next match
      </button>
    </div>
  );
}
