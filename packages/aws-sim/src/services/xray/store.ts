import { parseSegment, traceIdTime, type InvalidSegment, type SegmentMeta } from './segment.js';

export interface TraceStoreSettings {
  /** Traces not updated for this long (simulated ms) expire. AWS keeps 30 days; a demo needs 1 h. */
  retentionMs: number;
  /** Hard caps: past them the least recently updated traces are dropped, so memory stays bounded. */
  maxSegments: number;
  maxBytes: number;
  /** REFERENCE §2: a trace holds 100–500 KB (unverified); segments past it are dropped, `LimitExceeded`. */
  traceSizeLimitBytes: number;
}

export const DEFAULT_TRACE_STORE_SETTINGS: TraceStoreSettings = {
  retentionMs: 60 * 60 * 1000,
  // An hour of the demo's traffic is about 30,000 segments; these leave room for a real app's
  // and hold a 2,000 segments/s load test to a couple of hundred MB of RSS.
  maxSegments: 50_000,
  maxBytes: 64 * 1024 * 1024,
  traceSizeLimitBytes: 500 * 1024,
};

/** Eviction frees a little more than needed, so a store at its cap does not evict on every put. */
const EVICTION_HEADROOM = 0.95;

export interface StoredSegment extends SegmentMeta {
  /** The document as received: compact, and what BatchGetTraces starts from. */
  text: string;
}

export interface StoredTrace {
  readonly id: string;
  /** Epoch seconds from the trace id. */
  readonly idTime: number;
  readonly segments: Map<string, StoredSegment>;
  /** Characters of all documents: the memory accounting unit. */
  size: number;
  limitExceeded: boolean;
  /** Simulated epoch ms of the last accepted document ("trace update time"). */
  updatedAt: number;
  /** Latest segment end, epoch seconds ("segment end time"). */
  endTime?: number;
  /** Bumped on every change; derived views are cached against it. */
  revision: number;
  live: boolean;
}

export type TimeRangeType = 'TraceId' | 'Event' | 'Service';

export interface TraceStoreCounts {
  traces: number;
  segments: number;
  bytes: number;
  expired: number;
  evicted: number;
}

/**
 * One Region's traces. Indexed by id (a Map kept in update order, which is also the expiry and
 * eviction order) and by trace start time (a sorted array, for time-window queries).
 */
export class TraceStore {
  private settings: TraceStoreSettings = { ...DEFAULT_TRACE_STORE_SETTINGS };
  private readonly traces = new Map<string, StoredTrace>();
  /** Sorted by idTime; removed traces stay until a compaction, flagged `live: false`. */
  private byStart: StoredTrace[] = [];
  private dead = 0;
  private segmentCount = 0;
  private byteCount = 0;
  private latest = 0;
  private expired = 0;
  private evicted = 0;
  private readonly producers = new Set<() => void>();
  private producing = false;

  constructor(settings: Partial<TraceStoreSettings> = {}) {
    this.configure(settings);
  }

  configure(settings: Partial<TraceStoreSettings>): void {
    for (const key of Object.keys(settings) as (keyof TraceStoreSettings)[]) {
      const value = settings[key];
      if (value !== undefined) this.settings[key] = value;
    }
  }

  /**
   * Registers a source that stores documents as they become due (the simulated traffic). Every
   * read first lets it catch up to now: reads are never behind a timer's last tick, and a
   * simulator nobody reads traces from never pays for generating them. Returns the unregister.
   */
  addProducer(produce: () => void): () => void {
    this.producers.add(produce);
    return () => this.producers.delete(produce);
  }

  /**
   * Validates and stores one document as received at `receivedAt` (simulated ms). A document
   * sent again replaces the stored one, except that an in-progress copy never replaces a
   * completed one (the SDKs send in-progress first, but UDP does not keep order).
   */
  put(text: string, receivedAt: number): { ok: true } | InvalidSegment {
    const parsed = parseSegment(text);
    if (!parsed.ok) return parsed;
    this.expire(receivedAt);
    const meta = parsed.meta;
    const trace = this.traces.get(meta.traceId) ?? this.create(meta.traceId);
    const previous = trace.segments.get(meta.id);
    if (previous && !previous.inProgress && meta.inProgress) return { ok: true };
    const growth = text.length - (previous?.text.length ?? 0);
    // Kept in update order: delete and re-add moves the trace to the end.
    this.traces.delete(trace.id);
    this.latest = Math.max(this.latest, receivedAt);
    trace.updatedAt = this.latest;
    trace.revision += 1;
    this.traces.set(trace.id, trace);
    if (trace.size + growth > this.settings.traceSizeLimitBytes) {
      trace.limitExceeded = true;
      return { ok: true };
    }
    trace.segments.set(meta.id, { ...meta, text });
    if (!previous) this.segmentCount += 1;
    trace.size += growth;
    this.byteCount += growth;
    if (meta.endTime !== undefined) trace.endTime = Math.max(trace.endTime ?? 0, meta.endTime);
    this.enforceCaps();
    return { ok: true };
  }

