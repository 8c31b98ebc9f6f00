import type { TaskDefinitionRecord } from '../../engine/model.js';
import type { RegionState } from '../../engine/region-state.js';
import type { Input } from '../../protocol/input.js';
import { parseTags } from './tags.js';

/**
 * Stores a new revision of a family. Validation and ECS's normalisation of the input happen
 * before this (RegisterTaskDefinition); scenarios call it with inputs known to be valid.
 */
export function storeTaskDefinition(state: RegionState, now: number, definition: Input): TaskDefinitionRecord {
  const family = String(definition.family);
  let revision = 0;
  for (const record of state.taskDefinitions.values()) {
    if (record.family === family && record.revision > revision) revision = record.revision;
  }
  revision += 1;
  const { tags: _tags, ...rest } = definition;
  const record: TaskDefinitionRecord = {
    arn: state.arn('ecs', `task-definition/${family}:${revision}`),
    family,
    revision,
    status: 'ACTIVE',
    definition: rest,
    tags: parseTags(definition),
    registeredAt: now,
  };
  state.taskDefinitions.set(record.arn, record);
  return record;
}

/**
 * Finds a task definition as every ECS `taskDefinition` parameter names it: `family` (latest
 * ACTIVE revision), `family:revision`, or the full ARN.
 */
export function resolveTaskDefinition(state: RegionState, reference: string): TaskDefinitionRecord | undefined {
  if (reference.startsWith('arn:')) return state.taskDefinitions.get(reference);
  if (reference.includes(':')) return state.taskDefinitions.get(state.arn('ecs', `task-definition/${reference}`));
  let latest: TaskDefinitionRecord | undefined;
  for (const record of state.taskDefinitions.values()) {
    if (record.family === reference && record.status === 'ACTIVE' && (!latest || record.revision > latest.revision)) {
      latest = record;
    }
  }
  return latest;
}
