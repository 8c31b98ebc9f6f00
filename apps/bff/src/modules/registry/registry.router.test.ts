import type { ScanSeverity } from '@deckhand/shared';
import { buildRegistryImage, buildRepository } from '@deckhand/shared/testing';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { buildTestApp } from '../../testing/test-app.js';
import { emptyRegistry } from '../../testing/registry-fakes.js';

const fresh = { stale: false, asOf: '2026-11-26T10:00:00.000Z' };
const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('GET /api/v1/repositories', () => {
  it('lists repositories of the requested region, stale answers marked', async () => {
    const listRepositories = vi.fn(() =>
      Promise.resolve({ repositories: [buildRepository({ name: 'web' })], ...fresh, stale: true }),
    );
    const app = buildTestApp({ registry: emptyRegistry({ listRepositories }) });

    const response = await request(app).get('/api/v1/repositories?region=eu-west-1').expect(200);

    expect(response.body.repositories.map((r: { name: string }) => r.name)).toEqual(['web']);
    expect(response.headers['x-deckhand-stale']).toBe('true');
    expect(listRepositories).toHaveBeenCalledWith('eu-west-1');
  });
});

describe('GET /api/v1/repositories/:name', () => {
  it('decodes a namespaced name and answers the repository with its policies', async () => {
    const getRepository = vi.fn((_region: string, name: string) =>
      Promise.resolve({
        repository: {
          ...buildRepository({ name }),
          repositoryPolicy: null,
          lifecyclePolicy: '{"rules":[]}',
        },
        ...fresh,
      }),
    );
    const app = buildTestApp({ registry: emptyRegistry({ getRepository }) });

    const response = await request(app).get('/api/v1/repositories/team%2Fweb').expect(200);

    expect(getRepository).toHaveBeenCalledWith('us-east-1', 'team/web');
    expect(response.body.repository).toMatchObject({
      name: 'team/web',
      repositoryPolicy: null,
      lifecyclePolicy: '{"rules":[]}',
    });
  });

  it('is a 404 with the shared error body for a missing repository', async () => {
    const response = await request(buildTestApp()).get('/api/v1/repositories/nope').expect(404);
    expect(response.body.error).toMatchObject({ code: 'not_found' });
  });

  it('refuses an invalid name without calling AWS', async () => {
    const getRepository = vi.fn();
    const app = buildTestApp({ registry: emptyRegistry({ getRepository }) });
    const response = await request(app).get('/api/v1/repositories/Not_Valid!').expect(400);
    expect(response.body.error.message).toContain('repository name');
    expect(getRepository).not.toHaveBeenCalled();
  });
});

describe('GET /api/v1/repositories/:name/images', () => {
  it('answers the images with who uses them', async () => {
    const image = buildRegistryImage({
      usedBy: [
        {
          kind: 'task',
          cluster: 'prod',
          taskId: 'abc',
          service: 'web',
          container: 'app',
          digest: DIGEST,
          drift: true,
        },
      ],
      notUsed: false,
    });
    const listImages = vi.fn(() => Promise.resolve({ images: [image], ...fresh }));
    const app = buildTestApp({ registry: emptyRegistry({ listImages }) });

    const response = await request(app).get('/api/v1/repositories/web/images').expect(200);

    expect(response.body.images[0].usedBy[0]).toMatchObject({ kind: 'task', drift: true });
    expect(listImages).toHaveBeenCalledWith('us-east-1', 'web');
  });

  it('says how far "used by" got while its scan goes on', async () => {
    const usage = {
      complete: false,
      taskDefinitionsScanned: 812,
      taskDefinitionsTotal: 2025,
      runningTasksKnown: true,
    };
    const listImages = () =>
      Promise.resolve({ images: [buildRegistryImage({ notUsed: false })], usage, ...fresh });
    const app = buildTestApp({ registry: emptyRegistry({ listImages }) });

    const response = await request(app).get('/api/v1/repositories/web/images').expect(200);

    expect(response.body.usage).toEqual(usage);
  });

  it('never sends an answer that breaks the contract', async () => {
    const listImages = () =>
      Promise.resolve({ images: [{ ...buildRegistryImage(), sizeBytes: -1 }], ...fresh });
    const app = buildTestApp({ registry: emptyRegistry({ listImages }) });
    const response = await request(app).get('/api/v1/repositories/web/images').expect(500);
    expect(response.body.error.code).toBe('internal');
  });
});

