/**
 * Task-level `cpu` and `memory` are strings: CPU units or vCPUs ("1024", "1 vCPU", "0.25 vcpu"),
 * MiB or GB ("2048", "2 GB", "2GB"). ECS converts them to numeric strings on register, so
 * DescribeTaskDefinition always shows "1024" and "2048".
 */

/** EC2 accepts any task CPU between 0.125 and 192 vCPUs. */
export const TASK_CPU_RANGE = { min: 128, max: 196_608 };

const CPU = /^(\d+(?:\.\d+)?)\s*(vcpus?)?$/i;
const MEMORY = /^(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)?$/i;

/** CPU units, or undefined when the value is not a whole number of units. */
export function parseTaskCpu(value: string): number | undefined {
  const match = CPU.exec(value.trim());
  if (!match) return undefined;
  const units = Number(match[1]) * (match[2] ? 1024 : 1);
  return Number.isInteger(units) && units > 0 ? units : undefined;
}

/** MiB, or undefined when the value is not a whole number of MiB. */
export function parseTaskMemory(value: string): number | undefined {
  const match = MEMORY.exec(value.trim());
  if (!match) return undefined;
  const unit = match[2]?.toLowerCase();
  const mib = Number(match[1]) * (unit === 'gb' || unit === 'gib' ? 1024 : 1);
  return Number.isInteger(mib) && mib > 0 ? mib : undefined;
}

/** The Fargate task sizes (REFERENCE.md §5): memory MiB allowed for each CPU value above 256. */
const FARGATE_SIZES: Record<number, { min: number; max: number; step: number }> = {
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16_384, step: 1024 },
  4096: { min: 8192, max: 30_720, step: 1024 },
  8192: { min: 16_384, max: 61_440, step: 4096 },
  16_384: { min: 32_768, max: 122_880, step: 8192 },
};

export function isFargateSize(cpu: number, memory: number): boolean {
  // 0.25 vCPU is the odd one out: 512, 1024 or 2048, not every 512 step up to 2048.
  if (cpu === 256) return memory === 512 || memory === 1024 || memory === 2048;
  const size = FARGATE_SIZES[cpu];
  return (
    size !== undefined &&
    memory >= size.min &&
    memory <= size.max &&
    (memory - size.min) % size.step === 0
  );
}
