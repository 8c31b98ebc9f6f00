import type { Response } from 'express';
import type { z } from 'zod';
import type { CachedValue } from '../aws/read-cache.js';

/** How fresh a read answer is, from the cache entries it was built from (the oldest counts). */
export function freshnessOf(...parts: CachedValue<unknown>[]): { stale: boolean; asOf: string } {
  const oldest = Math.min(...parts.map((part) => part.fetchedAt));
  return {
    stale: parts.some((part) => part.stale),
    asOf: new Date(Number.isFinite(oldest) ? oldest : Date.now()).toISOString(),
  };
}

/**
 * Sends a read answer validated by its shared schema. A stale answer (AWS failed, last good data
 * served) is still a 200, and says so in the body and in the `x-deckhand-stale` header.
 */
export function sendRead<S extends z.ZodType>(res: Response, schema: S, body: z.input<S>): void {
  const parsed = schema.parse(body) as { stale?: boolean; asOf?: string };
  if (parsed.stale) {
    res.setHeader('x-deckhand-stale', 'true');
    if (parsed.asOf) res.setHeader('x-deckhand-as-of', parsed.asOf);
  }
  res.json(parsed);
}

/** A read answer not yet built: the cache entries it comes from, and how to build it from them. */
export interface ReadView<T> {
  parts: CachedValue<unknown>[];
  /** What else the answer depends on (e.g. the history's latest write): part of the memo key. */
  stamp?: string | undefined;
  build: () => T;
}

/**
 * Keeps the serialised answer of a read while the cache entries it was built from stay the same:
 * a warm request for 20,000 tasks then costs a lookup instead of mapping, validating and
 * serialising 16 MB again. Bounded: the least recently used answers are dropped.
 */
export class ReadMemo {
  private readonly entries = new Map<string, { stamp: string; json: Buffer }>();

  constructor(private readonly maxEntries = 32) {}

  /** The answer's UTF-8 bytes: kept as a Buffer so a warm answer is not even re-encoded. */
  json(key: string, parts: CachedValue<unknown>[], serialise: () => string): Buffer {
    const stamp = parts.map((part) => `${part.fetchedAt}:${part.stale ? 1 : 0}`).join('|');
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.json;
    }
    const json = Buffer.from(serialise());
    this.entries.delete(key);
    this.entries.set(key, { stamp, json });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return json;
  }
}

/** Like sendRead, for a view: built, validated and serialised only when its cache entries changed. */
export function sendReadView<S extends z.ZodType>(
  res: Response,
  schema: S,
  memo: ReadMemo,
  key: string,
  view: ReadView<z.input<S>>,
): void {
  const freshness = freshnessOf(...view.parts);
  const serialise = () => JSON.stringify(schema.parse(view.build()));
  // A view with no cache entries behind it has nothing to key a memo on.
  const json =
    view.parts.length > 0
      ? memo.json(`${key}|${view.stamp ?? ''}`, view.parts, serialise)
      : Buffer.from(serialise());
  if (freshness.stale) {
    res.setHeader('x-deckhand-stale', 'true');
    res.setHeader('x-deckhand-as-of', freshness.asOf);
  }
  res.type('application/json').send(json);
}
