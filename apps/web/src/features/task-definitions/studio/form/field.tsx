import { formatPath, type JsonValue } from '@deckhand/shared/taskdef';
import type { ReactNode } from 'react';
import { FindingList } from './findings';
import { useFindingsAt, useFormApi } from './form-context';
import type { Segments } from './lib/json-edit';
import { describeType, previewJson } from './lib/values';
import { HINT, LABEL, PROBLEM, READ_ONLY_CONTROL } from './styles';

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
