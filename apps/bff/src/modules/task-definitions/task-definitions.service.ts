import type {
  TaskDefinitionFamiliesResponse,
  TaskDefinitionResponse,
  TaskDefinitionRevisionsResponse,
  TaskDefinitionRevisionStatus,
} from '@deckhand/shared';
import { mapLimit } from '../../aws/batch.js';
import type { EcsReads } from '../../aws/ecs-reads.js';
import { NotFoundError } from '../../http/errors.js';
import { freshnessOf } from '../../http/read-response.js';
import { isoDate } from '../ecs-mapping.js';
import { toFamilies, toRevisions, toTaskDefinitionDto } from './task-definitions.mapper.js';

/**
 * ListTaskDefinitions gives ARNs only; a revision's registration time costs one
 * DescribeTaskDefinition (task-definition read bucket: 50 burst, 20/s). The newest this many
 * are described; every revision is listed with its status all the same.
 */
export const DESCRIBED_REVISIONS = 20;
const CONCURRENCY = 4;

const STATUSES: TaskDefinitionRevisionStatus[] = ['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'];

export interface TaskDefinitionsService {
  /** Every family with its latest ACTIVE revision and the number of ACTIVE revisions. */
  listFamilies(region: string): Promise<TaskDefinitionFamiliesResponse>;
  /** One family's revisions, newest first; NotFoundError when it has none. */
  listRevisions(region: string, family: string): Promise<TaskDefinitionRevisionsResponse>;
  /** One revision as registered; NotFoundError when ECS does not know it. */
  getRevision(region: string, family: string, revision: number): Promise<TaskDefinitionResponse>;
}

export function createTaskDefinitionsService(reads: EcsReads): TaskDefinitionsService {
  return {
    async listFamilies(region) {
      const [families, active] = await Promise.all([
        reads.taskDefinitionFamilies(region),
        reads.taskDefinitionArns(region, 'ACTIVE'),
      ]);
      return {
        families: toFamilies(families.value, active.value),
        ...freshnessOf(families, active),
      };
    },

    async listRevisions(region, family) {
      // ListTaskDefinitions has no "all statuses": one list per status.
      const lists = await Promise.all(
        STATUSES.map((status) => reads.familyRevisionArns(region, family, status)),
      );
      const listed = toRevisions(
        family,
        STATUSES.map((status, index) => ({ status, arns: lists[index]?.value ?? [] })),
      );
      if (listed.length === 0) {
        throw new NotFoundError(`Task definition family ${family} has no revisions in ${region}.`);
      }
      const described = await mapLimit(
        listed.slice(0, DESCRIBED_REVISIONS),
        CONCURRENCY,
        (revision) =>
          reads.taskDefinitionRevision(region, revision.arn).catch((error: unknown) => {
            if (error instanceof NotFoundError) return undefined;
            throw error;
          }),
      );
      const freshness = freshnessOf(...lists);
      return {
        revisions: listed.map((revision, index) => {
          const registeredAt = isoDate(described[index]?.value.taskDefinition.registeredAt);
          return registeredAt ? { ...revision, registeredAt } : revision;
        }),
        ...freshness,
        stale: freshness.stale || described.some((answer) => answer?.stale === true),
      };
    },

    async getRevision(region, family, revision) {
      const answer = await reads.taskDefinitionRevision(region, `${family}:${revision}`);
      return {
        taskDefinition: toTaskDefinitionDto(answer.value.taskDefinition),
        tags: answer.value.tags.flatMap((tag) =>
          tag.key ? [{ key: tag.key, value: tag.value ?? '' }] : [],
        ),
        ...freshnessOf(answer),
      };
    },
  };
}
