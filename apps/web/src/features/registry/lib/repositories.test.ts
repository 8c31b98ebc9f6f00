import { buildRegistryImage, buildRepository } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { formatBytes, shortDigest } from './format-bytes';
import { filterRepositories, sortImages, sortRepositories } from './repositories';

describe('repositories', () => {
  const repositories = [
    buildRepository({ name: 'web', imageCount: 3, lastPushedAt: '2026-11-20T09:30:00.000Z' }),
    buildRepository({ name: 'orders-api', imageCount: 9, lastPushedAt: undefined }),
    buildRepository({
      name: 'team/payments',
      imageCount: 1,
      lastPushedAt: '2026-11-25T09:30:00.000Z',
    }),
  ];

  it('filters by name or URI, ignoring case', () => {
    expect(filterRepositories(repositories, 'TEAM/').map((r) => r.name)).toEqual(['team/payments']);
    expect(filterRepositories(repositories, 'dkr.ecr')).toHaveLength(3);
  });

  it('sorts by name, image count or last push (never pushed = oldest)', () => {
    const names = (key: 'name' | 'imageCount' | 'lastPushedAt', descending = false) =>
      sortRepositories(repositories, { key, descending }).map((r) => r.name);
    expect(names('name')).toEqual(['orders-api', 'team/payments', 'web']);
    expect(names('imageCount', true)).toEqual(['orders-api', 'web', 'team/payments']);
    expect(names('lastPushedAt', true)).toEqual(['team/payments', 'web', 'orders-api']);
  });
});

describe('images', () => {
  const images = [
    buildRegistryImage({
      digest: `sha256:${'a'.repeat(64)}`,
      sizeBytes: 10,
      pushedAt: '2026-11-01T00:00:00.000Z',
      tags: ['b'],
    }),
    buildRegistryImage({
      digest: `sha256:${'b'.repeat(64)}`,
      sizeBytes: 30,
      pushedAt: '2026-11-03T00:00:00.000Z',
      tags: [],
    }),
    buildRegistryImage({
      digest: `sha256:${'c'.repeat(64)}`,
      sizeBytes: 20,
      pushedAt: '2026-11-02T00:00:00.000Z',
      tags: ['a'],
    }),
  ];
  const order = (key: 'pushedAt' | 'sizeBytes' | 'tags', descending: boolean) =>
    sortImages(images, { key, descending }).map((image) => image.digest.charAt(7));

  it('sorts newest first by default, by size or by tag (untagged last)', () => {
    expect(order('pushedAt', true)).toEqual(['b', 'c', 'a']);
    expect(order('sizeBytes', false)).toEqual(['a', 'c', 'b']);
    expect(order('tags', false)).toEqual(['c', 'a', 'b']);
  });

  it('formats sizes and digests as Docker does', () => {
    expect(formatBytes(48_213_004)).toBe('46.0 MiB');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB');
    expect(shortDigest(`sha256:${'ab'.repeat(32)}`)).toBe('sha256:abababababab');
  });
});
