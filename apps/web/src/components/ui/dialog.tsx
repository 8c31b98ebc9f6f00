import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

/**
 * A modal dialog: labelled by its title, closed by Escape or the backdrop, focus moved into it on
 * open and back to where it was on close.
 */
const WIDTH = { md: 'max-w-md', xl: 'max-w-3xl' } as const;

export function Dialog({
  title,
  onClose,
  children,
  size = 'md',
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** `xl` for dialogs that show documents (JSON to paste or copy). */
  size?: keyof typeof WIDTH;
}) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = panel.current?.querySelector<HTMLElement>('input, textarea, select, button');
    first?.focus();
    return () => previous?.focus();
  }, []);

  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-950/50 p-4"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
        className={`w-full ${WIDTH[size]} max-h-[calc(100vh-2rem)] overflow-y-auto rounded-lg bg-white p-5 text-slate-900 shadow-xl ring-1 ring-slate-200 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700`}
      >
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <div className="mt-3 space-y-3 text-sm">{children}</div>
      </div>
    </div>
  );
}

/** A dialog form's footer: Cancel, and the submit button that does what the dialog is for. */
export function DialogActions({
  onCancel,
  submitLabel,
  variant,
  disabled,
}: {
  onCancel: () => void;
  submitLabel: string;
  variant: 'primary' | 'danger';
  disabled: boolean;
}) {
  return (
    <div className="flex justify-end gap-2">
      <Button onClick={onCancel}>Cancel</Button>
      <Button type="submit" variant={variant} disabled={disabled}>
        {submitLabel}
      </Button>
    </div>
  );
}
