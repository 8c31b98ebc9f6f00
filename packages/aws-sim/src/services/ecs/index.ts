import type { JsonService } from '../../protocol/operation.js';
import { clusterOperations } from './clusters.js';
import { containerInstanceOperations } from './container-instances.js';

/** Amazon ECS on awsJson1_1 (`X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>`). */
export const ecsService: JsonService = {
  targetPrefix: 'AmazonEC2ContainerServiceV20141113',
  signingName: 'ecs',
  operations: {
    ...clusterOperations,
    ...containerInstanceOperations,
  },
};
