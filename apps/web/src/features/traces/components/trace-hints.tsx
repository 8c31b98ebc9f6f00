import type { ViewHint } from '../lib/trace-model';

const STYLES: Record<ViewHint['severity'], string> = {
  error:
    'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  warning:
    'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
  info: 'border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100',
};

/**
 * What is missing or odd in the trace, above the waterfall: the BFF's hints (shared trace-health
 * helper: LimitExceeded, orphans, broken hops, in-progress spans) and the view's clock skew.
 */
export function TraceHints({
  hints,
  onSelect,
}: {
  hints: readonly ViewHint[];
  onSelect: (spanId: string) => void;
}) {
  if (hints.length === 0) return null;
  return (
    <ul aria-label="Trace hints" className="space-y-1">
      {hints.map((hint, index) => (
        <li
          key={index}
          data-hint={hint.kind}
          className={`rounded-md border px-3 py-2 text-sm ${STYLES[hint.severity]}`}
        >
          {hint.message}
          {hint.spanId !== undefined && (
            <button
              type="button"
              onClick={() => hint.spanId !== undefined && onSelect(hint.spanId)}
              className="ml-2 font-medium underline focus-visible:outline-2 focus-visible:outline-sky-500"
            >
              Show span
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
