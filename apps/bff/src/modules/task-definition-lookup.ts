import type { TaskDefinition } from '@aws-sdk/client-ecs';
import { mapLimit } from '../aws/batch.js';
import type { EcsReads } from '../aws/ecs-reads.js';
import type { CachedValue } from '../aws/read-cache.js';
import { NotFoundError } from '../http/errors.js';

/** DescribeTaskDefinition takes one revision per call: a few at once, the call budget paces the rest. */
const CONCURRENCY = 4;

export interface TaskDefinitionLookup {
  /** `family:revision` → definition, for the revisions ECS still describes. */
  definitions: Map<string, TaskDefinition>;
  /** Some definition was served from the cache because AWS failed. */
  stale: boolean;
  /** The cache entries read, for answers memoised on them. */
  parts: CachedValue<unknown>[];
}

/**
 * Reads the distinct revisions tasks and services name (each kept long: revisions are
 * immutable). A revision ECS no longer describes (deleted) is skipped: its tasks just lose
 * what the definition would have added; any other failure fails the read.
 */
export async function lookUpTaskDefinitions(
  reads: EcsReads,
  region: string,
  references: Iterable<string>,
): Promise<TaskDefinitionLookup> {
  const distinct = [...new Set(references)].filter((reference) => reference !== '');
  const answers = await mapLimit(distinct, CONCURRENCY, (reference) =>
    reads.taskDefinitionRevision(region, reference).catch((error: unknown) => {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }),
  );
  const definitions = new Map<string, TaskDefinition>();
  answers.forEach((answer, index) => {
    const reference = distinct[index];
    if (answer && reference !== undefined) definitions.set(reference, answer.value.taskDefinition);
  });
  return {
    definitions,
    stale: answers.some((answer) => answer?.stale === true),
    parts: answers.filter((answer) => answer !== undefined),
  };
}
