import { ClusterDetailResponse, EcsName } from '@deckhand/shared';
import { Router } from 'express';
import { parseInput } from '../../http/parse-input.js';
import { sendRead } from '../../http/read-response.js';
import type { RegionResolver } from '../../http/region.js';
import type { ClusterDetailService } from './cluster-detail.service.js';

export function createClusterDetailRouter(deps: {
  clusterDetail: ClusterDetailService;
  region: RegionResolver;
}): Router {
  const router = Router();
  router.get('/clusters/:cluster', async (req, res) => {
    const region = deps.region(req);
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    sendRead(res, ClusterDetailResponse, await deps.clusterDetail.getCluster(region, cluster));
  });
  return router;
}
