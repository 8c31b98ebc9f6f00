import { z } from 'zod';

/**
 * Every read answer says how fresh it is: `asOf` is when the BFF got it from AWS; `stale` is
 * true when AWS failed (throttled, timed out, unavailable) and this is the last good answer.
 */
export const freshness = {
  stale: z.boolean(),
  asOf: z.iso.datetime(),
};