describe('GET /api/v1/repositories/:name/images/:digest/findings', () => {
  const answer = {
    findings: [{ name: 'CVE-2024-0727', severity: 'HIGH' as const }],
    counts: { critical: 0, high: 1, medium: 0, low: 0, informational: 0, undefined: 0 },
    scanStatus: 'COMPLETE',
    completedAt: '2026-11-20T09:31:10.000Z',
    ...fresh,
  };

  it('passes the digest and the parsed severities', async () => {
    const getScanFindings = vi.fn(
      (_region: string, _name: string, _digest: string, _severities?: readonly ScanSeverity[]) =>
        Promise.resolve(answer),
    );
    const app = buildTestApp({ registry: emptyRegistry({ getScanFindings }) });

    const response = await request(app)
      .get(`/api/v1/repositories/web/images/${DIGEST}/findings?severity=high,critical`)
      .expect(200);

    expect(response.body.findings).toEqual(answer.findings);
    expect(getScanFindings).toHaveBeenCalledWith('us-east-1', 'web', DIGEST, ['HIGH', 'CRITICAL']);
  });

  it.each([
    [`/api/v1/repositories/web/images/latest/findings`, 'digest'],
    [`/api/v1/repositories/web/images/${DIGEST}/findings?severity=urgent`, 'severity'],
  ])('refuses %s with a 400 naming the %s', async (url, what) => {
    const getScanFindings = vi.fn();
    const app = buildTestApp({ registry: emptyRegistry({ getScanFindings }) });
    const response = await request(app).get(url).expect(400);
    expect(response.body.error.message).toContain(what);
    expect(getScanFindings).not.toHaveBeenCalled();
  });
});

describe('GET /api/v1/repositories/:name/push-commands', () => {
  it('defaults the tag to latest and validates a given one', async () => {
    const getPushCommands = vi.fn((_region: string, name: string, tag: string) => {
      const set = { login: 'l', build: 'b', tag: 't', push: `push ${name}:${tag}`, pull: 'p' };
      return Promise.resolve({
        repository: name,
        uri: `u/${name}`,
        registry: 'u',
        region: 'us-east-1',
        accountId: '123456789012',
        tag,
        commands: { docker: set, podman: set, finch: set },
      });
    });
    const app = buildTestApp({ registry: emptyRegistry({ getPushCommands }) });

    const response = await request(app).get('/api/v1/repositories/web/push-commands').expect(200);
    expect(response.body.commands.docker.push).toBe('push web:latest');
    await request(app).get('/api/v1/repositories/web/push-commands?tag=v1.2').expect(200);
    expect(getPushCommands).toHaveBeenLastCalledWith('us-east-1', 'web', 'v1.2');
    await request(app).get('/api/v1/repositories/web/push-commands?tag=-bad').expect(400);
    expect(getPushCommands).toHaveBeenCalledTimes(2);
  });
});

describe('GET /api/v1/repositories/:name/policy and /lifecycle-policy', () => {
  it('answers the documents, null when the repository has none', async () => {
    const getRepositoryPolicy = vi.fn(() => Promise.resolve({ policy: null, ...fresh }));
    const getLifecyclePolicy = vi.fn(() =>
      Promise.resolve({
        lifecyclePolicy: { rules: [] },
        rules: [
          {
            priority: 1,
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countNumber: 14,
            countUnit: 'days',
            action: 'expire',
          },
        ],
        ...fresh,
      }),
    );
    const app = buildTestApp({
      registry: emptyRegistry({ getRepositoryPolicy, getLifecyclePolicy }),
    });

    const policy = await request(app).get('/api/v1/repositories/team%2Fweb/policy').expect(200);
    const lifecycle = await request(app)
      .get('/api/v1/repositories/team%2Fweb/lifecycle-policy?region=eu-west-1')
      .expect(200);

    expect(policy.body.policy).toBeNull();
    expect(getRepositoryPolicy).toHaveBeenCalledWith('us-east-1', 'team/web');
    expect(lifecycle.body.rules[0]).toMatchObject({ priority: 1, countNumber: 14 });
    expect(getLifecyclePolicy).toHaveBeenCalledWith('eu-west-1', 'team/web');
  });

  it('is a 404 for a missing repository and a 400 for an invalid name', async () => {
    const app = buildTestApp();
    await request(app).get('/api/v1/repositories/nope/policy').expect(404);
    await request(app).get('/api/v1/repositories/nope/lifecycle-policy').expect(404);
    const bad = await request(app).get('/api/v1/repositories/Not_Valid!/policy').expect(400);
    expect(bad.body.error.message).toContain('repository name');
  });
});
