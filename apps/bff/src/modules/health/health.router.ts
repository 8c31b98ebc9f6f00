import { HealthResponse } from '@deckhand/shared';
import { Router } from 'express';
import type { RegionResolver } from '../../http/region.js';

export interface HealthInfo {
  mode: 'simulator' | 'aws';
  regions: string[];
  readOnly: boolean;
  version: string;
}

export function createHealthRouter(deps: { info: HealthInfo; region: RegionResolver }): Router {
  const router = Router();
  router.get('/health', (req, res) => {
    res.json(
      HealthResponse.parse({
        status: 'ok',
        mode: deps.info.mode,
        region: deps.region(req),
        regions: deps.info.regions,
        readOnly: deps.info.readOnly,
        version: deps.info.version,
      }),
    );
  });
  return router;
}
