import { buildTask } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { mergeServiceEvents, mergeStoppedTasks } from './history-merge.js';

const event = (id: string, minute: number) => ({
  id,
  createdAt: `2026-11-27T00:${String(minute).padStart(2, '0')}:00.000Z`,
  message: `(service web) event ${id}`,
  kind: 'other' as const,
});

describe('mergeServiceEvents', () => {
  it("keeps one copy per event id, AWS's first, newest first, within the limit", () => {
    const fromAws = [event('c', 30), { ...event('b', 20), message: 'from AWS' }];
    const fromHistory = [event('b', 20), event('a', 10), event('z', 5)];
    const merged = mergeServiceEvents(fromAws, fromHistory, 3);
    expect(merged.map((e) => e.id)).toEqual(['c', 'b', 'a']);
    expect(merged[1]?.message).toBe('from AWS');
  });
});

describe('mergeStoppedTasks', () => {
  it('adds the kept tasks AWS no longer lists, after the ones it does', () => {
    const listed = buildTask({ arn: 'arn:task/1', id: '1' });
    const forgotten = buildTask({ arn: 'arn:task/2', id: '2' });
    const merged = mergeStoppedTasks(
      [listed],
      [{ ...listed, stoppedReason: 'old copy' }, forgotten],
    );
    expect(merged.map((task) => task.id)).toEqual(['1', '2']);
    expect(merged[0]?.stoppedReason).toBe(listed.stoppedReason);
  });
});
