import type { Request } from 'express';
import { InputError } from './errors.js';

/** Picks the region of a request: `?region=` when it is one of the offered regions, else the home region. */
export type RegionResolver = (req: Request) => string;

export function createRegionResolver(home: string, regions: readonly string[]): RegionResolver {
  return (req) => {
    const requested = req.query.region;
    if (requested === undefined || requested === '') return home;
    if (typeof requested !== 'string' || !regions.includes(requested)) {
      throw new InputError(`region must be one of ${regions.join(', ')}`);
    }
    return requested;
  };
}
