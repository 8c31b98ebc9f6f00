import type { JsonService } from '../../protocol/operation.js';
import { clusterOperations } from './clusters.js';
import { containerInstanceOperations } from './container-instances.js';
import { capacityProviderOperations } from './capacity-providers.js';
import { taggingOperations } from './tagging.js';
import { taskDefinitionOperations } from './task-definitions.js';
import { instanceOperations } from './instance-ops.js';
import { serviceDeploymentOperations } from './service-deployments.js';
import { serviceOperations } from './services.js';
import { taskQueryOperations } from './task-queries.js';
import { taskOperations } from './tasks.js';
import { withFleet } from './with-fleet.js';

/** Amazon ECS on awsJson1_1 (`X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>`). */
export const ecsService: JsonService = {
  targetPrefix: 'AmazonEC2ContainerServiceV20141113',
  signingName: 'ecs',
  // withFleet: the live fleet is brought up to the simulated now before any operation runs.
  operations: withFleet({
    ...clusterOperations,
    ...containerInstanceOperations,
    ...taskDefinitionOperations,
    ...taggingOperations,
    ...capacityProviderOperations,
    ...serviceOperations,
    ...serviceDeploymentOperations,
    ...taskOperations,
    ...taskQueryOperations,
    ...instanceOperations,
  }),
};
