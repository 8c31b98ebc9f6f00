import {
  FARGATE_SIZES,
  fargateMemoryFor,
  isValidFargatePair,
  parseCpu,
  parseMemory,
  type JsonValue,
} from '@deckhand/shared/taskdef';

/** `.25`, `.5`, `1`, `16`: how the Fargate table writes fractions of a vCPU or GB. */
function amount(value: number): string {
  const text = String(Number(value.toFixed(2)));
  return text.startsWith('0.') ? text.slice(1) : text;
}

/** A CPU choice: `.25 vCPU (256)`. */
export const formatCpuChoice = (cpu: number) => `${amount(cpu / 1024)} vCPU (${cpu})`;

/** A memory choice: `.5 GB (512)`, `2 GB (2048)`. */
export const formatMemoryChoice = (memory: number) => `${amount(memory / 1024)} GB (${memory})`;

export const FARGATE_CPUS: readonly number[] = FARGATE_SIZES.map((size) => size.cpu);

/** The task size as the Fargate picker shows it. */
export interface FargateSizeView {
  /** CPU units, when the member reads as a Fargate CPU value. */
  cpu: number | undefined;
  memory: number | undefined;
  /** The members as written (`"1 vCPU"`, `"2 GB"`), for showing a value the picker cannot offer. */
  cpuRaw: JsonValue | undefined;
  memoryRaw: JsonValue | undefined;
  /** Both present and a pair Fargate runs. */
  valid: boolean;
  /** Memory values to offer: only those valid with the CPU (none while the CPU is unknown). */
  memoryChoices: readonly number[];
}

export function fargateSizeView(
  cpuRaw: JsonValue | undefined,
  memoryRaw: JsonValue | undefined,
): FargateSizeView {
  const parsedCpu = parseCpu(cpuRaw);
  const cpu = parsedCpu !== undefined && FARGATE_CPUS.includes(parsedCpu) ? parsedCpu : undefined;
  const memory = parseMemory(memoryRaw);
  return {
    cpu,
    memory,
    cpuRaw,
    memoryRaw,
    valid: cpu !== undefined && memory !== undefined && isValidFargatePair(cpu, memory),
    memoryChoices: cpu === undefined ? [] : fargateMemoryFor(cpu),
  };
}

/**
 * The memory to pair with a newly chosen CPU: the current memory when still valid, otherwise the
 * valid value closest to it (the smallest at least as big, else the biggest), or the smallest.
 */
export function memoryForCpu(cpu: number, current: number | undefined): number | undefined {
  const choices = fargateMemoryFor(cpu);
  if (current === undefined) return choices[0];
  if (choices.includes(current)) return current;
  return choices.find((memory) => memory >= current) ?? choices[choices.length - 1];
}
