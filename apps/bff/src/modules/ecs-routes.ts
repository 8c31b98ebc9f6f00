import { Router } from 'express';
import type { EcsReads } from '../aws/ecs-reads.js';
import type { RegionResolver } from '../http/region.js';
import type { HistoryStore } from '../store/types.js';
import { createClusterDetailRouter } from './cluster-detail/cluster-detail.router.js';
import {
  createClusterDetailService,
  type ClusterDetailService,
} from './cluster-detail/cluster-detail.service.js';
import { createContainerInstancesRouter } from './container-instances/container-instances.router.js';
import {
  createContainerInstancesService,
  type ContainerInstancesService,
} from './container-instances/container-instances.service.js';
import { createPortMapRouter } from './port-map/port-map.router.js';
import { createPortMapService, type PortMapService } from './port-map/port-map.service.js';
import { createServicesRouter } from './services/services.router.js';
import { createServicesService, type ServicesService } from './services/services.service.js';
import { createTaskDefinitionsRouter } from './task-definitions/task-definitions.router.js';
import {
  createTaskDefinitionsService,
  type TaskDefinitionsService,
} from './task-definitions/task-definitions.service.js';
import { createTasksRouter } from './tasks/tasks.router.js';
import { createTasksService, type TasksService } from './tasks/tasks.service.js';

/** The ECS read API beyond the cluster list: one service per module, all over the shared EcsReads. */
export interface EcsServices {
  clusterDetail: ClusterDetailService;
  containerInstances: ContainerInstancesService;
  services: ServicesService;
  tasks: TasksService;
  portMap: PortMapService;
  taskDefinitions: TaskDefinitionsService;
}

/**
 * `history`: the SQLite history merged into service events and stopped tasks, when there is one;
 * `historyRetentionDays`: how long it keeps them.
 */
export function createEcsServices(
  reads: EcsReads,
  history?: HistoryStore,
  historyRetentionDays?: number,
): EcsServices {
  return {
    clusterDetail: createClusterDetailService(reads),
    containerInstances: createContainerInstancesService(reads),
    services: createServicesService(reads, history),
    tasks: createTasksService(reads, history, historyRetentionDays),
    portMap: createPortMapService(reads),
    taskDefinitions: createTaskDefinitionsService(reads),
  };
}

/** Mounts each module's router; the routers see only their own service. */
export function createEcsRouter(deps: { ecs: EcsServices; region: RegionResolver }): Router {
  const { ecs, region } = deps;
  const router = Router();
  router.use(createClusterDetailRouter({ clusterDetail: ecs.clusterDetail, region }));
  router.use(
    createContainerInstancesRouter({ containerInstances: ecs.containerInstances, region }),
  );
  router.use(createServicesRouter({ services: ecs.services, region }));
  router.use(createTasksRouter({ tasks: ecs.tasks, region }));
  router.use(createPortMapRouter({ portMap: ecs.portMap, region }));
  router.use(createTaskDefinitionsRouter({ taskDefinitions: ecs.taskDefinitions, region }));
  return router;
}
