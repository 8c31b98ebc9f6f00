import type { TaskDefinition as SdkTaskDefinition } from '@aws-sdk/client-ecs';
import {
  EcsTaskDefinition,
  type TaskDefinitionFamily,
  type TaskDefinitionRevision,
  type TaskDefinitionRevisionStatus,
} from '@deckhand/shared';
import { nameOf } from '../ecs-mapping.js';

/** SDK output as plain JSON: Dates become ISO strings, `undefined` and `null` members disappear. */
function toJson(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Array.isArray(value)) return value.map(toJson).filter((item) => item !== undefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      const converted = toJson(member);
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  return value ?? undefined;
}

/**
 * DescribeTaskDefinition output → the AWS shape as registered. The schema is generated from the
 * ECS model, so only members AWS defines pass; `secrets` and `repositoryCredentials` carry
 * nothing but references (`valueFrom`, `credentialsParameter`): ECS never holds secret values,
 * and any other member an SDK object carries is dropped by the parse.
 */
export function toTaskDefinitionDto(definition: SdkTaskDefinition): EcsTaskDefinition {
  return EcsTaskDefinition.parse(toJson(definition));
}

/** `arn:…:task-definition/web:3` → `{ family: 'web', revision: 3 }`. */
export function parseRevisionArn(arn: string): { family: string; revision: number } | undefined {
  const reference = nameOf(arn, '');
  const colon = reference.lastIndexOf(':');
  const revision = Number(reference.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(revision) || revision <= 0) return undefined;
  return { family: reference.slice(0, colon), revision };
}

/** Families with their highest ACTIVE revision and how many are ACTIVE, sorted by name. */
export function toFamilies(names: string[], activeArns: string[]): TaskDefinitionFamily[] {
  const active = new Map<string, { latest: number; count: number }>();
  for (const arn of activeArns) {
    const parsed = parseRevisionArn(arn);
    if (!parsed) continue;
    const entry = active.get(parsed.family) ?? { latest: 0, count: 0 };
    entry.latest = Math.max(entry.latest, parsed.revision);
    entry.count += 1;
    active.set(parsed.family, entry);
  }
  return [...new Set(names)]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const entry = active.get(name);
      return {
        name,
        ...(entry ? { latestRevision: entry.latest } : {}),
        activeRevisions: entry?.count ?? 0,
      };
    });
}

/**
 * One family's revisions from the per-status lists, newest first (without registration times,
 * which only DescribeTaskDefinition gives). `familyPrefix` is documented
 * as the full family name; revisions of other families are filtered out all the same.
 */
export function toRevisions(
  family: string,
  lists: { status: TaskDefinitionRevisionStatus; arns: string[] }[],
): TaskDefinitionRevision[] {
  const byRevision = new Map<number, TaskDefinitionRevision>();
  for (const { status, arns } of lists) {
    for (const arn of arns) {
      const parsed = parseRevisionArn(arn);
      if (parsed?.family !== family) continue;
      byRevision.set(parsed.revision, { revision: parsed.revision, status, arn });
    }
  }
  return [...byRevision.values()].sort((a, b) => b.revision - a.revision);
}
