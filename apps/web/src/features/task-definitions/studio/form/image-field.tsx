import type { JsonValue } from '@deckhand/shared/taskdef';
import { useState } from 'react';
import { Field, ReadOnlyField } from './field';
import { useFormApi } from './form-context';
import type { Segments } from './lib/json-edit';
import { readString } from './lib/values';
import { CONTROL, SMALL_BUTTON } from './styles';

/** The image reference, with "Choose from ECR" when the page provides a chooser. */
export function ImageField({
  segments,
  value,
  containerName,
  canChoose,
}: {
  segments: Segments;
  value: JsonValue | undefined;
  containerName: string;
  canChoose: boolean;
}) {
  const api = useFormApi();
  const [choosing, setChoosing] = useState(false);
  const read = readString(value);
  if (read.state === 'wrong')
    return (
      <ReadOnlyField label="Image" segments={segments} value={read.raw} className="sm:col-span-2" />
    );
  const current = read.state === 'ok' ? read.value : '';
  return (
    <Field
      label="Image"
      segments={segments}
      className="sm:col-span-2"
      hint="repository-uri:tag or @sha256:digest; pin a tag rather than latest."
    >
      {(control) => (
        <div className="flex gap-2">
          <input
            {...control}
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={current}
            placeholder="123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0.0"
            onChange={(event) =>
              api.set(segments, event.target.value === '' ? undefined : event.target.value)
            }
            className={`${CONTROL} font-mono text-xs`}
          />
          {canChoose && (
            <button
              type="button"
              title={`Choose an image for ${containerName} from ECR`}
              onClick={() => setChoosing(true)}
              className={`${SMALL_BUTTON} shrink-0 whitespace-nowrap`}
            >
              Choose from ECR
            </button>
          )}
          {choosing &&
            api.renderImagePicker({
              value: current,
              onChoose: (image) => {
                setChoosing(false);
                api.set(segments, image);
              },
              onClose: () => setChoosing(false),
            })}
        </div>
      )}
    </Field>
  );
}
