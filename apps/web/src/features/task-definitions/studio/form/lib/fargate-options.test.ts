import { describe, expect, it } from 'vitest';
import {
  FARGATE_CPUS,
  fargateSizeView,
  formatCpuChoice,
  formatMemoryChoice,
  memoryForCpu,
} from './fargate-options';

describe('Fargate choices', () => {
  it('labels CPU and memory as the Fargate table does', () => {
    expect(FARGATE_CPUS).toEqual([256, 512, 1024, 2048, 4096, 8192, 16384]);
    expect(formatCpuChoice(256)).toBe('.25 vCPU (256)');
    expect(formatCpuChoice(512)).toBe('.5 vCPU (512)');
    expect(formatCpuChoice(16384)).toBe('16 vCPU (16384)');
    expect(formatMemoryChoice(512)).toBe('.5 GB (512)');
    expect(formatMemoryChoice(3072)).toBe('3 GB (3072)');
  });

  it('reads the size in any unit and offers only the memory valid with the CPU', () => {
    const view = fargateSizeView('1 vCPU', '2 GB');
    expect(view).toMatchObject({ cpu: 1024, memory: 2048, valid: true });
    expect(view.memoryChoices).toEqual([2048, 3072, 4096, 5120, 6144, 7168, 8192]);
    expect(fargateSizeView('256', '4096')).toMatchObject({ cpu: 256, memory: 4096, valid: false });
    expect(fargateSizeView('300', '512')).toMatchObject({
      cpu: undefined,
      valid: false,
      memoryChoices: [],
    });
    expect(fargateSizeView(undefined, undefined).valid).toBe(false);
  });

  it('keeps the memory when still valid, otherwise the closest valid one', () => {
    expect(memoryForCpu(512, 2048)).toBe(2048);
    expect(memoryForCpu(1024, 512)).toBe(2048);
    expect(memoryForCpu(256, 4096)).toBe(2048);
    expect(memoryForCpu(8192, 20000)).toBe(20480);
    expect(memoryForCpu(512, undefined)).toBe(1024);
  });
});
