import type { JsonObject, JsonValue } from '@deckhand/shared/taskdef';
import { Field } from './field';
import { useFormApi } from './form-context';
import {
  FARGATE_CPUS,
  fargateSizeView,
  formatCpuChoice,
  formatMemoryChoice,
  memoryForCpu,
} from './lib/fargate-options';
import { setIn } from './lib/json-edit';
import { previewJson } from './lib/values';
import { CONTROL } from './styles';

const shown = (raw: JsonValue | undefined) =>
  typeof raw === 'string' ? raw : raw === undefined ? '' : previewJson(raw);

/**
 * Task CPU and memory on Fargate: the CPU from the Fargate table, the memory from the values that
 * CPU allows; both written as strings (`"1024"`), as the API takes them. A pair that is not in
 * the table (pasted) is shown as it is and marked; the lint finding says what to choose.
 */
export function FargateSizePicker({
  cpu,
  memory,
}: {
  cpu: JsonValue | undefined;
  memory: JsonValue | undefined;
}) {
  const api = useFormApi();
  const view = fargateSizeView(cpu, memory);
  const cpuOffTable = cpu !== undefined && view.cpu === undefined;
  const memoryOffTable =
    memory !== undefined &&
    (view.memory === undefined || !view.memoryChoices.includes(view.memory));
  const invalid = (cpu !== undefined || memory !== undefined) && !view.valid;
  const chooseCpu = (text: string) => {
    const next = Number(text);
    if (!FARGATE_CPUS.includes(next)) return;
    const nextMemory = memoryForCpu(next, view.memory);
    api.update((document: JsonObject) => {
      const withCpu = setIn(document, ['cpu'], String(next));
      return nextMemory === undefined ? withCpu : setIn(withCpu, ['memory'], String(nextMemory));
    });
  };
  return (
    <>
      <Field
        label="Task CPU"
        segments={['cpu']}
        hint="Fargate sizes; the memory choices follow the CPU."
        problem={cpuOffTable ? 'not a Fargate CPU size' : undefined}
      >
        {(control) => (
          <select
            {...control}
            aria-invalid={control['aria-invalid'] ?? (invalid ? true : undefined)}
            value={view.cpu === undefined ? (cpuOffTable ? 'current' : '') : String(view.cpu)}
            onChange={(event) => chooseCpu(event.target.value)}
            className={CONTROL}
          >
            {cpu === undefined && <option value="">choose…</option>}
            {cpuOffTable && (
              <option value="current">{shown(cpu)} (current, not a Fargate size)</option>
            )}
            {FARGATE_CPUS.map((value) => (
              <option key={value} value={String(value)}>
                {formatCpuChoice(value)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label="Task memory"
        segments={['memory']}
        hint={
          view.cpu === undefined
            ? 'Choose a CPU first.'
            : `MiB; ${view.memoryChoices.length} sizes with this CPU.`
        }
        problem={
          view.cpu === undefined
            ? undefined
            : memoryOffTable
              ? 'not valid with this CPU on Fargate'
              : memory === undefined
                ? 'choose a memory size'
                : undefined
        }
      >
        {(control) => (
          <select
            {...control}
            aria-invalid={control['aria-invalid'] ?? (invalid ? true : undefined)}
            disabled={view.cpu === undefined && memory === undefined}
            value={
              memoryOffTable ? 'current' : view.memory === undefined ? '' : String(view.memory)
            }
            onChange={(event) => {
              if (event.target.value !== 'current' && event.target.value !== '')
                api.set(['memory'], event.target.value);
            }}
            className={CONTROL}
          >
            {memory === undefined && <option value="">choose…</option>}
            {memoryOffTable && <option value="current">{shown(memory)} (current)</option>}
            {view.memoryChoices.map((value) => (
              <option key={value} value={String(value)}>
                {formatMemoryChoice(value)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