  get(traceId: string, now: number): StoredTrace | undefined {
    this.catchUp();
    this.expire(now);
    return this.traces.get(traceId);
  }

  /**
   * Traces whose time of the given kind lies in [from, to] (epoch seconds), newest first (ties by
   * id, descending), each with that time. TraceId: start (from the id); Event: last update;
   * Service: latest segment end.
   */
  query(
    from: number,
    to: number,
    type: TimeRangeType,
    now: number,
  ): { trace: StoredTrace; time: number }[] {
    this.catchUp();
    this.expire(now);
    const hits: { trace: StoredTrace; time: number }[] = [];
    // Every kind of time is at or after the trace's start, so nothing started after `to` matches.
    const end = upperBound(this.byStart, to);
    const start = type === 'TraceId' ? lowerBound(this.byStart, from) : 0;
    for (let i = start; i < end; i += 1) {
      const trace = this.byStart[i];
      if (!trace?.live) continue;
      const time = timeOf(trace, type);
      if (time !== undefined && time >= from && time <= to) hits.push({ trace, time });
    }
    return hits.sort((a, b) => b.time - a.time || (a.trace.id < b.trace.id ? 1 : -1));
  }

  /** Traces active at some point of [from, to] (epoch seconds): started by `to`, not over before `from`. */
  overlapping(from: number, to: number, now: number): StoredTrace[] {
    this.catchUp();
    this.expire(now);
    const end = upperBound(this.byStart, to);
    const hits: StoredTrace[] = [];
    for (let i = 0; i < end; i += 1) {
      const trace = this.byStart[i];
      if (trace?.live && Math.max(trace.endTime ?? 0, trace.updatedAt / 1000) >= from)
        hits.push(trace);
    }
    return hits;
  }

  /** Drops traces not updated within the retention. */
  expire(now: number): void {
    const cutoff = now - this.settings.retentionMs;
    for (const trace of this.traces.values()) {
      if (trace.updatedAt >= cutoff) break;
      this.remove(trace);
      this.expired += 1;
    }
  }

  counts(): TraceStoreCounts {
    this.catchUp();
    return {
      traces: this.traces.size,
      segments: this.segmentCount,
      bytes: this.byteCount,
      expired: this.expired,
      evicted: this.evicted,
    };
  }

  private catchUp(): void {
    // A producer stores through put(), which never reads: no re-entry, but guard anyway.
    if (this.producing) return;
    this.producing = true;
    try {
      for (const produce of this.producers) produce();
    } finally {
      this.producing = false;
    }
  }

  private create(id: string): StoredTrace {
    const trace: StoredTrace = {
      id,
      idTime: traceIdTime(id),
      segments: new Map(),
      size: 0,
      limitExceeded: false,
      updatedAt: 0,
      revision: 0,
      live: true,
    };
    // Traces mostly arrive in start order, so this is nearly always an append.
    const at = upperBound(this.byStart, trace.idTime);
    if (at === this.byStart.length) this.byStart.push(trace);
    else this.byStart.splice(at, 0, trace);
    return trace;
  }

  private enforceCaps(): void {
    const { maxSegments, maxBytes } = this.settings;
    if (this.segmentCount <= maxSegments && this.byteCount <= maxBytes) return;
    const segmentTarget = Math.floor(maxSegments * EVICTION_HEADROOM);
    const byteTarget = Math.floor(maxBytes * EVICTION_HEADROOM);
    for (const trace of this.traces.values()) {
      if (this.segmentCount <= segmentTarget && this.byteCount <= byteTarget) break;
      this.remove(trace);
      this.evicted += 1;
    }
  }

  private remove(trace: StoredTrace): void {
    this.traces.delete(trace.id);
    trace.live = false;
    this.segmentCount -= trace.segments.size;
    this.byteCount -= trace.size;
    // The index keeps the husk until its next compaction; the documents go now.
    trace.segments.clear();
    this.dead += 1;
    // Compacting when half the index is dead keeps removal amortised O(1).
    if (this.dead > 1024 && this.dead * 2 > this.byStart.length) {
      this.byStart = this.byStart.filter((item) => item.live);
      this.dead = 0;
    }
  }
}

function timeOf(trace: StoredTrace, type: TimeRangeType): number | undefined {
  if (type === 'TraceId') return trace.idTime;
  if (type === 'Event') return trace.updatedAt / 1000;
  return trace.endTime;
}

/** First index whose idTime is >= time. */
function lowerBound(items: readonly StoredTrace[], time: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((items[mid]?.idTime ?? Infinity) < time) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** First index whose idTime is > time. */
function upperBound(items: readonly StoredTrace[], time: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((items[mid]?.idTime ?? Infinity) <= time) low = mid + 1;
    else high = mid;
  }
  return low;
}
