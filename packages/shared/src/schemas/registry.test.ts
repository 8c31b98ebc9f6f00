import { describe, expect, it } from 'vitest';
import { buildEksCluster, buildRegistryImage, buildRepository } from '../testing/index.js';
import {
  EksClustersResponse,
  ImagesResponse,
  PushCommandsResponse,
  RepositoriesResponse,
  RepositoryName,
  ScanFindingsQuery,
} from '../index.js';

const fresh = { stale: false, asOf: '2026-11-26T10:00:00.000Z' };

describe('registry contract', () => {
  it('accepts the builders and requires freshness on reads', () => {
    expect(
      RepositoriesResponse.safeParse({ repositories: [buildRepository()], ...fresh }).success,
    ).toBe(true);
    expect(RepositoriesResponse.safeParse({ repositories: [buildRepository()] }).success).toBe(
      false,
    );
    expect(EksClustersResponse.safeParse({ clusters: [buildEksCluster()], ...fresh }).success).toBe(
      true,
    );
  });

  it('tells image usages apart by kind', () => {
    const image = buildRegistryImage({
      usedBy: [
        { kind: 'task-definition', family: 'web', revision: 3, container: 'app', via: 'tag' },
        {
          kind: 'task',
          cluster: 'prod',
          taskId: 'a1b2',
          container: 'app',
          digest: `sha256:${'0'.repeat(64)}`,
          drift: true,
        },
      ],
      notUsed: false,
    });
    expect(ImagesResponse.safeParse({ images: [image], ...fresh }).success).toBe(true);
    const wrongKind = { ...image, usedBy: [{ kind: 'task-definition', cluster: 'prod' }] };
    expect(ImagesResponse.safeParse({ images: [wrongKind], ...fresh }).success).toBe(false);
  });

  it('takes an optional usage progress on the images answer', () => {
    const usage = { complete: false, taskDefinitionsScanned: 812, runningTasksKnown: true };
    expect(ImagesResponse.safeParse({ images: [], usage, ...fresh }).success).toBe(true);
    const total = { ...usage, taskDefinitionsTotal: 2025 };
    expect(ImagesResponse.safeParse({ images: [], usage: total, ...fresh }).success).toBe(true);
    const negative = { ...usage, taskDefinitionsScanned: -1 };
    expect(ImagesResponse.safeParse({ images: [], usage: negative, ...fresh }).success).toBe(false);
  });

  it.each([
    ['web', true],
    ['team/web-api', true],
    ['a.b_c/d', true],
    ['Web', false],
    ['x', false],
    ['team//web', false],
    ['/web', false],
    ['web-', false],
  ])('repository name %j is valid: %s', (name, valid) => {
    expect(RepositoryName.safeParse(name).success).toBe(valid);
  });

  it('reads ?severity= as one severity or a list, in any case', () => {
    expect(ScanFindingsQuery.parse({}).severity).toBeUndefined();
    expect(ScanFindingsQuery.parse({ severity: 'critical' }).severity).toEqual(['CRITICAL']);
    expect(ScanFindingsQuery.parse({ severity: 'HIGH, medium' }).severity).toEqual([
      'HIGH',
      'MEDIUM',
    ]);
    expect(ScanFindingsQuery.safeParse({ severity: 'urgent' }).success).toBe(false);
  });

  it('needs commands for every container tool', () => {
    const set = { login: 'l', build: 'b', tag: 't', push: 'p', pull: 'u' };
    const answer = {
      repository: 'web',
      uri: 'u',
      registry: 'r',
      region: 'us-east-1',
      accountId: '1',
      tag: 'latest',
      commands: { docker: set, podman: set, finch: set },
    };
    expect(PushCommandsResponse.safeParse(answer).success).toBe(true);
    expect(
      PushCommandsResponse.safeParse({ ...answer, commands: { docker: set, podman: set } }).success,
    ).toBe(false);
  });
});
