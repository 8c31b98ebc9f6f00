import { formatPath, type JsonValue } from '@deckhand/shared/taskdef';
import { useState, type ReactNode } from 'react';
import { FindingList } from './findings';
import { useFindingsAt, useFormApi } from './form-context';
import { formatStringList, parseIntegerText, parseStringList, sameList } from './lib/inputs';
import type { EditOptions, Segments } from './lib/json-edit';
import {
  describeType,
  previewJson,
  readBoolean,
  readNumber,
  readString,
  readStringArray,
} from './lib/values';
import { CHECKBOX, CONTROL, HINT, LABEL, PROBLEM, READ_ONLY_CONTROL } from './styles';

/** The attributes every control gets: id (from the path), data-path, descriptions, invalid state. */
export interface ControlProps {
  id: string;
  'data-path': string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

export interface FieldFrame {
  label: ReactNode;
  segments: Segments;
  /** Where findings for this field are looked up; defaults to the field's own path. */
  anchor?: string;
  hint?: ReactNode;
  /** Visually hidden label (rows under a visible column header). */
  hideLabel?: boolean;
  className?: string;
  /** Distinguishes two controls on one path (a log option's key and value). */
  part?: string;
  /** The findings are shown by the row around the field, not by the field. */
  quiet?: boolean;
}

/**
 * A labelled field: label, the control, a local problem ("enter a number"), the hint and the
 * lint findings for its path. `data-anchor` lets focus requests find it.
 */
export function Field({
  label,
  segments,
  anchor,
  hint,
  hideLabel,
  className = '',
  part,
  quiet,
  problem,
  inline,
  children,
}: FieldFrame & {
  problem?: string | undefined;
  /** Label after the control (checkboxes). */
  inline?: boolean;
  children: (control: ControlProps) => ReactNode;
}) {
  const api = useFormApi();
  const path = formatPath(segments);
  const id = api.idFor(path, part);
  const anchored = useFindingsAt(anchor ?? path);
  const findings = quiet ? [] : anchored;
  const describedBy = [
    problem ? `${id}--problem` : '',
    hint ? `${id}--hint` : '',
    findings.length > 0 ? `${id}--findings` : '',
  ].filter(Boolean);
  const control: ControlProps = {
    id,
    'data-path': path,
    'aria-describedby': describedBy.length > 0 ? describedBy.join(' ') : undefined,
    'aria-invalid':
      problem || findings.some((finding) => finding.severity === 'error') ? true : undefined,
  };
  const labelElement = (
    <label
      htmlFor={id}
      className={
        hideLabel ? 'sr-only' : inline ? 'text-sm text-slate-800 dark:text-slate-200' : LABEL
      }
    >
      {label}
    </label>
  );
  return (
    <div
      data-anchor={quiet ? undefined : (anchor ?? path)}
      data-part={part}
      className={`min-w-0 ${className}`}
    >
      {inline ? (
        <div className="flex items-center gap-2 py-1">
          {children(control)}
          {labelElement}
        </div>
      ) : (
        <>
          {labelElement}
          {children(control)}
        </>
      )}
      {problem && (
        <p id={`${id}--problem`} className={PROBLEM}>
          {problem}
        </p>
      )}
      {hint && (
        <p id={`${id}--hint`} className={HINT}>
          {hint}
        </p>
      )}
      <FindingList id={`${id}--findings`} findings={findings} />
    </div>
  );
}

/** A member of an unexpected type: shown as JSON, read-only, with the way to change it. */
export function ReadOnlyField({ value, ...frame }: FieldFrame & { value: JsonValue }) {
  return (
    <Field {...frame} hint={frame.hint}>
      {(control) => (
        <>
          <input {...control} readOnly value={previewJson(value)} className={READ_ONLY_CONTROL} />
          <p className="mt-0.5 text-xs text-amber-800 dark:text-amber-300">
            {describeType(value)}, not the expected type: edit in JSON
          </p>
        </>
      )}
    </Field>
  );
}

/** Text: an emptied input removes the member. */
export function TextField({
  value,
  placeholder,
  mono,
  options,
  disabled,
  ...frame
}: FieldFrame & {
  value: JsonValue | undefined;
  placeholder?: string;
  mono?: boolean;
  options?: EditOptions;
  disabled?: boolean;
}) {
  const api = useFormApi();
  const read = readString(value);
  if (read.state === 'wrong') return <ReadOnlyField {...frame} value={read.raw} />;
  return (
    <Field {...frame}>
      {(control) => (
        <input
          {...control}
          type="text"
          value={read.state === 'ok' ? read.value : ''}
          placeholder={placeholder}
          disabled={disabled}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) =>
            api.set(
              frame.segments,
              event.target.value === '' ? undefined : event.target.value,
              options,
            )
          }
          className={`${CONTROL} ${mono ? 'font-mono text-xs' : ''}`}
        />
      )}
    </Field>
  );
}

/**
 * An integer. Text that is not one stays in the input with "enter a number" and is not written;
 * the draft is dropped when the document changes under it (an edit in JSON, a fix).
 */
