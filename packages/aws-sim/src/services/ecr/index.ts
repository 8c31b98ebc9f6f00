import { throttled } from '../../protocol/errors.js';
import type { JsonService } from '../../protocol/operation.js';
import { authOperations } from './auth.js';
import { imageOperations } from './images.js';
import { policyOperations } from './policies.js';
import { pushOperations } from './push.js';
import { repositoryOperations } from './repositories.js';
import { scanOperations } from './scans.js';
import { tagOperations } from './tags.js';

/**
 * Amazon ECR on awsJson1_1 (`X-Amz-Target: AmazonEC2ContainerRegistry_V20150921.<Operation>`),
 * signed as `ecr`: repositories, images, basic scans, policies and registry logins. Layer
 * uploads (InitiateLayerUpload…) are not simulated; PutImage takes any manifest.
 */
export const ecrService: JsonService = {
  targetPrefix: 'AmazonEC2ContainerRegistry_V20150921',
  signingName: 'ecr',
  // ECR models no throttling shape: it answers awsJson's generic 400 ThrottlingException.
  throttledError: throttled,
  operations: {
    ...repositoryOperations,
    ...tagOperations,
    ...imageOperations,
    ...pushOperations,
    ...scanOperations,
    ...policyOperations,
    ...authOperations,
  },
};
