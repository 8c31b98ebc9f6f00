import { EcsName, ServiceDetailResponse, ServicesResponse } from '@deckhand/shared';
import { Router } from 'express';
import { parseInput } from '../../http/parse-input.js';
import { sendRead } from '../../http/read-response.js';
import type { RegionResolver } from '../../http/region.js';
import type { ServicesService } from './services.service.js';

export function createServicesRouter(deps: {
  services: ServicesService;
  region: RegionResolver;
}): Router {
  const router = Router();
  router.get('/clusters/:cluster/services', async (req, res) => {
    const region = deps.region(req);
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    sendRead(res, ServicesResponse, await deps.services.listServices(region, cluster));
  });
  router.get('/clusters/:cluster/services/:service', async (req, res) => {
    const region = deps.region(req);
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    const service = parseInput(EcsName, req.params.service, 'service');
    sendRead(res, ServiceDetailResponse, await deps.services.getService(region, cluster, service));
  });
  return router;
}
