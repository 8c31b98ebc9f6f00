import { Random } from '../engine/random.js';
import type { RegionState } from '../engine/region-state.js';
import { pushImage } from '../services/ecr/push.js';
import { createRepository } from '../services/ecr/repositories.js';
import { baseLayers, buildManifest, demoScan } from './demo-images.js';

/** The registry scale test: one repository of 5,000 images (the images table must stay smooth). */
export const LARGE_REPOSITORY = { name: 'scale/big', images: 5_000 } as const;

const MINUTE = 60 * 1000;

/**
 * `scale/big`: 5,000 builds pushed a few minutes apart, newest last. Four in five carry a
 * release tag, one in twenty also `main-N`; every tenth was scanned with a few findings.
 */
export function buildLargeRegistry(state: RegionState, now: number): void {
  // Its own seed: the fleet's random sequence stays what it was before the registry existed.
  const random = new Random(5_000);
  const repository = createRepository(state, now - 400 * 24 * 60 * MINUTE, {
    repositoryName: LARGE_REPOSITORY.name,
    imageTagMutability: 'MUTABLE',
    tags: [{ Key: 'environment', Value: 'load-test' }],
  });
  const base = baseLayers(random, 'oci', 120);
  for (let i = 0; i < LARGE_REPOSITORY.images; i += 1) {
    const pushedAt = now - (LARGE_REPOSITORY.images - i) * 7 * MINUTE;
    const manifest = buildManifest(random, 'oci', base, 120);
    const tag = i % 5 === 4 ? undefined : `1.${Math.floor(i / 100)}.${i % 100}`;
    const image = pushImage(repository, manifest, { tag }, pushedAt);
    if (i % 20 === 0) pushImage(repository, manifest, { tag: `main-${i}` }, pushedAt);
    if (i % 3 === 0) image.lastRecordedPullTime = pushedAt + random.int(1, 600) * MINUTE;
    if (i % 10 === 0) {
      image.scan = demoScan(
        random,
        { HIGH: random.int(0, 2), MEDIUM: random.int(0, 4), LOW: random.int(0, 5) },
        pushedAt,
      );
    }
  }
}
