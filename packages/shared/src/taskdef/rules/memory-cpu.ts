import { DOCS, fix, num, present, type ContainerView, type LintRule } from './model.js';

/** Container memory and CPU against each other and against the task size. */

/** A container's integer member; `unknown` when present but not a number (placeholder, typo). */
function amount(container: ContainerView, key: string): number | 'absent' | 'unknown' {
  if (!present(container.def, key)) return 'absent';
  return num(container.def, key) ?? 'unknown';
}

/** Σ per container of what placement reserves (memoryReservation, else memory); undefined when unknowable. */
function sum(
  containers: readonly ContainerView[],
  pick: (container: ContainerView) => number | 'absent' | 'unknown',
): { total: number; parts: string[] } | undefined {
  let total = 0;
  const parts: string[] = [];
  for (const container of containers) {
    const value = pick(container);
    if (value === 'unknown') return undefined;
    if (value === 'absent') continue;
    total += value;
    parts.push(`${container.name ?? `#${container.index + 1}`} ${value}`);
  }
  return { total, parts };
}

const summary = (parts: string[]) =>
  parts.length > 6 ? `${parts.slice(0, 6).join(', ')}, …` : parts.join(', ');

export const memoryCpuRules: LintRule[] = [
  {
    id: 'container-memory-required',
    severity: 'error',
    title: 'Container memory required without task memory',
    docUrl: DOCS.memory,
    *check({ containers, taskMemory, fargate }) {
      // Fargate always has task memory; its absence is `fargate-invalid-size`.
      if (taskMemory.state !== 'absent' || fargate) return;
      for (const container of containers) {
        if (present(container.def, 'memory') || present(container.def, 'memoryReservation')) {
          continue;
        }
        yield {
          path: container.at('memory'),
          message: `${container.label}: without task-level memory, each container needs memory or memoryReservation (MiB).`,
        };
      }
    },
  },
  {
    id: 'memory-below-reservation',
    severity: 'error',
    title: 'memory below memoryReservation',
    docUrl: DOCS.memory,
    *check({ containers }) {
      for (const container of containers) {
        const memory = num(container.def, 'memory');
        const reservation = num(container.def, 'memoryReservation');
        if (memory === undefined || reservation === undefined || memory >= reservation) continue;
        yield {
          path: container.at('memoryReservation'),
          message: `${container.label}: memoryReservation ${reservation} MiB must not exceed memory ${memory} MiB (the hard limit).`,
          fix: fix(`Reserve ${memory} MiB`, [
            { op: 'set', path: container.at('memoryReservation'), value: memory },
          ]),
        };
      }
    },
  },
  {
    id: 'container-memory-exceeds-task',
    severity: 'error',
    title: 'Container memory above task memory',
    docUrl: DOCS.memory,
    *check({ containers, taskMemory }) {
      if (taskMemory.state !== 'value') return;
      for (const container of containers) {
        const memory = num(container.def, 'memory');
        if (memory === undefined || memory <= taskMemory.value) continue;
        yield {
          path: container.at('memory'),
          message: `${container.label}: memory ${memory} MiB is more than the task's ${taskMemory.value} MiB.`,
          fix: fix(`Limit to ${taskMemory.value} MiB`, [
            { op: 'set', path: container.at('memory'), value: taskMemory.value },
          ]),
        };
      }
    },
  },
  {
    id: 'memory-reservations-exceed-task',
    severity: 'error',
    title: 'Container memory reservations above task memory',
    docUrl: DOCS.memory,
    *check({ containers, taskMemory }) {
      if (taskMemory.state !== 'value') return;
      const reserved = sum(containers, (container) => {
        const reservation = amount(container, 'memoryReservation');
        return reservation === 'absent' ? amount(container, 'memory') : reservation;
      });
      if (!reserved || reserved.total <= taskMemory.value) return;
      yield {
        path: 'memory',
        message: `The containers reserve ${reserved.total} MiB (${summary(reserved.parts)}), more than the task's ${taskMemory.value} MiB.`,
      };
    },
  },
  {
    id: 'cpu-sum-exceeds-task',
    severity: 'error',
    title: 'Container CPU above task CPU',
    docUrl: DOCS.cpu,
    *check({ containers, taskCpu }) {
      if (taskCpu.state !== 'value') return;
      const cpu = sum(containers, (container) => amount(container, 'cpu'));
      if (!cpu || cpu.total <= taskCpu.value) return;
      yield {
        path: 'cpu',
        message: `The containers ask for ${cpu.total} CPU units (${summary(cpu.parts)}), more than the task's ${taskCpu.value}.`,
      };
    },
  },
];
