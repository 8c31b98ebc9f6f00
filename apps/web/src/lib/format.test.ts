import { describe, expect, it } from 'vitest';
import { formatMemory, formatTime, formatVcpu, reservedPercent } from './format';

describe('format', () => {
  it('shows CPU units as vCPU', () => {
    expect(formatVcpu(2048)).toBe('2 vCPU');
    expect(formatVcpu(256)).toBe('0.25 vCPU');
  });

  it('shows memory in MiB below a GiB and in GiB above', () => {
    expect(formatMemory(512)).toBe('512 MiB');
    expect(formatMemory(7680)).toBe('7.5 GiB');
    expect(formatMemory(8192)).toBe('8 GiB');
  });

  it('computes the reserved share and nothing for an empty capacity', () => {
    expect(reservedPercent({ registered: 1000, remaining: 250 })).toBe(75);
    expect(reservedPercent({ registered: 0, remaining: 0 })).toBeUndefined();
    expect(reservedPercent({ registered: 100, remaining: 200 })).toBe(0);
  });

  it('shows a time of today as a clock, and another day with its date', () => {
    const now = new Date(2026, 10, 26, 12, 0, 0);
    expect(formatTime(new Date(2026, 10, 26, 9, 5, 7), now)).toBe('09:05:07');
    expect(formatTime(new Date(2026, 10, 25, 23, 59, 1), now)).toBe('2026-11-25 23:59:01');
    expect(formatTime('not a date', now)).toBe('');
  });
});
