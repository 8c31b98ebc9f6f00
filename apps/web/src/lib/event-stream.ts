import { LIVE_EVENT_TYPES, LiveEvent, StreamReset } from '@deckhand/shared';

/**
 * One shared, ref-counted EventSource per stream URL (browsers allow six HTTP/1.1 connections per
 * origin across all tabs, REFERENCE.md §7). EventSource retries by itself after a dropped
 * connection but gives up for good on a non-200 answer (a BFF restart, a 503): the wrapper then
 * opens a new one after a jittered exponential backoff, resuming with `?lastEventId=`, unless the
 * session has ended (401), when it stops and tells the app to ask for the session again.
 */

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface StreamHandlers {
  /** A frame that parsed as a LiveEvent, with its SSE id. */
  onEvent?: (event: LiveEvent, id: string | undefined) => void;
  /** `event: reset`: the server cannot replay what was missed; reload what is shown. */
  onReset?: (reset: StreamReset) => void;
  /** The stream is back after an interruption; events may have been missed. */
  onReconnect?: () => void;
  /** Every status change, and the current status on subscribing. */
  onStatus?: (status: StreamStatus) => void;
}

/** What the wrapper needs of an EventSource, so tests can pass a fake (jsdom has none). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

export interface EventStreamOptions {
  createEventSource?: (url: string) => EventSourceLike;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  clearTimeout?: (handle: unknown) => void;
  random?: () => number;
  fetch?: (url: string) => Promise<{ status: number }>;
  /** Called once a stream found the session gone (401). */
  onUnauthorized?: () => void;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Where to ask whether the session still holds after a stream failed. */
  probeUrl?: string;
}

export interface EventStreams {
  /** Joins (or opens) the stream of `url`; the returned function leaves it. */
  subscribe(url: string, handlers: StreamHandlers): () => void;
  status(url: string): StreamStatus | undefined;
  /** Frames of `url` dropped because they did not match the contract. */
  droppedFrames(url: string): number;
}

const CLOSED = 2;

interface Connection {
  url: string;
  handlers: Set<StreamHandlers>;
  source?: EventSourceLike;
  timer?: unknown;
  lastEventId?: string;
  attempt: number;
  status: StreamStatus;
  interrupted: boolean;
  dropped: number;
  closed: boolean;
}

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, with equal jitter. */
export function backoffDelay(attempt: number, base: number, max: number, random: number): number {
  const ceiling = Math.min(max, base * 2 ** attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** `url` with `lastEventId` set, keeping its other parameters. */
export function withLastEventId(url: string, id: string | undefined): string {
  if (id === undefined) return url;
  const [path = '', query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  params.set('lastEventId', id);
  return `${path}?${params.toString()}`;
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

export function createEventStreams(options: EventStreamOptions = {}): EventStreams {
  const createSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  const schedule = options.setTimeout ?? ((callback, ms) => globalThis.setTimeout(callback, ms));
  const cancel =
    options.clearTimeout ??
    ((handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>));
  const random = options.random ?? Math.random;
  const probe = options.fetch ?? ((url: string) => fetch(url, { credentials: 'same-origin' }));
  const base = options.baseDelayMs ?? 1_000;
  const max = options.maxDelayMs ?? 30_000;
  const probeUrl = options.probeUrl ?? '/api/v1/health';
  const connections = new Map<string, Connection>();

  const setStatus = (conn: Connection, status: StreamStatus) => {
    if (conn.status === status) return;
    conn.status = status;
    for (const handlers of [...conn.handlers]) handlers.onStatus?.(status);
  };

  const onFrame = (conn: Connection, source: EventSourceLike, type: string, event: Event) => {
    if (source !== conn.source) return;
    const message = event as MessageEvent<unknown>;
    if (typeof message.lastEventId === 'string' && message.lastEventId !== '')
      conn.lastEventId = message.lastEventId;
    const json = parseJson(message.data);
    if (type === 'reset') {
      const reset = StreamReset.safeParse(json);
      if (!reset.success) conn.dropped += 1;
      else for (const handlers of [...conn.handlers]) handlers.onReset?.(reset.data);
      return;
    }
    const parsed = LiveEvent.safeParse(json);
    // An event whose name disagrees with its payload is as untrustworthy as an unparsable one.
    if (!parsed.success || (type !== 'message' && parsed.data.type !== type)) {
      conn.dropped += 1;
      return;
    }
    for (const handlers of [...conn.handlers]) handlers.onEvent?.(parsed.data, conn.lastEventId);
  };

  const stop = (conn: Connection) => {
    setStatus(conn, 'stopped');
    options.onUnauthorized?.();
  };

  const reconnectLater = async (conn: Connection) => {
    let status = 0;
    try {
      status = (await probe(probeUrl)).status;
    } catch {
      // The server is unreachable: keep trying.
    }
    if (conn.closed) return;
    if (status === 401) {
      stop(conn);
      return;
    }
    const delay = backoffDelay(conn.attempt, base, max, random());
    conn.attempt += 1;
    conn.timer = schedule(() => {
      conn.timer = undefined;
      if (!conn.closed) open(conn);
    }, delay);
  };

  const open = (conn: Connection) => {
    let source: EventSourceLike;
    try {
      source = createSource(withLastEventId(conn.url, conn.lastEventId));
    } catch {
      setStatus(conn, 'stopped');
      return;
    }
    conn.source = source;
    source.addEventListener('open', () => {
      if (source !== conn.source) return;
      conn.attempt = 0;
      setStatus(conn, 'live');
      if (conn.interrupted) {
        conn.interrupted = false;
        for (const handlers of [...conn.handlers]) handlers.onReconnect?.();
      }
    });
    source.addEventListener('error', () => {
      if (source !== conn.source || conn.closed) return;
      conn.interrupted = true;
      setStatus(conn, 'reconnecting');
      // CONNECTING: the browser retries by itself (with Last-Event-ID). CLOSED: it gave up.
      if (source.readyState !== CLOSED) return;
      source.close();
      conn.source = undefined;
      void reconnectLater(conn);
    });
    for (const type of [...LIVE_EVENT_TYPES, 'reset', 'message'])
      source.addEventListener(type, (event) => onFrame(conn, source, type, event));
  };

  return {
    subscribe(url, handlers) {
      let conn = connections.get(url);
      if (!conn) {
        conn = {
          url,
          handlers: new Set(),
          attempt: 0,
          status: 'connecting',
          interrupted: false,
          dropped: 0,
          closed: false,
        };
        connections.set(url, conn);
        conn.handlers.add(handlers);
        handlers.onStatus?.(conn.status);
        open(conn);
      } else {
        conn.handlers.add(handlers);
        handlers.onStatus?.(conn.status);
        // Stopped on a 401 and joined again (signed back in): try once more.
        if (conn.status === 'stopped' && !conn.source && conn.timer === undefined) {
          setStatus(conn, 'connecting');
          open(conn);
        }
      }
      const joined = conn;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        joined.handlers.delete(handlers);
        if (joined.handlers.size > 0) return;
        joined.closed = true;
        joined.source?.close();
        joined.source = undefined;
        if (joined.timer !== undefined) cancel(joined.timer);
        if (connections.get(url) === joined) connections.delete(url);
      };
    },
    status: (url) => connections.get(url)?.status,
    droppedFrames: (url) => connections.get(url)?.dropped ?? 0,
  };
}