export function IntegerField({
  value,
  placeholder,
  disabled,
  options,
  ...frame
}: FieldFrame & {
  value: JsonValue | undefined;
  placeholder?: string;
  disabled?: boolean;
  options?: EditOptions;
}) {
  const api = useFormApi();
  const [draft, setDraft] = useState<{
    text: string;
    base: number | undefined;
    problem?: string;
  }>();
  const read = readNumber(value);
  if (read.state === 'wrong') return <ReadOnlyField {...frame} value={read.raw} />;
  const current = read.state === 'ok' ? read.value : undefined;
  const live = draft && draft.base === current ? draft : undefined;
  return (
    <Field {...frame} problem={live?.problem}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={live ? live.text : current === undefined ? '' : String(current)}
          placeholder={placeholder}
          disabled={disabled}
          onChange={(event) => {
            const text = event.target.value;
            const parsed = parseIntegerText(text);
            if (parsed.kind === 'invalid') {
              setDraft({ text, base: current, problem: parsed.message });
              return;
            }
            const next = parsed.kind === 'number' ? parsed.value : undefined;
            setDraft({ text, base: next });
            api.set(frame.segments, next, options);
          }}
          className={`${CONTROL} tabular-nums`}
        />
      )}
    </Field>
  );
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * One of a set of strings; the empty choice (`unset`) removes the member. A value the list does
 * not know (pasted) is kept and shown as such rather than silently replaced.
 */
export function SelectField({
  value,
  choices,
  emptyLabel = 'unset',
  options,
  disabled,
  ...frame
}: FieldFrame & {
  value: JsonValue | undefined;
  choices: readonly Choice[];
  /** `null`: no empty choice (the member is always written). */
  emptyLabel?: string | null;
  options?: EditOptions;
  disabled?: boolean;
}) {
  const api = useFormApi();
  const read = readString(value);
  if (read.state === 'wrong') return <ReadOnlyField {...frame} value={read.raw} />;
  const current = read.state === 'ok' ? read.value : '';
  const unknown = current !== '' && !choices.some((choice) => choice.value === current);
  return (
    <Field {...frame}>
      {(control) => (
        <select
          {...control}
          value={current}
          disabled={disabled}
          onChange={(event) =>
            api.set(
              frame.segments,
              event.target.value === '' ? undefined : event.target.value,
              options,
            )
          }
          className={CONTROL}
        >
          {(emptyLabel !== null || current === '') && (
            <option value="">{emptyLabel ?? 'choose…'}</option>
          )}
          {unknown && <option value={current}>{current} (not a known value)</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Helper for select choices that show their value. */
export const choicesOf = (values: readonly string[]): Choice[] =>
  values.map((value) => ({ value, label: value }));

/**
 * A boolean. `defaultValue` is what ECS assumes when the member is missing; unticking a box
 * whose default is false removes the member instead of writing `false`.
 */
export function CheckboxField({
  value,
  defaultValue = false,
  ...frame
}: FieldFrame & { value: JsonValue | undefined; defaultValue?: boolean }) {
  const api = useFormApi();
  const read = readBoolean(value);
  if (read.state === 'wrong') return <ReadOnlyField {...frame} value={read.raw} />;
  const checked = read.state === 'ok' ? read.value : defaultValue;
  return (
    <Field {...frame} inline>
      {(control) => (
        <input
          {...control}
          type="checkbox"
          checked={checked}
          onChange={(event) => {
            const next = event.target.checked;
            api.set(frame.segments, !next && !defaultValue ? undefined : next);
          }}
          className={CHECKBOX}
        />
      )}
    </Field>
  );
}

/**
 * A string array as one line (`CMD-SHELL, curl -f http://localhost/ || exit 1`, or a JSON array).
 * The typed text is kept while it still means what the document holds, so a trailing comma or
 * space does not vanish under the cursor.
 */
export function StringListField({
  value,
  placeholder,
  ...frame
}: FieldFrame & { value: JsonValue | undefined; placeholder?: string }) {
  const api = useFormApi();
  const [draft, setDraft] = useState<{
    text: string;
    base: string[] | undefined;
    problem?: string;
  }>();
  const read = readStringArray(value);
  if (read.state === 'wrong') return <ReadOnlyField {...frame} value={read.raw} />;
  const current = read.state === 'ok' ? read.value : undefined;
  const live = draft && sameList(draft.base, current) ? draft : undefined;
  return (
    <Field {...frame} problem={live?.problem}>
      {(control) => (
        <input
          {...control}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={live ? live.text : current ? formatStringList(current) : ''}
          placeholder={placeholder}
          onChange={(event) => {
            const text = event.target.value;
            const parsed = parseStringList(text);
            if (!parsed) {
              setDraft({
                text,
                base: current,
                problem: 'enter items separated by commas, or a JSON array of strings',
              });
              return;
            }
            const next = parsed.length > 0 ? parsed : undefined;
            setDraft({ text, base: next });
            api.set(frame.segments, next);
          }}
          className={`${CONTROL} font-mono text-xs`}
        />
      )}
    </Field>
  );
}
