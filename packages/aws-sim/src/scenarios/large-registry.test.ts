import { describe, expect, it } from 'vitest';
import { World } from '../engine/region-state.js';
import { buildLargeRegistry, LARGE_REPOSITORY } from './large-registry.js';

describe('the large registry', () => {
  it('holds 5,000 distinct images, a fifth untagged, some scanned', () => {
    const state = new World('000000000000').region('us-east-1');
    buildLargeRegistry(state, Date.UTC(2026, 10, 26));
    const repository = state.ecrRepositories.get(LARGE_REPOSITORY.name);
    const images = [...(repository?.images.values() ?? [])];
    expect(images).toHaveLength(5_000);
    expect(images.filter((image) => image.tags.length === 0)).toHaveLength(1_000);
    expect(images.filter((image) => image.scan !== undefined)).toHaveLength(500);
  });
});
