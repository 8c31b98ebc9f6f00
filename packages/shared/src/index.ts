export * from './schemas/error.js';
export * from './schemas/freshness.js';
export * from './schemas/health.js';
export * from './schemas/clusters.js';
export * from './schemas/session.js';
export * from './ecs/flavor.js';
export * from './arn.js';
export * from './aws/ecs-throttling.js';
