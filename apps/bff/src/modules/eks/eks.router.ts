import { EksClustersResponse } from '@deckhand/shared';
import { Router } from 'express';
import type { RegionResolver } from '../../http/region.js';
import { sendRead } from '../../http/read-response.js';
import type { EksService } from './eks.service.js';

export function createEksRouter(deps: { eks: EksService; region: RegionResolver }): Router {
  const router = Router();
  router.get('/eks/clusters', async (req, res) => {
    sendRead(res, EksClustersResponse, await deps.eks.listClusters(deps.region(req)));
  });
  return router;
}
