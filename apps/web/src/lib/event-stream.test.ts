import type { LiveEvent } from '@deckhand/shared';
import { buildService } from '@deckhand/shared/testing';
import { describe, expect, it, vi } from 'vitest';
import { createFakeStreams } from '../testing/fake-event-source';
import { backoffDelay, withLastEventId, type StreamStatus } from './event-stream';

const URL = '/api/v1/clusters/prod/events';

const updated: LiveEvent = {
  type: 'service.updated',
  region: 'us-east-1',
  cluster: 'prod',
  service: buildService({ name: 'web', runningCount: 3 }),
};

/** Lets the health probe's promise settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('backoffDelay', () => {
  it('doubles per attempt up to the cap, jittered between half and all of it', () => {
    expect(backoffDelay(0, 1000, 30_000, 1)).toBe(1000);
    expect(backoffDelay(3, 1000, 30_000, 1)).toBe(8000);
    expect(backoffDelay(3, 1000, 30_000, 0)).toBe(4000);
    expect(backoffDelay(10, 1000, 30_000, 1)).toBe(30_000);
  });
});

describe('withLastEventId', () => {
  it('adds the id and keeps the other parameters', () => {
    expect(withLastEventId(`${URL}?region=eu-west-1`, '42')).toBe(
      `${URL}?region=eu-west-1&lastEventId=42`,
    );
    expect(withLastEventId(URL, undefined)).toBe(URL);
  });
});

describe('createEventStreams', () => {
  it('parses frames with the shared schema and hands them to the subscriber', () => {
    const fake = createFakeStreams();
    const onEvent = vi.fn();
    fake.streams.subscribe(URL, { onEvent });
    fake.latest()?.open();
    fake.latest()?.emit('service.updated', updated, '7');
    expect(onEvent).toHaveBeenCalledWith(updated, '7');
  });

  it('drops and counts malformed frames, never applying them', () => {
    const fake = createFakeStreams();
    const onEvent = vi.fn();
    const onReset = vi.fn();
    fake.streams.subscribe(URL, { onEvent, onReset });
    const source = fake.latest();
    source?.open();
    source?.emit('service.updated', '{not json', '1');
    source?.emit('service.updated', { ...updated, service: { name: 'web' } }, '2');
    // The payload is valid but the event name says otherwise.
    source?.emit('task.started', updated, '3');
    source?.emit('reset', { reason: 'because' }, '4');
    expect(onEvent).not.toHaveBeenCalled();
    expect(onReset).not.toHaveBeenCalled();
    expect(fake.streams.droppedFrames(URL)).toBe(4);
    source?.emit('reset', { reason: 'gap-too-old', message: 'Reload.' }, '5');
    expect(onReset).toHaveBeenCalledWith({ reason: 'gap-too-old', message: 'Reload.' });
  });

  it('shares one EventSource between subscribers and closes it when both leave', () => {
    const fake = createFakeStreams();
    const first = vi.fn();
    const second = vi.fn();
    const leaveFirst = fake.streams.subscribe(URL, { onEvent: first });
    const leaveSecond = fake.streams.subscribe(URL, { onEvent: second });
    expect(fake.sources).toHaveLength(1);
    fake.latest()?.emit('service.updated', updated, '1');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    leaveFirst();
    leaveFirst();
    expect(fake.latest()?.closed).toBe(false);
    leaveSecond();
    expect(fake.latest()?.closed).toBe(true);
    fake.streams.subscribe(URL, {});
    expect(fake.sources).toHaveLength(2);
  });

  it('reconnects with growing backoff after EventSource gives up, resuming from the last id', async () => {
    const fake = createFakeStreams();
    const statuses: StreamStatus[] = [];
    const onReconnect = vi.fn();
    fake.streams.subscribe(`${URL}?region=eu-west-1`, {
      onStatus: (status) => statuses.push(status),
      onReconnect,
    });
    fake.latest()?.open();
    fake.latest()?.emit('service.updated', updated, '41');
    fake.latest()?.fail(true);
    await settle();
    expect(fake.timers.map((timer) => timer.ms)).toEqual([1000]);
    fake.runTimers();
    expect(fake.latest()?.url).toBe(`${URL}?region=eu-west-1&lastEventId=41`);
    fake.latest()?.fail(true);
    await settle();
    expect(fake.timers.map((timer) => timer.ms)).toEqual([2000]);
    fake.runTimers();
    fake.latest()?.open();
    expect(onReconnect).toHaveBeenCalledTimes(1);
    expect(statuses).toEqual(['connecting', 'live', 'reconnecting', 'live']);
    // A success resets the backoff.
    fake.latest()?.fail(true);
    await settle();
    expect(fake.timers.map((timer) => timer.ms)).toEqual([1000]);
  });

  it('lets the browser retry a dropped connection itself, and says it is reconnecting', () => {
    const fake = createFakeStreams();
    const onStatus = vi.fn();
    fake.streams.subscribe(URL, { onStatus });
    fake.latest()?.open();
    fake.latest()?.fail(false);
    expect(onStatus).toHaveBeenLastCalledWith('reconnecting');
    expect(fake.sources).toHaveLength(1);
    expect(fake.timers).toHaveLength(0);
  });

  it('stops and reports the ended session when the server answers 401', async () => {
    const onUnauthorized = vi.fn();
    const fake = createFakeStreams({ onUnauthorized });
    fake.setProbeStatus(401);
    const onStatus = vi.fn();
    fake.streams.subscribe(URL, { onStatus });
    fake.latest()?.fail(true);
    await settle();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onStatus).toHaveBeenLastCalledWith('stopped');
    expect(fake.timers).toHaveLength(0);
    expect(fake.sources).toHaveLength(1);
  });

  it('cancels a pending reconnect when the last subscriber leaves', async () => {
    const fake = createFakeStreams();
    const leave = fake.streams.subscribe(URL, {});
    fake.latest()?.fail(true);
    await settle();
    leave();
    expect(fake.timers[0]?.cancelled).toBe(true);
  });
});
