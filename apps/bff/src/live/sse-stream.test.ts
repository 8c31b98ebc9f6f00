import type { LiveEvent } from '@deckhand/shared';
import { buildService } from '@deckhand/shared/testing';
import type { Response } from 'express';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { commentFrame, eventFrame, SseStream } from './sse-stream.js';

/** The parts of an Express response the stream uses, recording what was written. */
class FakeResponse {
  written: string[] = [];
  headers: Record<string, string> = {};
  writableLength = 0;
  destroyed = false;
  ended = false;
  socket = { setNoDelay: () => undefined };
  status() {
    return this;
  }
  setHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  flushHeaders() {}
  write(chunk: string) {
    this.written.push(chunk);
    return true;
  }
  end() {
    this.ended = true;
  }
  destroy() {
    this.destroyed = true;
  }
}

const event: LiveEvent = {
  type: 'service.updated',
  region: 'us-east-1',
  cluster: 'prod-ec2',
  service: buildService({ name: 'web' }),
};
const options = { heartbeatMs: 10_000, retryMs: 3_000, maxBufferedBytes: 1024 };

function open() {
  const res = new FakeResponse();
  const stream = new SseStream(res as unknown as Response, options, pino({ level: 'silent' }));
  stream.start();
  return { res, stream };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('SseStream', () => {
  it('formats messages as id, event and one line of JSON', () => {
    expect(eventFrame({ id: 42, event, at: 0 })).toBe(
      `id: 42\nevent: service.updated\ndata: ${JSON.stringify(event)}\n\n`,
    );
    expect(commentFrame('two\nlines')).toBe(': two lines\n\n');
  });

  it('starts with the headers and retry, then heartbeats every interval', () => {
    const { res, stream } = open();
    expect(res.headers).toMatchObject({
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    });
    expect(res.written).toEqual(['retry: 3000\n\n']);
    vi.advanceTimersByTime(20_000);
    expect(res.written.slice(1)).toEqual([': heartbeat\n\n', ': heartbeat\n\n']);
    stream.dispose();
    vi.advanceTimersByTime(20_000);
    expect(res.written).toHaveLength(3);
  });

  it('writes a reset with the position as its id', () => {
    const { res, stream } = open();
    stream.open({ kind: 'reset', reset: { reason: 'gap-too-old', message: 'm' }, position: 7 });
    expect(res.written.at(-1)).toBe(
      'id: 7\nevent: reset\ndata: {"reason":"gap-too-old","message":"m"}\n\n',
    );
  });

  it('replays, then marks the position', () => {
    const { res, stream } = open();
    stream.open({ kind: 'replay', events: [{ id: 5, event, at: 0 }], position: 9 });
    expect(res.written.slice(1)).toEqual([eventFrame({ id: 5, event, at: 0 }), 'id: 9\n\n']);
  });

  it('drops a client that falls too far behind instead of buffering', () => {
    const { res, stream } = open();
    // What the earlier writes left unsent, after the client had an I/O turn to take it.
    res.writableLength = 2048;
    vi.advanceTimersByTime(1);
    stream.event({ id: 1, event, at: 0 });
    expect(res.destroyed).toBe(true);
    stream.event({ id: 2, event, at: 0 });
    expect(res.written).toHaveLength(1);
  });

  it('lets a burst larger than the bound through, and judges the client on what it left after it', () => {
    const { res, stream } = open();
    vi.advanceTimersByTime(1);
    // A replay of a big gap: all of it is written in one turn, however large.
    stream.open({
      kind: 'replay',
      events: Array.from({ length: 50 }, (_, i) => ({ id: i + 1, event, at: 0 })),
      position: 50,
    });
    res.writableLength = 50 * 1024;
    expect(res.destroyed).toBe(false);
    expect(res.written).toHaveLength(1 + 50 + 1);
    // The client took it all: the next burst goes out.
    res.writableLength = 0;
    vi.advanceTimersByTime(1);
    stream.event({ id: 51, event, at: 0 });
    expect(res.destroyed).toBe(false);
    // It took nothing of that one: dropped at the next.
    res.writableLength = 4096;
    vi.advanceTimersByTime(1);
    stream.event({ id: 52, event, at: 0 });
    expect(res.destroyed).toBe(true);
  });

  it('ends with a last comment, once', () => {
    const { res, stream } = open();
    stream.end('server shutting down');
    stream.end('again');
    expect(res.written.at(-1)).toBe(': server shutting down\n\n');
    expect(res.ended).toBe(true);
    expect(res.written).toHaveLength(2);
  });
});
