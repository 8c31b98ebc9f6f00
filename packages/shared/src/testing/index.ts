export * from './builders.js';
export * from './ecs.js';
export * from './xray.js';
export * from './registry.js';
