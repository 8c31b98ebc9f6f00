import type { JsonValue } from '@deckhand/shared/taskdef';
import { useFormApi } from './form-context';
import { insertItem, isJsonObject, moveItem, removeIn } from './lib/json-edit';
import { member } from './lib/values';
import { SMALL_BUTTON } from './styles';

/** A name not taken by another container: `web-copy`, `web-copy-2`, … */
export function uniqueName(base: string, taken: readonly string[]): string {
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n += 1) if (!taken.includes(`${base}-${n}`)) return `${base}-${n}`;
}

const SEGMENTS = ['containerDefinitions'] as const;

export function CardActions({
  index,
  name,
  count,
  names,
}: {
  index: number;
  name: string;
  count: number;
  names: readonly string[];
}) {
  const copyBase = `${names[index] || 'container'}-copy`;
  const api = useFormApi();
  const move = (to: number) => api.update((document) => moveItem(document, SEGMENTS, index, to));
  return (
    <>
      <button
        type="button"
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => move(index - 1)}
        className={SMALL_BUTTON}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={index >= count - 1}
        onClick={() => move(index + 1)}
        className={SMALL_BUTTON}
      >
        ↓
      </button>
      <button
        type="button"
        aria-label={`Duplicate ${name}`}
        disabled={count >= 10}
        title={count >= 10 ? 'A task definition holds at most 10 containers.' : undefined}
        onClick={() =>
          api.update((document) => {
            const source = member(document, 'containerDefinitions');
            const original = Array.isArray(source) ? source[index] : undefined;
            if (original === undefined) return document;
            const copy: JsonValue = isJsonObject(original)
              ? { ...structuredClone(original), name: uniqueName(copyBase, names) }
              : structuredClone(original);
            return insertItem(document, SEGMENTS, copy, index + 1);
          })
        }
        className={SMALL_BUTTON}
      >
        Duplicate
      </button>
      <button
        type="button"
        aria-label={`Remove ${name}`}
        onClick={() => api.update((document) => removeIn(document, [...SEGMENTS, index]))}
        className={`${SMALL_BUTTON} text-red-700 dark:text-red-300`}
      >
        Remove
      </button>
    </>
  );
}
