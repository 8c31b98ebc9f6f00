/**
 * The time window of a trace search or a service map: `start`/`end` as ISO 8601 or epoch
 * seconds, defaulting to the last 15 minutes. X-Ray's console caps trace-summary windows at
 * 6 hours (REFERENCE.md §2); Deckhand keeps to that so one search stays a few pages.
 */

export const DEFAULT_WINDOW_MS = 15 * 60_000;
export const MAX_WINDOW_MS = 6 * 60 * 60_000;

export interface TimeWindow {
  start: Date;
  end: Date;
  /** Neither bound was given: "the last 15 minutes", whenever that is. */
  relative: boolean;
}

export type TimeWindowResult = { ok: true; window: TimeWindow } | { ok: false; message: string };

const EPOCH_SECONDS = /^\d{1,11}(\.\d+)?$/;
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseTime(name: string, value: string): Date | string {
  const text = value.trim();
  if (EPOCH_SECONDS.test(text)) return new Date(Number(text) * 1000);
  if (/^\d{12,}$/.test(text)) {
    return `${name} looks like epoch milliseconds; give epoch seconds or an ISO 8601 time`;
  }
  const ms = ISO.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(ms)) return `${name} must be an ISO 8601 time or epoch seconds`;
  return new Date(ms);
}

/** `6 h`, `6 h 1 min` (minutes rounded up: a window just over the cap must read as over it). */
function hours(ms: number): string {
  const minutes = Math.ceil(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/**
 * Resolves `start`/`end` (either may be omitted) against `now`: end defaults to now, start to
 * 15 minutes before end. Rejects unreadable times, `end <= start` and windows over `maxMs`.
 */
export function parseTimeWindow(
  query: { start?: string | undefined; end?: string | undefined },
  options: { now?: Date; maxMs?: number; defaultMs?: number } = {},
): TimeWindowResult {
  const now = options.now ?? new Date();
  const maxMs = options.maxMs ?? MAX_WINDOW_MS;
  const startText = query.start?.trim() ? query.start : undefined;
  const endText = query.end?.trim() ? query.end : undefined;

  const end = endText === undefined ? now : parseTime('end', endText);
  if (typeof end === 'string') return { ok: false, message: end };
  const start =
    startText === undefined
      ? new Date(end.getTime() - (options.defaultMs ?? DEFAULT_WINDOW_MS))
      : parseTime('start', startText);
  if (typeof start === 'string') return { ok: false, message: start };

  const length = end.getTime() - start.getTime();
  if (length <= 0) return { ok: false, message: 'end must be after start' };
  if (length > maxMs) {
    return {
      ok: false,
      message: `The window from start to end is ${hours(length)}; X-Ray searches are limited to ${hours(maxMs)} (as in the X-Ray console). Narrow start/end.`,
    };
  }
  return {
    ok: true,
    window: { start, end, relative: startText === undefined && endText === undefined },
  };
}
