/**
 * The "type the name to confirm" field of a destructive action: the action stays disabled until
 * the word matches exactly.
 */
export function ConfirmWordField({
  word,
  value,
  onChange,
}: {
  word: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className="block">
      <span className="block text-slate-700 dark:text-slate-300">
        Type <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">{word}</code>{' '}
        to confirm
      </span>
      <input
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        spellCheck={false}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200 dark:border-slate-600 dark:bg-slate-800"
      />
    </label>
  );
}
