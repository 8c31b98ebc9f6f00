import type { LintFinding } from '@deckhand/shared/taskdef';
import { useId, useState, type ReactNode } from 'react';
import { PANEL } from '../../../../components/ui/styles';
import { FindingsCount } from './findings';
import { useFocusRequest } from './form-context';

/**
 * A titled region that folds away: a form section or a container card. A focus request for a
 * path it contains opens it in the same render, so the field is in the DOM when focus moves.
 */
export function Collapsible({
  label,
  heading,
  headingLevel = 2,
  anchor,
  contains,
  defaultOpen = true,
  findings,
  summary,
  actions,
  children,
}: {
  /** The region's accessible name. */
  label: string;
  heading: ReactNode;
  headingLevel?: 2 | 3;
  /** `data-anchor`: where findings and focus for the region itself go. */
  anchor: string;
  contains: (path: string) => boolean;
  defaultOpen?: boolean;
  /** All findings inside, for the count in the header. */
  findings: readonly { severity: LintFinding['severity'] }[];
  /** Shown in the header next to the title (e.g. a container's image). */
  summary?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const bodyId = useId();
  const focus = useFocusRequest();
  const [open, setOpen] = useState(defaultOpen);
  const [seenNonce, setSeenNonce] = useState(focus?.nonce);
  if (focus && focus.nonce !== seenNonce) {
    setSeenNonce(focus.nonce);
    if (!open && contains(focus.path)) setOpen(true);
  }
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      aria-label={label}
      data-anchor={anchor}
      tabIndex={-1}
      className={`${PANEL} outline-none`}
    >
      <header
        className={`flex flex-wrap items-center gap-2 px-3 py-2 ${open ? 'border-b border-slate-200 dark:border-slate-700' : ''} ${headingLevel === 2 ? 'bg-slate-50 dark:bg-slate-800/60' : ''}`}
      >
        <Heading className="min-w-0 text-sm font-semibold">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((value) => !value)}
            className="inline-flex items-center gap-1.5 rounded text-left focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500"
          >
            <span
              aria-hidden="true"
              className={`inline-block w-3 text-slate-500 transition-transform ${open ? 'rotate-90' : ''}`}
            >
              ▸
            </span>
            {heading}
          </button>
        </Heading>
        {summary}
        <FindingsCount findings={findings} />
        {actions && <div className="ml-auto flex flex-wrap items-center gap-1">{actions}</div>}
      </header>
      {open && (
        <div id={bodyId} className="space-y-4 p-3">
          {children}
        </div>
      )}
    </section>
  );
}
