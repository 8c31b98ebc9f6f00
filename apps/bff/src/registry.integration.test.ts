import type { Simulator } from '@deckhand/aws-sim';
import {
  EksClustersResponse,
  ImagesResponse,
  LifecyclePolicyResponse,
  PushCommandsResponse,
  RepositoriesResponse,
  RepositoryDetailResponse,
  RepositoryPolicyResponse,
  ScanFindingsResponse,
  type RegistryImage,
} from '@deckhand/shared';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsLayer } from './aws/aws-layer.js';
import { createEksService } from './modules/eks/eks.service.js';
import { createRegistryService } from './modules/registry/registry.service.js';
import { startSimulatedAws, type SimulatedAws } from './testing/simulated-aws.js';
import { buildTestApp } from './testing/test-app.js';

// ECR and EKS reads against the simulator's demo scenario over real HTTP with the real SDK.
let env: SimulatedAws;
let simulator: Simulator;
let aws: AwsLayer;

beforeAll(async () => {
  env = await startSimulatedAws();
  ({ simulator, aws } = env);
});
afterAll(() => env.stop());

/** The real registry and EKS services; every other dependency is a test fake. */
function app() {
  return buildTestApp({
    registry: createRegistryService({ ecr: aws.ecr, ecs: aws.ecs }),
    eks: createEksService(aws.eks),
  });
}

const total = (image: RegistryImage) =>
  Object.values(image.scan.counts).reduce((sum, count) => sum + count, 0);

describe('registry routes ↔ simulator', () => {
  it('lists every repository with one DescribeImages each', async () => {
    simulator.stats.reset();
    const response = await request(app()).get('/api/v1/repositories').expect(200);
    const { repositories } = RepositoriesResponse.parse(response.body);

    expect(repositories.length).toBeGreaterThan(1);
    expect(repositories.map((repository) => repository.name)).toContain('storefront-web');
    expect(repositories.every((repository) => repository.imageCount > 0)).toBe(true);
    expect(simulator.stats.snapshot().operations).toEqual({
      'ecr:DescribeRepositories': 1,
      'ecr:DescribeImages': repositories.length,
    });
  });

  it('shows who uses each image, a moved tag as drift, and unused images', async () => {
    const response = await request(app()).get('/api/v1/repositories/storefront-web/images');
    expect(response.status).toBe(200);
    const { images } = ImagesResponse.parse(response.body);

    const latest = images.find((image) => image.tags.includes('latest'));
    expect(latest?.usedBy).toContainEqual(
      expect.objectContaining({ kind: 'task-definition', via: 'tag' }),
    );
    expect(latest?.usedBy).toContainEqual(
      expect.objectContaining({ kind: 'task', digest: latest?.digest, drift: false }),
    );
    // The demo moved a tag under a running task: that task runs an image no tag names now.
    const drifted = images.filter((image) =>
      image.usedBy.some((use) => use.kind === 'task' && use.drift),
    );
    expect(drifted.length).toBeGreaterThan(0);
    expect(drifted.every((image) => image.digest !== latest?.digest)).toBe(true);
    expect(images.some((image) => image.notUsed && image.usedBy.length === 0)).toBe(true);
  });

  it('reads scan findings, filtered by severity, counted in full', async () => {
    const repositories = RepositoriesResponse.parse(
      (await request(app()).get('/api/v1/repositories').expect(200)).body,
    ).repositories;
    let scanned: { repository: string; image: RegistryImage } | undefined;
    for (const { name } of repositories) {
      const { images } = ImagesResponse.parse(
        (await request(app()).get(`/api/v1/repositories/${name}/images`).expect(200)).body,
      );
      const image = images.find((candidate) => total(candidate) > 0);
      if (image) {
        scanned = { repository: name, image };
        break;
      }
    }
    if (!scanned) throw new Error('the demo scenario has no image with findings');

    const url = `/api/v1/repositories/${scanned.repository}/images/${scanned.image.digest}/findings`;
    const all = ScanFindingsResponse.parse((await request(app()).get(url).expect(200)).body);
    expect(all.scanStatus).toBe('COMPLETE');
    expect(all.findings).toHaveLength(total(scanned.image));
    expect(all.counts).toEqual(scanned.image.scan.counts);

    const worst = all.findings[0]?.severity ?? 'CRITICAL';
    const filtered = ScanFindingsResponse.parse(
      (await request(app()).get(`${url}?severity=${worst.toLowerCase()}`).expect(200)).body,
    );
    expect(filtered.findings.length).toBeGreaterThan(0);
    expect(filtered.findings.every((finding) => finding.severity === worst)).toBe(true);
    expect(filtered.counts).toEqual(all.counts);
  });

  it('answers one repository, its push commands, and 404s', async () => {
    const detail = RepositoryDetailResponse.parse(
      (await request(app()).get('/api/v1/repositories/storefront-web').expect(200)).body,
    );
    expect(detail.repository.uri).toMatch(/\.dkr\.ecr\.us-east-1\.amazonaws\.com\/storefront-web$/);

    const commands = PushCommandsResponse.parse(
      (await request(app()).get('/api/v1/repositories/storefront-web/push-commands').expect(200))
        .body,
    );
    expect(commands.commands.docker.login).toBe(
      `aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin ${commands.registry}`,
    );
    expect(commands.accountId).toBe(detail.repository.registryId);

    const missing = await request(app()).get('/api/v1/repositories/no-such-repo').expect(404);
    expect(missing.body.error.code).toBe('not_found');
    await request(app()).get('/api/v1/repositories/no-such-repo/images').expect(404);
    await request(app())
      .get(`/api/v1/repositories/storefront-web/images/sha256:${'0'.repeat(64)}/findings`)
      .expect(404);
  });

  it('reads repository and lifecycle policies as JSON, null where the demo has none', async () => {
    const get = async (path: string) =>
      (await request(app()).get(`/api/v1/repositories/${path}`).expect(200)).body as unknown;

    const shared = RepositoryPolicyResponse.parse(await get('xray-daemon/policy'));
    expect(shared.policy).toMatchObject({ Statement: [{ Effect: 'Allow' }] });
    const lifecycle = LifecyclePolicyResponse.parse(await get('storefront-web/lifecycle-policy'));
    expect(lifecycle.rules?.map((rule) => [rule.priority, rule.tagStatus])).toEqual([
      [1, 'untagged'],
      [2, 'tagged'],
    ]);
    expect(lifecycle.lastEvaluatedAt).toBeDefined();

    expect(RepositoryPolicyResponse.parse(await get('storefront-web/policy')).policy).toBeNull();
    expect(
      LifecyclePolicyResponse.parse(await get('xray-daemon/lifecycle-policy')).lifecyclePolicy,
    ).toBeNull();
    await request(app()).get('/api/v1/repositories/nope/policy').expect(404);
  });

  it('lists the EKS cluster with its node groups', async () => {
    const { clusters } = EksClustersResponse.parse(
      (await request(app()).get('/api/v1/eks/clusters').expect(200)).body,
    );
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.every((cluster) => cluster.nodegroups.length > 0)).toBe(true);
    const empty = await request(app()).get('/api/v1/eks/clusters?region=eu-west-1').expect(200);
    expect(empty.body.clusters).toEqual([]);
  });
});
