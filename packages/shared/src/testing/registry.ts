import type { EksCluster } from '../schemas/eks.js';
import type { RegistryImage, Repository } from '../schemas/registry.js';

const ACCOUNT = '123456789012';
const REGISTRY = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com`;

/** A valid ECR repository DTO; override what the test is about. */
export function buildRepository(overrides: Partial<Repository> = {}): Repository {
  const name = overrides.name ?? 'web';
  return {
    name,
    uri: `${REGISTRY}/${name}`,
    arn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${name}`,
    registryId: ACCOUNT,
    imageTagMutability: 'MUTABLE',
    scanOnPush: true,
    encryption: { type: 'AES256' },
    imageCount: 3,
    lastPushedAt: '2026-11-20T09:30:00.000Z',
    createdAt: '2025-02-01T12:00:00.000Z',
    ...overrides,
  };
}

/** A valid image DTO (tagged, scanned, unused); override what the test is about. */
export function buildRegistryImage(overrides: Partial<RegistryImage> = {}): RegistryImage {
  return {
    digest: `sha256:${'ab'.repeat(32)}`,
    tags: ['1.4.2'],
    sizeBytes: 48_213_004,
    pushedAt: '2026-11-20T09:30:00.000Z',
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    scan: {
      status: 'COMPLETE',
      completedAt: '2026-11-20T09:31:10.000Z',
      counts: { critical: 0, high: 1, medium: 4, low: 7, informational: 2, undefined: 0 },
    },
    usedBy: [],
    notUsed: true,
    ...overrides,
  };
}

/** A valid EKS cluster DTO with one node group; override what the test is about. */
export function buildEksCluster(overrides: Partial<EksCluster> = {}): EksCluster {
  const name = overrides.name ?? 'platform';
  return {
    name,
    arn: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/${name}`,
    version: '1.31',
    status: 'ACTIVE',
    endpoint: 'https://0123456789ABCDEF0123456789ABCDEF.gr7.us-east-1.eks.amazonaws.com',
    platformVersion: 'eks.12',
    createdAt: '2025-06-01T08:00:00.000Z',
    nodegroups: [
      {
        name: 'general',
        status: 'ACTIVE',
        instanceTypes: ['m6i.large'],
        desiredSize: 3,
        minSize: 2,
        maxSize: 6,
      },
    ],
    ...overrides,
  };
}
