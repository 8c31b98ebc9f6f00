import { describe, expect, it } from 'vitest';
import { parseTimeWindow } from './time-window.js';

const now = new Date('2026-11-26T12:00:00.000Z');

function window(query: { start?: string; end?: string }, maxMs?: number) {
  const result = parseTimeWindow(query, { now, ...(maxMs ? { maxMs } : {}) });
  if (!result.ok) throw new Error(result.message);
  return {
    start: result.window.start.toISOString(),
    end: result.window.end.toISOString(),
    relative: result.window.relative,
  };
}

function message(query: { start?: string; end?: string }) {
  const result = parseTimeWindow(query, { now });
  return result.ok ? 'ok' : result.message;
}

describe('parseTimeWindow', () => {
  it('defaults to the last 15 minutes', () => {
    expect(window({})).toEqual({
      start: '2026-11-26T11:45:00.000Z',
      end: '2026-11-26T12:00:00.000Z',
      relative: true,
    });
    expect(window({ start: '', end: ' ' }).relative).toBe(true);
  });

  it('reads ISO 8601 and epoch seconds', () => {
    expect(window({ start: '2026-11-26T10:00:00Z', end: '1795694400' })).toEqual({
      start: '2026-11-26T10:00:00.000Z',
      end: '2026-11-26T12:00:00.000Z',
      relative: false,
    });
    expect(window({ start: '1795693500.5' }).start).toBe('2026-11-26T11:45:00.500Z');
    expect(window({ end: '2026-11-26T13:00:00+01:00' })).toMatchObject({
      start: '2026-11-26T11:45:00.000Z',
      end: '2026-11-26T12:00:00.000Z',
    });
  });

  it('rejects unreadable times, saying which one', () => {
    expect(message({ start: 'yesterday' })).toBe('start must be an ISO 8601 time or epoch seconds');
    expect(message({ end: '2026-13-45T99:00:00Z' })).toMatch(/^end must be/);
    expect(message({ start: '1795693500000' })).toMatch(/epoch milliseconds/);
  });

  it('requires end after start', () => {
    expect(message({ start: '2026-11-26T12:00:00Z', end: '2026-11-26T12:00:00Z' })).toBe(
      'end must be after start',
    );
    expect(message({ start: '2026-11-26T12:00:01Z' })).toBe('end must be after start');
  });

  it('caps the window at 6 hours, naming the X-Ray console limit', () => {
    expect(message({ start: '2026-11-26T06:00:00Z' })).toBe('ok');
    expect(message({ start: '2026-11-26T05:59:59Z' })).toMatch(
      /is 6 h 1 min; X-Ray searches are limited to 6 h \(as in the X-Ray console\)/,
    );
    expect(message({ start: '2026-11-25T12:00:00Z' })).toMatch(/is 24 h/);
    expect(window({ start: '2026-11-25T12:00:00Z' }, 24 * 3_600_000).start).toBe(
      '2026-11-25T12:00:00.000Z',
    );
  });
});
