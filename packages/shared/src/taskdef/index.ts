// The task-definition studio's model and rules (REFERENCE.md §5, §6): a subpath of its own
// (`@deckhand/shared/taskdef`) so the pages that never edit a task definition do not load it.
export * from './types.js';
export * from '../generated/ecs-register-model.js';
export * from './paths.js';
export * from './fargate.js';
export * from './placeholders.js';
export * from './schema-info.js';
export * from './import.js';
export * from './lint.js';
export * from './normalise.js';
export * from './diff.js';
export * from './dockerrun.js';
export * from './xray.js';
