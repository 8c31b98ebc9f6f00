import { EcsName, PortMapResponse } from '@deckhand/shared';
import { Router } from 'express';
import { parseInput } from '../../http/parse-input.js';
import { sendRead } from '../../http/read-response.js';
import type { RegionResolver } from '../../http/region.js';
import type { PortMapService } from './port-map.service.js';

export function createPortMapRouter(deps: {
  portMap: PortMapService;
  region: RegionResolver;
}): Router {
  const router = Router();
  router.get('/clusters/:cluster/port-map', async (req, res) => {
    const region = deps.region(req);
    const cluster = parseInput(EcsName, req.params.cluster, 'cluster');
    sendRead(res, PortMapResponse, await deps.portMap.getPortMap(region, cluster));
  });
  return router;
}
