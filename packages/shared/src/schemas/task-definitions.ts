import { z } from 'zod';
import { EcsTaskDefinition } from '../generated/ecs-task-definition.js';
import { freshness } from './freshness.js';

/** A task definition family name as ECS accepts it (≤ 255 letters, digits, hyphens, underscores). */
export const FamilyName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,255}$/, 'must be 1–255 letters, digits, hyphens or underscores');

export const TaskDefinitionFamily = z.object({
  name: z.string(),
  /** The highest ACTIVE revision; absent when every revision is deregistered. */
  latestRevision: z.number().int().positive().optional(),
  activeRevisions: z.number().int().nonnegative(),
});
export type TaskDefinitionFamily = z.infer<typeof TaskDefinitionFamily>;

/** `GET /api/v1/task-definitions/families`. */
export const TaskDefinitionFamiliesResponse = z.object({
  families: z.array(TaskDefinitionFamily),
  ...freshness,
});
export type TaskDefinitionFamiliesResponse = z.infer<typeof TaskDefinitionFamiliesResponse>;

export const TaskDefinitionRevisionStatus = z.enum(['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS']);
export type TaskDefinitionRevisionStatus = z.infer<typeof TaskDefinitionRevisionStatus>;

export const TaskDefinitionRevision = z.object({
  revision: z.number().int().positive(),
  status: TaskDefinitionRevisionStatus,
  /** Known for the newest revisions (each costs a DescribeTaskDefinition; see the BFF service). */
  registeredAt: z.iso.datetime().optional(),
  arn: z.string(),
});
export type TaskDefinitionRevision = z.infer<typeof TaskDefinitionRevision>;

/** `GET /api/v1/task-definitions/:family/revisions`, newest first. */
export const TaskDefinitionRevisionsResponse = z.object({
  revisions: z.array(TaskDefinitionRevision),
  ...freshness,
});
export type TaskDefinitionRevisionsResponse = z.infer<typeof TaskDefinitionRevisionsResponse>;

/**
 * `GET /api/v1/task-definitions/:family/:revision`: the AWS shape as registered (generated from
 * the ECS model). Secrets appear only as `valueFrom` references: ECS never holds their values.
 */
export const TaskDefinitionResponse = z.object({
  taskDefinition: EcsTaskDefinition,
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
  ...freshness,
});
export type TaskDefinitionResponse = z.infer<typeof TaskDefinitionResponse>;

export const TaskDefinitionParams = z.object({
  family: FamilyName,
  // Digits only: a coercion would take `1e3`, `0x10` or ` 7 ` for revisions 1000, 16 and 7.
  revision: z
    .string()
    .regex(/^[1-9]\d{0,6}$/, 'must be a revision number (1–1000000)')
    .transform(Number)
    .pipe(z.number().int().positive().max(1_000_000)),
});
export type TaskDefinitionParams = z.infer<typeof TaskDefinitionParams>;
