import { describe, expect, it } from 'vitest';
import {
  fromLocalInput,
  parseTimeSpan,
  spanParams,
  spanProblem,
  spanWindow,
  spanWords,
  toLocalInput,
} from './time-range';

const params = (search: string) => new URLSearchParams(search);

describe('time spans', () => {
  it('reads ?from=&to= as absolute, else ?range= (defaulting to 15 minutes)', () => {
    expect(
      parseTimeSpan(params('from=2026-11-26T09:00:00.000Z&to=2026-11-26T10:00:00.000Z')),
    ).toEqual({
      kind: 'absolute',
      from: '2026-11-26T09:00:00.000Z',
      to: '2026-11-26T10:00:00.000Z',
    });
    expect(parseTimeSpan(params('range=3h'))).toEqual({ kind: 'relative', range: '3h' });
    expect(parseTimeSpan(params('range=2d&from=yesterday&to=2026-11-26T10:00:00Z'))).toEqual({
      kind: 'relative',
      range: '15m',
    });
  });

  it('writes the parameters of one kind and removes the other', () => {
    expect(spanParams({ kind: 'relative', range: '1h' })).toEqual({
      range: '1h',
      from: '',
      to: '',
    });
    expect(spanParams({ kind: 'absolute', from: 'a', to: 'b' })).toEqual({
      range: '',
      from: 'a',
      to: 'b',
    });
  });

  it('resolves a window: relative against now, absolute as given', () => {
    const now = new Date('2026-11-26T10:00:00.000Z');
    expect(spanWindow({ kind: 'relative', range: '6h' }, now)).toEqual({
      start: '2026-11-26T04:00:00.000Z',
      end: '2026-11-26T10:00:00.000Z',
    });
    expect(
      spanWindow(
        { kind: 'absolute', from: '2026-11-26T09:00:00Z', to: '2026-11-26T09:30:00Z' },
        now,
      ),
    ).toEqual({ start: '2026-11-26T09:00:00.000Z', end: '2026-11-26T09:30:00.000Z' });
  });

  it('refuses absolute windows over 6 hours or ending before they start', () => {
    const span = (from: string, to: string) => ({ kind: 'absolute' as const, from, to });
    expect(spanProblem(span('2026-11-26T04:00:00Z', '2026-11-26T10:00:00Z'))).toBeUndefined();
    expect(spanProblem(span('2026-11-26T03:59:00Z', '2026-11-26T10:00:00Z'))).toMatch(
      /6 h 1 min; X-Ray searches are limited to 6 h/,
    );
    expect(spanProblem(span('2026-11-26T10:00:00Z', '2026-11-26T09:00:00Z'))).toBe(
      'end must be after start',
    );
    expect(spanProblem({ kind: 'relative', range: '6h' })).toBeUndefined();
  });

  it('round-trips datetime-local values in local time', () => {
    const iso = fromLocalInput('2026-11-26T09:05');
    expect(iso).toBe(new Date(2026, 10, 26, 9, 5).toISOString());
    expect(toLocalInput(iso ?? '')).toBe('2026-11-26T09:05');
    expect(fromLocalInput('')).toBeUndefined();
    expect(toLocalInput('nonsense')).toBe('');
  });

  it('describes a span in words', () => {
    expect(spanWords({ kind: 'relative', range: '3h' }, String)).toBe('the last 3 hours');
    expect(spanWords({ kind: 'absolute', from: 'A', to: 'B' }, (iso) => `<${iso}>`)).toBe(
      '<A> – <B>',
    );
  });
});
