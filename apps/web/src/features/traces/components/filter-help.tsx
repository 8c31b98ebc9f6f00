import { MUTED } from '../../../components/ui/styles';

/** X-Ray filter expressions worth knowing, with what each finds. */
export const FILTER_EXAMPLES = [
  { expression: 'service("api") { fault }', meaning: 'traces where the service "api" faulted' },
  { expression: 'http.status = 500', meaning: 'requests answered 500' },
  { expression: 'responsetime > 1', meaning: 'responses slower than 1 second' },
  { expression: 'annotation.customer = "gold"', meaning: 'an annotation’s value' },
  { expression: 'error', meaning: 'a client error (4xx) anywhere' },
  { expression: 'throttle', meaning: 'throttled (429) anywhere' },
  { expression: 'http.url CONTAINS "/checkout"', meaning: 'URLs containing a path' },
] as const;

/**
 * A disclosure with filter-expression examples; picking one puts it in the filter box (the user
 * still applies it, after editing the service name or value).
 */
export function FilterHelp({ onPick }: { onPick: (expression: string) => void }) {
  return (
    <details className="text-sm">
      <summary
        className={`cursor-pointer rounded select-none focus-visible:outline-2 focus-visible:outline-sky-500 ${MUTED}`}
      >
        Filter expression syntax
      </summary>
      <div className="mt-2 space-y-2">
        <p className={MUTED}>
          Combine with <code className="font-mono">AND</code>, <code className="font-mono">OR</code>{' '}
          and <code className="font-mono">NOT</code>; durations are in seconds. Pick an example to
          edit it:
        </p>
        <ul aria-label="Filter examples" className="grid gap-1 sm:grid-cols-2">
          {FILTER_EXAMPLES.map(({ expression, meaning }) => (
            <li key={expression} className="flex items-baseline gap-2">
              <button
                type="button"
                onClick={() => onPick(expression)}
                className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-900 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-sky-900"
              >
                {expression}
              </button>
              <span className={`text-xs ${MUTED}`}>{meaning}</span>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
