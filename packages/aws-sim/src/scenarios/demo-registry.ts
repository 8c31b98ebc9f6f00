import { Random } from '../engine/random.js';
import type { RegionState } from '../engine/region-state.js';
import { pushImage } from '../services/ecr/push.js';
import { createRepository } from '../services/ecr/repositories.js';
import { buildDemoEks } from './demo-eks.js';
import { baseLayers, buildManifest, demoScan } from './demo-images.js';
import { DEMO_REPOSITORIES, type DemoRepository } from './demo-repositories.js';
import type { ScenarioContext } from './index.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const LIFECYCLE_POLICY = {
  rules: [
    {
      rulePriority: 1,
      description: 'Expire untagged images after 14 days',
      selection: {
        tagStatus: 'untagged',
        countType: 'sinceImagePushed',
        countUnit: 'days',
        countNumber: 14,
      },
      action: { type: 'expire' },
    },
    {
      rulePriority: 2,
      description: 'Keep the last 20 release images',
      selection: {
        tagStatus: 'tagged',
        tagPrefixList: ['v'],
        countType: 'imageCountMoreThan',
        countNumber: 20,
      },
      action: { type: 'expire' },
    },
  ],
};

/** Other accounts of the organisation pull the shared X-Ray daemon image. */
const PULL_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'AllowOrganisationPull',
      Effect: 'Allow',
      Principal: { AWS: ['arn:aws:iam::111122223333:root', 'arn:aws:iam::444455556666:root'] },
      Action: [
        'ecr:BatchCheckLayerAvailability',
        'ecr:BatchGetImage',
        'ecr:GetDownloadUrlForLayer',
      ],
    },
  ],
};

/** FNV-1a: a repository's own seed, so its digests stay put when other repositories change. */
function seedOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

function buildRepository(state: RegionState, spec: DemoRepository, index: number, now: number) {
  const random = new Random(seedOf(spec.name));
  const repository = createRepository(state, now - (120 + index * 29) * DAY, {
    repositoryName: spec.name,
    imageTagMutability: spec.immutable ? 'IMMUTABLE' : 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: spec.scanOnPush ?? false },
    tags: [
      { Key: 'team', Value: spec.team },
      { Key: 'environment', Value: 'production' },
    ],
  });
  const base = baseLayers(random, spec.format, spec.sizeMb);
  for (const imageSpec of spec.images) {
    const manifest = buildManifest(random, spec.format, base, spec.sizeMb);
    const pushedAt = now - imageSpec.pushed;
    // Every tag goes up as its own PutImage, as `docker push` does; a first untagged push stores it.
    const [first, ...rest] = imageSpec.tags;
    const image = pushImage(repository, manifest, { tag: first }, pushedAt);
    for (const tag of rest) pushImage(repository, manifest, { tag }, pushedAt);
    if (imageSpec.pulled !== undefined) image.lastRecordedPullTime = now - imageSpec.pulled;
    if (imageSpec.scan !== undefined) image.scan = demoScan(random, imageSpec.scan, pushedAt);
  }
  return repository;
}

/** The demo's ECR registry (see DEMO_REPOSITORIES) and its EKS cluster. */
export function buildDemoEcrAndEks({ world, region, clock }: ScenarioContext): void {
  const state = world.region(region);
  const now = clock.now();
  DEMO_REPOSITORIES.forEach((spec, index) => {
    const repository = buildRepository(state, spec, index, now);
    if (spec.name === 'storefront-web')
      repository.lifecyclePolicy = {
        text: JSON.stringify(LIFECYCLE_POLICY, null, 2),
        lastEvaluatedAt: now - 7 * HOUR,
      };
    if (spec.name === 'xray-daemon') repository.policyText = JSON.stringify(PULL_POLICY, null, 2);
  });
  buildDemoEks(state, now);
}
