/**
 * Fargate task sizes and ECS's unit strings (REFERENCE.md §5). Task-level `cpu` and `memory` are
 * strings in the API: CPU units (`"1024"`) or vCPU (`"1 vCPU"`), MiB (`"2048"`) or GB (`"2 GB"`).
 * ECS normalises the unit forms to plain numbers on register.
 */

/** Each Fargate CPU value with the memory values (MiB) it may be paired with, ascending. */
export const FARGATE_SIZES: ReadonlyArray<{ cpu: number; memory: readonly number[] }> = [
  { cpu: 256, memory: [512, 1024, 2048] },
  { cpu: 512, memory: range(1024, 4096, 1024) },
  { cpu: 1024, memory: range(2048, 8192, 1024) },
  { cpu: 2048, memory: range(4096, 16384, 1024) },
  { cpu: 4096, memory: range(8192, 30720, 1024) },
  { cpu: 8192, memory: range(16384, 61440, 4096) },
  { cpu: 16384, memory: range(32768, 122880, 8192) },
];

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

/** Every valid Fargate pair, smallest first. */
export const FARGATE_PAIRS: ReadonlyArray<{ cpu: number; memory: number }> = FARGATE_SIZES.flatMap(
  (size) => size.memory.map((memory) => ({ cpu: size.cpu, memory })),
);

/**
 * CPU units from a task- or container-level value: `1024`, `"1024"`, `"1 vCPU"`, `"0.25 vcpu"`.
 * `undefined` when absent or not a CPU value.
 */
export function parseCpu(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const vcpu = /^(\d+(?:\.\d+)?)\s*vcpus?$/i.exec(text);
  if (vcpu?.[1] !== undefined) return Math.round(Number(vcpu[1]) * 1024);
  return undefined;
}

/** MiB from a task- or container-level value: `2048`, `"2048"`, `"2 GB"`, `"0.5GB"`. */
export function parseMemory(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const gb = /^(\d+(?:\.\d+)?)\s*gb$/i.exec(text);
  if (gb?.[1] !== undefined) return Math.round(Number(gb[1]) * 1024);
  const mb = /^(\d+)\s*mi?b$/i.exec(text);
  if (mb?.[1] !== undefined) return Number(mb[1]);
  return undefined;
}

/** Whether Fargate runs a task of this size. */
export function isValidFargatePair(cpu: number, memory: number): boolean {
  return FARGATE_SIZES.some((size) => size.cpu === cpu && size.memory.includes(memory));
}

/** The memory values Fargate allows with this CPU (empty when the CPU is not a Fargate value). */
export function fargateMemoryFor(cpu: number): readonly number[] {
  return FARGATE_SIZES.find((size) => size.cpu === cpu)?.memory ?? [];
}

/**
 * The valid Fargate size closest to what was asked, never smaller in either dimension when a
 * bigger one exists: the smallest pair with cpu ≥ `cpu` and memory ≥ `memory`; the largest pair
 * when nothing is that big. A missing dimension counts as 0.
 */
export function nearestFargateSize(
  cpu: number | undefined,
  memory: number | undefined,
): { cpu: number; memory: number } {
  const wantCpu = cpu ?? 0;
  const wantMemory = memory ?? 0;
  const fits = FARGATE_PAIRS.filter((pair) => pair.cpu >= wantCpu && pair.memory >= wantMemory);
  const best = fits.reduce<{ cpu: number; memory: number } | undefined>(
    (chosen, pair) =>
      !chosen || pair.cpu < chosen.cpu || (pair.cpu === chosen.cpu && pair.memory < chosen.memory)
        ? pair
        : chosen,
    undefined,
  );
  return best ?? { cpu: 16384, memory: 122880 };
}
