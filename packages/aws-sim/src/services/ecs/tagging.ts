import { AwsError, clusterNotFound, invalidParameter } from '../../protocol/errors.js';
import { requiredString, stringList, type Input } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import type { Tag } from '../../engine/model.js';
import type { RegionState } from '../../engine/region-state.js';
import { parseTags } from './tags.js';

/** Anything ECS can tag: every record the simulator holds carries its tags. */
interface Taggable {
  tags: Tag[];
}

// arn:aws:ecs:<region>:<account>:<type>/<rest>
const ECS_ARN = /^arn:aws[a-z-]*:ecs:([a-z0-9-]+):(\d{12}):([a-z-]+)\/(.+)$/;

const MAX_TAGS = 50;

const resourceNotFound = () =>
  new AwsError('ResourceNotFoundException', 'The specified resource could not be found.');

/**
 * The record an ECS ARN names. Services, tasks and container instances live in a cluster, and a
 * missing cluster is reported before a missing resource, as AWS does. Short ARNs (without the
 * cluster) are the pre-2018 format AWS refuses to tag.
 */
function findTaggable(state: RegionState, resourceArn: string): Taggable {
  const match = ECS_ARN.exec(resourceArn);
  if (!match) throw invalidParameter('The ARN provided is invalid.');
  const [, region = '', account = '', type = '', rest = ''] = match;
  const clusterOf = (name: string) => {
    const cluster = state.clusters.get(`arn:aws:ecs:${region}:${account}:cluster/${name}`);
    if (!cluster || cluster.status !== 'ACTIVE') throw clusterNotFound();
    return cluster;
  };
  switch (type) {
    case 'cluster':
      return clusterOf(rest);
    case 'task-definition':
      return existing(state.taskDefinitions.get(resourceArn));
    case 'service':
    case 'task':
    case 'container-instance': {
      const slash = rest.indexOf('/');
      if (slash === -1)
        throw invalidParameter('Long arn format must be used for tagging operations');
      clusterOf(rest.slice(0, slash));
      const records: ReadonlyMap<string, Taggable> =
        type === 'service'
          ? state.services
          : type === 'task'
            ? state.tasks
            : state.containerInstances;
      return existing(records.get(resourceArn));
    }
    // FARGATE and FARGATE_SPOT are AWS's own and take no tags; the simulator has no others.
    case 'capacity-provider':
      throw resourceNotFound();
    default:
      throw invalidParameter('The ARN provided is invalid.');
  }
}

function existing<T>(record: T | undefined): T {
  if (record === undefined) throw resourceNotFound();
  return record;
}

function resourceArnOf(input: Input): string {
  return requiredString(input, 'resourceArn');
}

export const taggingOperations: Record<string, Operation> = {
  TagResource(input, { state }) {
    const resource = findTaggable(state, resourceArnOf(input));
    const tags = parseTags(input);
    // New keys are added, existing keys take the new value; other tags stay.
    const merged = new Map(resource.tags.map((tag) => [tag.key, tag.value]));
    for (const tag of tags) merged.set(tag.key, tag.value);
    if (merged.size > MAX_TAGS) {
      throw invalidParameter(`A resource can have at most ${MAX_TAGS} tags.`);
    }
    resource.tags = [...merged].map(([key, value]) => ({ key, value }));
    return {};
  },

  UntagResource(input, { state }) {
    const resource = findTaggable(state, resourceArnOf(input));
    const keys = new Set(stringList(input, 'tagKeys'));
    resource.tags = resource.tags.filter((tag) => !keys.has(tag.key));
    return {};
  },

  ListTagsForResource(input, { state }) {
    return { tags: findTaggable(state, resourceArnOf(input)).tags };
  },
};
