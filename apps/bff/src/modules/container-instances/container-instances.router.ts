import { ContainerInstancesResponse, EcsName } from '@deckhand/shared';
import { Router } from 'express';
import { parseInput } from '../../http/parse-input.js';
import { sendRead } from '../../http/read-response.js';
import type { RegionResolver } from '../../http/region.js';
import type { ContainerInstancesService } from './container-instances.service.js';

export function createContainerInstancesRouter(deps: {
  containerInstances: ContainerInstancesService;
  region: RegionResolver;
}): Router {
  const router = Router();
  router.get('/clusters/:cluster/container-instances', async (req, res) => {
    const region = deps.region(req);
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    const answer = await deps.containerInstances.listContainerInstances(region, cluster);
    sendRead(res, ContainerInstancesResponse, answer);
  });
  return router;
}
