import { CopyButton } from './copy-button';

/** The resource as JSON, folded away until asked for, with a copy button. */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  const json = JSON.stringify(value, null, 2);
  return (
    <details className="group rounded-lg border border-slate-200 bg-white text-sm dark:border-slate-700 dark:bg-slate-900">
      <summary
        aria-label={`${label} as JSON`}
        className="cursor-pointer px-4 py-2 font-medium text-slate-700 select-none focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:text-slate-200"
      >
        JSON
      </summary>
      <div className="border-t border-slate-200 p-3 dark:border-slate-700">
        <div className="mb-2 flex justify-end">
          <CopyButton value={json} label={`${label} JSON`} />
        </div>
        <pre className="max-h-[32rem] overflow-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">
          {json}
        </pre>
      </div>
    </details>
  );
}
