import { AwsError } from '../../protocol/errors.js';
import { objectList, requiredString, stringList, type Input } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import type { RegionState } from '../../engine/region-state.js';
import { invalidEcrParameter, repositoryNotFound } from './errors.js';
import type { EcrTag, RepositoryRecord } from './model.js';

const MAX_TAGS = 50;
const REPOSITORY_ARN = /^arn:aws[a-z-]*:ecr:([a-z0-9-]+):([0-9]{12}):repository\/(.+)$/;

const invalidTag = (message: string) => new AwsError('InvalidTagParameterException', message);

/** ECR tags (`Key`/`Value`): key 1–128, value ≤ 256, `aws:` reserved, ≤ 50 per repository. */
export function parseEcrTags(input: Input, field = 'tags'): EcrTag[] {
  const tags = objectList(input, field).map((tag) => {
    const key = tag.Key;
    const value = tag.Value ?? '';
    if (typeof key !== 'string' || key.length < 1 || key.length > 128)
      throw invalidTag('Tag keys must be between 1 and 128 characters.');
    if (typeof value !== 'string' || value.length > 256)
      throw invalidTag('Tag values must be at most 256 characters.');
    if (key.toLowerCase().startsWith('aws:'))
      throw invalidTag('Tag keys cannot start with the reserved prefix aws:.');
    return { Key: key, Value: value };
  });
  if (tags.length > MAX_TAGS) throw tooManyTags();
  return tags;
}

const tooManyTags = () =>
  new AwsError('TooManyTagsException', `A repository can have at most ${MAX_TAGS} tags.`);

/** The repository an ARN names; a malformed ARN is InvalidParameterException, as AWS answers. */
function repositoryByArn(state: RegionState, arn: string): RepositoryRecord {
  const match = REPOSITORY_ARN.exec(arn);
  if (!match) throw invalidEcrParameter('resourceArn', 'Invalid ARN');
  const [, region = '', accountId = '', name = ''] = match;
  const repository =
    region === state.region && accountId === state.accountId
      ? state.ecrRepositories.get(name)
      : undefined;
  if (!repository) throw repositoryNotFound(name, accountId);
  return repository;
}

export const tagOperations: Record<string, Operation> = {
  ListTagsForResource(input, { state }) {
    const repository = repositoryByArn(state, requiredString(input, 'resourceArn'));
    return { tags: repository.tags };
  },

  TagResource(input, { state }) {
    const repository = repositoryByArn(state, requiredString(input, 'resourceArn'));
    const merged = new Map(repository.tags.map((tag) => [tag.Key, tag.Value]));
    for (const tag of parseEcrTags(input)) merged.set(tag.Key, tag.Value);
    if (merged.size > MAX_TAGS) throw tooManyTags();
    repository.tags = [...merged].map(([Key, Value]) => ({ Key, Value }));
    return {};
  },

  UntagResource(input, { state }) {
    const repository = repositoryByArn(state, requiredString(input, 'resourceArn'));
    const keys = new Set(stringList(input, 'tagKeys'));
    repository.tags = repository.tags.filter((tag) => !keys.has(tag.Key));
    return {};
  },
};
