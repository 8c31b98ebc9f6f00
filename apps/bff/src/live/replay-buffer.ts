import { serviceOfLiveEvent, type LiveEvent, type StreamReset } from '@deckhand/shared';

/**
 * Event ids start at the process's start time in microseconds: ids only grow across BFF
 * restarts (a restart happens later, so its base is higher), and an id below this process's
 * base can only come from a previous life. Date.now() * 1000 stays below 2^53 until the year 2255.
 */
export const PROCESS_ID_BASE = Date.now() * 1000;

/** The hub's id counter, shared by every cluster stream: each stream sees a rising subsequence. */
export class IdSequence {
  private current: number;

  constructor(readonly base: number = PROCESS_ID_BASE) {
    this.current = base;
  }

  next(): number {
    this.current += 1;
    return this.current;
  }

  /** The latest id handed out (the base before the first). */
  get last(): number {
    return this.current;
  }
}

export interface StampedEvent {
  id: number;
  event: LiveEvent;
  /** Epoch ms the event was buffered (age-based eviction). */
  at: number;
}

/** Where a (re)connecting stream starts: the missed events, or a reset; `position` is the id it is then at. */
export type StreamStart =
  | { kind: 'replay'; events: StampedEvent[]; position: number }
  | { kind: 'reset'; reset: StreamReset; position: number };

export interface ReplayBufferOptions {
  maxEvents?: number;
  maxAgeMs?: number;
  now?: () => number;
}

const DEFAULT_MAX_EVENTS = 2_000;
const DEFAULT_MAX_AGE_MS = 30 * 60_000;

/**
 * One cluster stream's recent events, so a reconnecting browser gets exactly what it missed.
 * Invariant: every event of this stream with an id above `floor` is still held, in id order.
 */
export class ReplayBuffer {
  private events: StampedEvent[] = [];
  /** Events at or below this id are gone (evicted, or issued before this buffer existed). */
  private floor: number;
  private readonly maxEvents: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    private readonly ids: IdSequence,
    options: ReplayBufferOptions = {},
  ) {
    this.floor = ids.last;
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
    this.now = options.now ?? Date.now;
  }

  append(event: LiveEvent): StampedEvent {
    const stamped = { id: this.ids.next(), event, at: this.now() };
    this.events.push(stamped);
    this.evict();
    return stamped;
  }

  /** The id a client that has seen everything so far is at. */
  get position(): number {
    return this.events.at(-1)?.id ?? this.floor;
  }

  get size(): number {
    return this.events.length;
  }

  /**
   * Where a stream resuming after `lastEventId` (the Last-Event-ID header, possibly absent)
   * starts; with `service`, only that service's events are replayed.
   */
  resume(lastEventId: string | undefined, service?: string): StreamStart {
    this.evict();
    const position = this.position;
    if (lastEventId === undefined || lastEventId.trim() === '')
      return { kind: 'replay', events: [], position };
    const reset = (reason: StreamReset['reason'], message: string): StreamStart => ({
      kind: 'reset',
      reset: { reason, message },
      position,
    });
    const last = /^\d{1,16}$/.test(lastEventId.trim()) ? Number(lastEventId) : Number.NaN;
    if (!Number.isSafeInteger(last))
      return reset('unknown-id', 'The stream position is not an event id; reload.');
    if (last < this.ids.base)
      return reset('server-restarted', 'The server restarted since the last event; reload.');
    if (last > this.ids.last)
      return reset('unknown-id', 'The stream position is not one this server issued; reload.');
    if (last < this.floor)
      return reset('gap-too-old', 'Events since the last one seen are no longer held; reload.');
    const events = this.events.filter(
      (stamped) =>
        stamped.id > last &&
        (service === undefined || serviceOfLiveEvent(stamped.event) === service),
    );
    return { kind: 'replay', events, position };
  }

  private evict(): void {
    const oldest = this.now() - this.maxAgeMs;
    let drop = 0;
    while (
      drop < this.events.length &&
      (this.events.length - drop > this.maxEvents || (this.events[drop]?.at ?? 0) < oldest)
    )
      drop += 1;
    if (drop === 0) return;
    this.floor = this.events[drop - 1]?.id ?? this.floor;
    this.events = this.events.slice(drop);
  }
}
