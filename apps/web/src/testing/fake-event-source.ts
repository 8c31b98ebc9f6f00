import {
  createEventStreams,
  type EventSourceLike,
  type EventStreamOptions,
} from '../lib/event-stream';

/** An EventSource stand-in (jsdom has none) that tests drive frame by frame. */
export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(readonly url: string) {}

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  private dispatch(type: string, event: Event): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  open(): void {
    this.readyState = 1;
    this.dispatch('open', new Event('open'));
  }

  /** A frame: `event: type`, `id: id`, `data: data` (objects are sent as JSON). */
  emit(type: string, data: unknown, id?: string): void {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.dispatch(type, new MessageEvent(type, { data: text, lastEventId: id ?? '' }));
  }

  /** An error; `gaveUp` is EventSource's reaction to a non-200 answer (readyState CLOSED). */
  fail(gaveUp: boolean): void {
    this.readyState = gaveUp ? 2 : 0;
    this.dispatch('error', new Event('error'));
  }
}

interface FakeTimer {
  callback: () => void;
  ms: number;
  cancelled: boolean;
}

/** Event streams over fake EventSources, fake timers and a fake health probe. */
export function createFakeStreams(overrides: Partial<EventStreamOptions> = {}) {
  const sources: FakeEventSource[] = [];
  const timers: FakeTimer[] = [];
  let probeStatus = 200;
  const streams = createEventStreams({
    createEventSource: (url) => {
      const source = new FakeEventSource(url);
      sources.push(source);
      return source;
    },
    setTimeout: (callback, ms) => {
      const timer = { callback, ms, cancelled: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout: (handle) => {
      (handle as FakeTimer).cancelled = true;
    },
    random: () => 1,
    fetch: () => Promise.resolve({ status: probeStatus }),
    ...overrides,
  });
  return {
    streams,
    sources,
    timers,
    latest: () => sources.at(-1),
    setProbeStatus: (status: number) => {
      probeStatus = status;
    },
    /** Runs the timers due, as if their time had come. */
    runTimers: () => {
      for (const timer of timers.splice(0)) if (!timer.cancelled) timer.callback();
    },
  };
}
