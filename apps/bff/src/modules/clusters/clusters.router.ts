import { ClustersResponse } from '@deckhand/shared';
import { Router } from 'express';
import type { RegionResolver } from '../../http/region.js';
import { sendRead } from '../../http/read-response.js';
import type { ClustersService } from './clusters.service.js';

export function createClustersRouter(deps: {
  clusters: ClustersService;
  region: RegionResolver;
}): Router {
  const router = Router();
  router.get('/clusters', async (req, res) => {
    sendRead(res, ClustersResponse, await deps.clusters.listClusters(deps.region(req)));
  });
  return router;
}
