import { formatPath, type JsonObject, type JsonValue } from '@deckhand/shared/taskdef';
import type { ReactNode } from 'react';
import { FindingList } from './findings';
import { ReadOnlyField } from './field';
import { CheckboxField, IntegerField, SelectField, TextField, type Choice } from './fields';
import { useFindingsAt, useFormApi } from './form-context';
import { insertItem, removeIn, type Segments } from './lib/json-edit';
import { member, readArray } from './lib/values';
import { HINT, SMALL_BUTTON, SUBHEAD } from './styles';

/** One column of a row list: a member of each row object and how it is edited. */
export type RowColumn =
  | {
      key: string;
      header: string;
      kind: 'text';
      placeholder?: string;
      mono?: boolean;
      width?: string;
    }
  | { key: string; header: string; kind: 'integer'; placeholder?: string; width?: string }
  | {
      key: string;
      header: string;
      kind: 'select';
      choices: readonly Choice[];
      emptyLabel?: string | null;
      width?: string;
    }
  | { key: string; header: string; kind: 'checkbox'; width?: string };

function Cell({
  column,
  row,
  segments,
  label,
}: {
  column: RowColumn;
  row: JsonObject;
  segments: Segments;
  label: string;
}) {
  const common = { label, segments, hideLabel: true, value: member(row, column.key) };
  switch (column.kind) {
    case 'text':
      return <TextField {...common} placeholder={column.placeholder} mono={column.mono} />;
    case 'integer':
      return <IntegerField {...common} placeholder={column.placeholder} />;
    case 'select':
      return (
        <SelectField
          {...common}
          choices={column.choices}
          emptyLabel={column.emptyLabel === undefined ? 'choose…' : column.emptyLabel}
        />
      );
    case 'checkbox':
      return <CheckboxField {...common} />;
  }
}

/**
 * A list of small objects edited as rows (environment, secrets, tags, dependsOn, mount points):
 * a visible column header, one visually labelled control per member ("Environment variable 2
 * value"), add and remove. Members of a row the columns do not name are kept; a row that is not
 * an object is shown as JSON.
 */
export function RowList({
  title,
  noun,
  segments,
  value,
  columns,
  newRow,
  hint,
  addDisabled,
  empty,
}: {
  title: string;
  /** "environment variable": names the rows in labels and buttons. */
  noun: string;
  segments: Segments;
  value: JsonValue | undefined;
  columns: readonly RowColumn[];
  newRow: () => JsonObject;
  hint?: ReactNode;
  /** Why nothing can be added (e.g. no volumes declared), or undefined. */
  addDisabled?: string;
  empty?: string;
}) {
  const api = useFormApi();
  const path = formatPath(segments);
  const findings = useFindingsAt(path);
  const read = readArray(value);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  if (read.state === 'wrong')
    return <ReadOnlyField label={title} segments={segments} value={read.raw} />;
  const rows = read.state === 'ok' ? read.value : [];
  const template = columns.map((column) => column.width ?? 'minmax(0,1fr)').join(' ');
  const add = () => {
    api.update((document) => insertItem(document, segments, newRow()));
    const first = columns[0];
    if (first) api.requestFocus(formatPath([...segments, rows.length, first.key]));
  };
  return (
    <div data-anchor={path} className="min-w-0 space-y-1">
      <div className="flex items-center gap-2">
        <h4 className={SUBHEAD}>{title}</h4>
        <span className={HINT}>{rows.length > 0 ? rows.length : ''}</span>
        <button
          type="button"
          onClick={add}
          disabled={addDisabled !== undefined}
          title={addDisabled}
          className={`${SMALL_BUTTON} ml-auto`}
        >
          Add {noun}
        </button>
      </div>
      {hint && <p className={HINT}>{hint}</p>}
      {addDisabled && <p className={HINT}>{addDisabled}</p>}
      <FindingList findings={findings} />
      {rows.length === 0 ? (
        empty && <p className={`text-xs italic ${HINT}`}>{empty}</p>
      ) : (
        <div className="space-y-1">
          <div
            aria-hidden="true"
            className="grid gap-2 pr-8 text-[11px] font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400"
            style={{ gridTemplateColumns: template }}
          >
            {columns.map((column) => (
              <span key={column.key}>{column.header}</span>
            ))}
          </div>
          {rows.map((row, index) => {
            const rowSegments = [...segments, index];
            const rowPath = formatPath(rowSegments);
            const remove = (
              <button
                type="button"
                aria-label={`Remove ${noun} ${index + 1}`}
                title={`Remove ${noun} ${index + 1}`}
                onClick={() => api.update((document) => removeIn(document, rowSegments))}
                className="mt-1 h-6 w-6 shrink-0 rounded text-slate-500 hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-red-950 dark:hover:text-red-300"
              >
                ✕
              </button>
            );
            if (row === null || typeof row !== 'object' || Array.isArray(row)) {
              return (
                <div key={index} className="flex gap-2">
                  <ReadOnlyField
                    label={`${Noun} ${index + 1}`}
                    segments={rowSegments}
                    className="flex-1"
                    value={row}
                  />
                  {remove}
                </div>
              );
            }
            return (
              <RowFrame key={index} anchor={rowPath}>
                <div className="grid flex-1 gap-2" style={{ gridTemplateColumns: template }}>
                  {columns.map((column) => (
                    <Cell
                      key={column.key}
                      column={column}
                      row={row}
                      segments={[...rowSegments, column.key]}
                      label={`${Noun} ${index + 1} ${column.header}`}
                    />
                  ))}
                </div>
                {remove}
              </RowFrame>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** A row with its own findings (a finding about the whole row: a duplicate name). */
function RowFrame({ anchor, children }: { anchor: string; children: ReactNode }) {
  const findings = useFindingsAt(anchor);
  return (
    <div data-anchor={anchor}>
      <div className="flex items-start gap-2">{children}</div>
      <FindingList findings={findings} />
    </div>
  );
}
