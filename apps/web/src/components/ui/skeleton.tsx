/** A loading placeholder shaped like the rows to come; announced to screen readers. */
export function Skeleton({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={`Loading ${label}`} className="space-y-2" aria-busy="true">
      {Array.from({ length: rows }, (_, index) => (
        <div
          key={index}
          className="h-8 animate-pulse rounded bg-slate-200 dark:bg-slate-800"
          style={{ width: `${100 - ((index * 13) % 30)}%` }}
        />
      ))}
      <span className="sr-only">Loading {label}…</span>
    </div>
  );
}
