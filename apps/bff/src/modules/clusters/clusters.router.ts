import { ClustersResponse } from '@deckhand/shared';
import { Router } from 'express';
import { clientGone } from '../../http/abort.js';
import type { RegionResolver } from '../../http/region.js';
import type { ClustersService } from './clusters.service.js';

export function createClustersRouter(deps: {
  clusters: ClustersService;
  region: RegionResolver;
}): Router {
  const router = Router();
  router.get('/clusters', async (req, res) => {
    const region = deps.region(req);
    const clusters = await deps.clusters.listClusters(region, clientGone(res));
    res.json(ClustersResponse.parse({ clusters }));
  });
  return router;
}
