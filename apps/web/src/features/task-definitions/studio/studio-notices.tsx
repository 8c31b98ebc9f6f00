import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { formatTime } from '../../../lib/format';
import type { ParsedText } from './lib/json-text';

const NOTICE =
  'flex flex-wrap items-center justify-between gap-2 rounded-md px-3 py-2 text-sm ring-1';

/** "Restored your draft from …" (discard or keep), and why the draft is not being saved. */
export function DraftNotices({
  restoredFrom,
  error,
  onDiscard,
  onKeep,
}: {
  restoredFrom: string | undefined;
  error: string | undefined;
  onDiscard: () => void;
  onKeep: () => void;
}) {
  return (
    <>
      {restoredFrom && (
        <div
          role="status"
          className={`${NOTICE} bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800`}
        >
          <span>Restored your draft from {formatTime(restoredFrom)}.</span>
          <span className="flex gap-2">
            <Button onClick={onDiscard}>Discard restored draft</Button>
            <Button onClick={onKeep}>Keep it</Button>
          </span>
        </div>
      )}
      {error && (
        <p
          role="alert"
          className={`${NOTICE} bg-red-50 text-red-800 ring-red-200 dark:bg-red-950 dark:text-red-200 dark:ring-red-800`}
        >
          {error}
        </p>
      )}
    </>
  );
}

/** In place of the form while the JSON does not parse (the text is kept as typed). */
export function SyntaxBanner({
  parsed,
  onShowJson,
}: {
  parsed: ParsedText;
  /** Given when the JSON view is hidden. */
  onShowJson?: (() => void) | undefined;
}) {
  return (
    <div
      role="alert"
      className="rounded-md bg-amber-50 px-3 py-3 text-sm text-amber-900 ring-1 ring-amber-200 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-800"
    >
      {parsed.ok
        ? 'The JSON is not an object: a task definition is one ({ … }) — fix it in the JSON view.'
        : `The JSON has a syntax error at line ${parsed.line}, column ${parsed.column} — fix it in the JSON view.`}
      {onShowJson && (
        <Button className="ml-2" onClick={onShowJson}>
          Show the JSON view
        </Button>
      )}
    </div>
  );
}

/** Asks before throwing the draft away (here and in the browser's storage). */
export function DiscardDialog({
  baseLabel,
  onCancel,
  onDiscard,
}: {
  baseLabel: string | undefined;
  onCancel: () => void;
  onDiscard: () => void;
}) {
  return (
    <Dialog title="Discard the draft?" onClose={onCancel}>
      <p>
        Your changes{baseLabel ? ` since ${baseLabel}` : ''} are thrown away, here and in this
        browser’s storage.
      </p>
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="danger" onClick={onDiscard}>
          Discard
        </Button>
      </div>
    </Dialog>
  );
}
