import {
  addXRaySidecar,
  pointAtClusterDaemon,
  type ConversionNote,
  type JsonObject,
} from '@deckhand/shared/taskdef';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { MUTED } from '../../../components/ui/styles';

export interface HelperResult {
  title: string;
  taskDefinition: JsonObject;
  notes: ConversionNote[];
}

const HELPERS: readonly { label: string; run: (document: JsonObject) => HelperResult }[] = [
  {
    label: 'Add X-Ray daemon sidecar',
    run: (document) => ({ title: 'X-Ray daemon sidecar added', ...addXRaySidecar(document) }),
  },
  {
    label: 'Point at cluster X-Ray daemon',
    run: (document) => ({
      title: 'Pointed at the cluster’s X-Ray daemon',
      ...pointAtClusterDaemon(document),
    }),
  },
];

/**
 * "Helpers ▾": one-click changes that are easy to get wrong by hand (the X-Ray daemon sidecar for
 * the task's network mode, or pointing the apps at a cluster daemon). Disabled while the JSON
 * does not parse.
 */
export function HelpersMenu({
  draft,
  onApply,
}: {
  draft: JsonObject | undefined;
  onApply: (result: HelperResult) => void;
}) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  return (
    <div ref={root} className="relative">
      <Button
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={!draft}
        onClick={() => setOpen((current) => !current)}
      >
        Helpers <span aria-hidden="true">▾</span>
      </Button>
      {open && draft && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Helpers"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              const items = [
                ...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
              ];
              const at = items.indexOf(document.activeElement as HTMLElement);
              const step = event.key === 'ArrowDown' ? 1 : -1;
              items[(at + step + items.length) % items.length]?.focus();
            }
          }}
          className="absolute right-0 z-20 mt-1 w-72 rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700"
        >
          {HELPERS.map((helper) => (
            <button
              key={helper.label}
              type="button"
              role="menuitem"
              onClick={() => {
                setOpen(false);
                onApply(helper.run(draft));
              }}
              className="block w-full px-3 py-2 text-left hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800"
            >
              {helper.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

/** What a helper did and what to watch out for (ADOT, the task role's policy), until dismissed. */
export function HelperNotice({
  result,
  onDismiss,
}: {
  result: HelperResult;
  onDismiss: () => void;
}) {
  return (
    <section
      role="status"
      aria-label={result.title}
      className="rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 ring-1 ring-sky-200 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-800"
    >
      <div className="flex items-start justify-between gap-3">
        <div>
          <p className="font-medium">{result.title}</p>
          {result.notes.length > 0 ? (
            <ul className="mt-1 ml-4 list-disc">
              {result.notes.map((note, index) => (
                <li key={`${note.path}-${index}`}>{note.message}</li>
              ))}
            </ul>
          ) : (
            <p className={MUTED}>Nothing else to do.</p>
          )}
        </div>
        <Button onClick={onDismiss}>Dismiss</Button>
      </div>
    </section>
  );
}
