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
