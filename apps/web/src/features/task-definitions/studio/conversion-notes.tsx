import type { ConversionNote } from '@deckhand/shared/taskdef';
import { MUTED } from '../../../components/ui/styles';

const KIND_TITLE: Record<ConversionNote['kind'], string> = {
  shape: 'Recognised',
  'read-only-removed': 'Removed (read-only, AWS adds them)',
  'null-removed': 'Removed nulls',
  'unknown-field': 'Unknown members (kept; ECS may refuse them)',
  placeholder: 'Placeholders to fill in',
  changed: 'Changed',
  dropped: 'Dropped',
  info: 'Notes',
};

const ORDER: readonly ConversionNote['kind'][] = [
  'shape',
  'placeholder',
  'unknown-field',
  'dropped',
  'changed',
  'info',
  'read-only-removed',
  'null-removed',
];

/** How many notes of a kind are listed before "and N more". */
const SHOWN = 6;

/** What an import or conversion did, grouped by kind: removed, changed, kept, to fill in. */
export function ConversionNotes({
  notes,
  label,
}: {
  notes: readonly ConversionNote[];
  label: string;
}) {
  if (notes.length === 0) return null;
  return (
    <div aria-label={label} role="group" className="max-h-56 space-y-2 overflow-auto text-xs">
      {ORDER.map((kind) => {
        const ofKind = notes.filter((note) => note.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} aria-label={KIND_TITLE[kind]}>
            <h3 className="font-semibold">
              {KIND_TITLE[kind]} ({ofKind.length})
            </h3>
            <ul className="ml-4 list-disc">
              {ofKind.slice(0, SHOWN).map((note, index) => (
                <li key={`${note.path}-${index}`}>
                  {note.message}
                  {note.path && <code className={`ml-1 font-mono ${MUTED}`}>{note.path}</code>}
                </li>
              ))}
              {ofKind.length > SHOWN && <li className={MUTED}>and {ofKind.length - SHOWN} more</li>}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
