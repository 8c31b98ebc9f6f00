import type { PortKind } from '../lib/port-map-selectors';

/** Literal classes so Tailwind finds them; each pair passes AA in both themes. */
const STYLES: Record<PortKind, string> = {
  dynamic:
    'bg-sky-100 text-sky-900 ring-sky-300 dark:bg-sky-900/50 dark:text-sky-100 dark:ring-sky-700',
  static:
    'bg-amber-100 text-amber-900 ring-amber-300 dark:bg-amber-900/50 dark:text-amber-100 dark:ring-amber-700',
  awsvpc:
    'bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-900/50 dark:text-violet-100 dark:ring-violet-700',
};

/** `dynamic`, `static` or `awsvpc`, with what it means as a tooltip. */
export function PortBadge({ kind, title }: { kind: PortKind; title: string }) {
  return (
    <span
      title={title}
      data-port-kind={kind}
      className={`inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[kind]}`}
    >
      {kind}
    </span>
  );
}

/** What each badge means, with the ephemeral range in use. */
export function PortLegend({ legend }: { legend: Record<PortKind, string> }) {
  const kinds: PortKind[] = ['dynamic', 'static', 'awsvpc'];
  return (
    <dl
      aria-label="Port kinds"
      className="flex flex-wrap gap-x-6 gap-y-2 text-xs text-slate-600 dark:text-slate-300"
    >
      {kinds.map((kind) => (
        <div key={kind} className="flex items-center gap-2">
          <dt>
            <PortBadge kind={kind} title={legend[kind]} />
          </dt>
          <dd>{legend[kind]}</dd>
        </div>
      ))}
    </dl>
  );
}
