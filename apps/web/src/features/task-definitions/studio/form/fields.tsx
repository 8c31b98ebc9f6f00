import type { JsonValue } from '@deckhand/shared/taskdef';
import { useState } from 'react';
import { Field, ReadOnlyField, type FieldFrame } from './field';
import { useFormApi } from './form-context';
import { formatStringList, parseIntegerText, parseStringList, sameList } from './lib/inputs';
import type { EditOptions } from './lib/json-edit';
import { readBoolean, readNumber, readString, readStringArray } from './lib/values';
import { CHECKBOX, CONTROL } from './styles';

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
