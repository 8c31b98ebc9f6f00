import type { LiveEvent } from '@deckhand/shared';
import { buildService } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { IdSequence, PROCESS_ID_BASE, ReplayBuffer } from './replay-buffer.js';

const BASE = 1_700_000_000_000_000;

const updated = (name: string): LiveEvent => ({
  type: 'service.updated',
  region: 'us-east-1',
  cluster: 'prod-ec2',
  service: buildService({ name }),
});

function setup(options: { maxEvents?: number; maxAgeMs?: number } = {}) {
  let now = 1_000_000;
  const ids = new IdSequence(BASE);
  const buffer = new ReplayBuffer(ids, { ...options, now: () => now });
  return {
    ids,
    buffer,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

const idsOf = (start: ReturnType<ReplayBuffer['resume']>) =>
  start.kind === 'replay' ? start.events.map((stamped) => stamped.id) : start.reset.reason;

describe('IdSequence', () => {
  it('starts at the process start in microseconds, safely below 2^53', () => {
    expect(PROCESS_ID_BASE).toBeGreaterThan(Date.UTC(2024, 0, 1) * 1000);
    expect(PROCESS_ID_BASE).toBeLessThanOrEqual(Date.now() * 1000);
    expect(Number.isSafeInteger(PROCESS_ID_BASE * 2)).toBe(true);
    const ids = new IdSequence(BASE);
    expect([ids.next(), ids.next(), ids.last]).toEqual([BASE + 1, BASE + 2, BASE + 2]);
  });
});

describe('ReplayBuffer', () => {
  it('replays exactly the events after the last one seen', () => {
    const { buffer } = setup();
    const stamped = ['a', 'b', 'c', 'd'].map((name) => buffer.append(updated(name)));
    expect(stamped.map((s) => s.id)).toEqual([BASE + 1, BASE + 2, BASE + 3, BASE + 4]);
    expect(idsOf(buffer.resume(String(BASE + 2)))).toEqual([BASE + 3, BASE + 4]);
    expect(idsOf(buffer.resume(String(BASE + 4)))).toEqual([]);
    // From the base itself: a client that connected before the first event missed them all.
    expect(idsOf(buffer.resume(String(BASE)))).toEqual(stamped.map((s) => s.id));
    expect(buffer.position).toBe(BASE + 4);
  });

  it('starts a fresh connection at the current position with nothing replayed', () => {
    const { buffer } = setup();
    expect(buffer.resume(undefined)).toEqual({ kind: 'replay', events: [], position: BASE });
    buffer.append(updated('a'));
    expect(buffer.resume('')).toEqual({ kind: 'replay', events: [], position: BASE + 1 });
  });

  it('filters a service stream to that service, in the same id space', () => {
    const { buffer } = setup();
    for (const name of ['web', 'api', 'web', 'worker']) buffer.append(updated(name));
    expect(idsOf(buffer.resume(String(BASE), 'web'))).toEqual([BASE + 1, BASE + 3]);
    expect(idsOf(buffer.resume(String(BASE + 1), 'web'))).toEqual([BASE + 3]);
  });

  it('resets with server-restarted for an id from before this process', () => {
    const { buffer } = setup();
    buffer.append(updated('a'));
    const start = buffer.resume(String(BASE - 5));
    expect(start).toMatchObject({ kind: 'reset', reset: { reason: 'server-restarted' } });
    expect(start.position).toBe(BASE + 1);
  });

  it('resets with unknown-id for an id from the future or not an id at all', () => {
    const { buffer } = setup();
    buffer.append(updated('a'));
    expect(idsOf(buffer.resume(String(BASE + 2)))).toBe('unknown-id');
    for (const raw of ['abc', '-3', '1.5', '1e15', '99999999999999999999'])
      expect(idsOf(buffer.resume(raw))).toBe('unknown-id');
  });

  it('evicts past the size limit and resets a client whose gap reaches into evicted events', () => {
    const { buffer } = setup({ maxEvents: 3 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) buffer.append(updated(name));
    expect(buffer.size).toBe(3);
    // Events 1 and 2 are gone: resuming after 1 would skip event 2.
    expect(idsOf(buffer.resume(String(BASE + 1)))).toBe('gap-too-old');
    // After 2, everything missed (3, 4, 5) is still there.
    expect(idsOf(buffer.resume(String(BASE + 2)))).toEqual([BASE + 3, BASE + 4, BASE + 5]);
  });

  it('evicts events older than the age limit', () => {
    const { buffer, tick } = setup({ maxAgeMs: 60_000 });
    buffer.append(updated('a'));
    tick(30_000);
    buffer.append(updated('b'));
    tick(40_000);
    expect(idsOf(buffer.resume(String(BASE)))).toBe('gap-too-old');
    expect(idsOf(buffer.resume(String(BASE + 1)))).toEqual([BASE + 2]);
    tick(30_000);
    expect(idsOf(buffer.resume(String(BASE + 2)))).toEqual([]);
    expect(buffer.size).toBe(0);
    expect(buffer.position).toBe(BASE + 2);
  });

  it('cannot replay what was issued before it existed (a poller created again)', () => {
    const ids = new IdSequence(BASE);
    const first = new ReplayBuffer(ids);
    first.append(updated('a'));
    first.append(updated('b'));
    const second = new ReplayBuffer(ids);
    expect(idsOf(second.resume(String(BASE + 1)))).toBe('gap-too-old');
    expect(idsOf(second.resume(String(BASE + 2)))).toEqual([]);
    expect(second.append(updated('c')).id).toBe(BASE + 3);
  });
});
