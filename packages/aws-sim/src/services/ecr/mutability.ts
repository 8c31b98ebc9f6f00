import { objectList, optionalString, type Input } from '../../protocol/input.js';
import { invalidEcrParameter } from './errors.js';
import type { MutabilityExclusionFilter, RepositoryRecord, TagMutability } from './model.js';

const MUTABILITIES = new Set<string>([
  'MUTABLE',
  'IMMUTABLE',
  'IMMUTABLE_WITH_EXCLUSION',
  'MUTABLE_WITH_EXCLUSION',
]);
const EXCLUSION_FILTER = /^[0-9a-zA-Z._*-]{1,128}$/;

/** `imageTagMutability`, one of the four settings ECR knows (the *_WITH_EXCLUSION pair is 2025's). */
export function parseMutability(input: Input): TagMutability | undefined {
  const value = optionalString(input, 'imageTagMutability');
  if (value !== undefined && !MUTABILITIES.has(value)) {
    throw invalidEcrParameter(
      'imageTagMutability',
      'Member must satisfy enum value set: [MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION]',
    );
  }
  return value as TagMutability | undefined;
}

/** Exclusion filters belong with the *_WITH_EXCLUSION settings only, and those need at least one. */
export function parseExclusionFilters(
  input: Input,
  mutability: TagMutability,
): MutabilityExclusionFilter[] {
  const filters = objectList(input, 'imageTagMutabilityExclusionFilters').map((item) => {
    if (item.filterType !== 'WILDCARD' || typeof item.filter !== 'string') {
      throw invalidEcrParameter(
        'imageTagMutabilityExclusionFilters',
        'filterType must be WILDCARD',
      );
    }
    if (!EXCLUSION_FILTER.test(item.filter)) {
      throw invalidEcrParameter(
        'imageTagMutabilityExclusionFilters.filter',
        `must satisfy regular expression '^[0-9a-zA-Z._*-]{1,128}$'`,
      );
    }
    return { filterType: 'WILDCARD' as const, filter: item.filter };
  });
  const withExclusion = mutability.endsWith('_WITH_EXCLUSION');
  if (withExclusion && (filters.length < 1 || filters.length > 5)) {
    throw invalidEcrParameter(
      'imageTagMutabilityExclusionFilters',
      `${mutability} requires between 1 and 5 exclusion filters`,
    );
  }
  if (!withExclusion && filters.length > 0) {
    throw invalidEcrParameter(
      'imageTagMutabilityExclusionFilters',
      `exclusion filters are only allowed with MUTABLE_WITH_EXCLUSION or IMMUTABLE_WITH_EXCLUSION`,
    );
  }
  return filters;
}

const wildcardMatches = (filter: string, tag: string) =>
  new RegExp(`^${filter.replace(/[.+?^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '.*')}$`).test(tag);

/** Whether pushing `tag` onto another image is refused: the repository's setting, less its exclusions. */
export function isTagImmutable(repository: RepositoryRecord, tag: string): boolean {
  const excluded = repository.imageTagMutabilityExclusionFilters.some((f) =>
    wildcardMatches(f.filter, tag),
  );
  switch (repository.imageTagMutability) {
    case 'IMMUTABLE':
      return true;
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !excluded;
    case 'MUTABLE_WITH_EXCLUSION':
      return excluded;
    default:
      return false;
  }
}
