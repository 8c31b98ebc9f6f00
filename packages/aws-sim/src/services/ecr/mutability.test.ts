import { describe, expect, it } from 'vitest';
import type { RepositoryRecord } from './model.js';
import { isTagImmutable } from './mutability.js';

describe('tag mutability with exclusions', () => {
  const repository = (
    imageTagMutability: RepositoryRecord['imageTagMutability'],
    filters: string[] = [],
  ) =>
    ({
      imageTagMutability,
      imageTagMutabilityExclusionFilters: filters.map((filter) => ({
        filterType: 'WILDCARD',
        filter,
      })),
    }) as RepositoryRecord;

  it('applies the setting less the wildcard exclusions', () => {
    expect(isTagImmutable(repository('MUTABLE'), 'latest')).toBe(false);
    expect(isTagImmutable(repository('IMMUTABLE'), 'latest')).toBe(true);
    const immutable = repository('IMMUTABLE_WITH_EXCLUSION', ['latest', 'dev-*']);
    expect(isTagImmutable(immutable, 'latest')).toBe(false);
    expect(isTagImmutable(immutable, 'dev-42')).toBe(false);
    expect(isTagImmutable(immutable, 'v1.0')).toBe(true);
    const mutable = repository('MUTABLE_WITH_EXCLUSION', ['release.*']);
    expect(isTagImmutable(mutable, 'release.1')).toBe(true);
    expect(isTagImmutable(mutable, 'releasex1')).toBe(false);
    expect(isTagImmutable(mutable, 'latest')).toBe(false);
  });
});
