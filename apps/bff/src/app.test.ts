import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCluster } from '@deckhand/shared/testing';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { NotFoundError } from './http/errors.js';
import { buildTestApp } from './testing/test-app.js';
import type { Cluster } from '@deckhand/shared';

const list = (clusters: Cluster[], stale = false) => ({
  clusters,
  stale,
  asOf: '2026-11-26T10:00:00.000Z',
});

describe('GET /api/v1/health', () => {
  it('answers as DESIGN.md says', async () => {
    const response = await request(buildTestApp()).get('/api/v1/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      mode: 'simulator',
      region: 'us-east-1',
      regions: ['us-east-1', 'eu-west-1'],
      readOnly: false,
      version: '9.9.9',
    });
    expect(response.headers['x-request-id']).toMatch(/.+/);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('reports the region asked for with ?region=', async () => {
    const response = await request(buildTestApp())
      .get('/api/v1/health?region=eu-west-1')
      .expect(200);
    expect(response.body.region).toBe('eu-west-1');
  });
});

describe('GET /api/v1/clusters', () => {
  it('returns the clusters of the requested region', async () => {
    const listClusters = vi.fn(() => Promise.resolve(list([buildCluster({ name: 'prod' })])));
    const response = await request(buildTestApp({ clusters: { listClusters } }))
      .get('/api/v1/clusters?region=eu-west-1')
      .expect(200);
    expect(response.body.clusters.map((c: { name: string }) => c.name)).toEqual(['prod']);
    expect(listClusters).toHaveBeenCalledWith('eu-west-1');
  });

  it('marks a stale answer in the body and a header', async () => {
    const listClusters = () => Promise.resolve(list([buildCluster()], true));
    const response = await request(buildTestApp({ clusters: { listClusters } }))
      .get('/api/v1/clusters')
      .expect(200);
    expect(response.body).toMatchObject({ stale: true, asOf: '2026-11-26T10:00:00.000Z' });
    expect(response.headers['x-deckhand-stale']).toBe('true');
    expect(response.headers['x-deckhand-as-of']).toBe('2026-11-26T10:00:00.000Z');
  });

  it('refuses a region that is not offered, without calling AWS', async () => {
    const listClusters = vi.fn(() => Promise.resolve(list([])));
    const response = await request(buildTestApp({ clusters: { listClusters } }))
      .get('/api/v1/clusters?region=ap-south-9')
      .expect(400);
    expect(response.body.error).toMatchObject({
      code: 'bad_request',
      message: expect.stringContaining('region'),
    });
    expect(listClusters).not.toHaveBeenCalled();
  });

  it('maps a named error to its status with the shared error body', async () => {
    const listClusters = () => Promise.reject(new NotFoundError('Cluster not found.'));
    const response = await request(buildTestApp({ clusters: { listClusters } }))
      .get('/api/v1/clusters')
      .expect(404);
    expect(response.body).toEqual({
      error: {
        code: 'not_found',
        message: 'Cluster not found.',
        requestId: response.headers['x-request-id'],
      },
    });
  });

  it('hides the details of an unexpected failure', async () => {
    const listClusters = () => Promise.reject(new Error('socket hang up at /internal/path.ts:12'));
    const response = await request(buildTestApp({ clusters: { listClusters } }))
      .get('/api/v1/clusters')
      .expect(500);
    expect(response.body.error.code).toBe('internal');
    expect(JSON.stringify(response.body)).not.toContain('/internal/path.ts');
  });
});

describe('hardening', () => {
  it('sends strict headers and no X-Powered-By', async () => {
    const response = await request(buildTestApp()).get('/api/v1/health');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("object-src 'none'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('serves index.html with a fresh CSP nonce per response, allowed for styles only', async () => {
    const webDist = mkdtempSync(join(tmpdir(), 'deckhand-web-'));
    writeFileSync(
      join(webDist, 'index.html'),
      '<html><head><meta name="csp-nonce" content="__CSP_NONCE__" /></head></html>',
    );
    try {
      const app = buildTestApp({ webDist });
      const nonces = [];
      for (const path of ['/clusters', '/index.html']) {
        const response = await request(app).get(path).expect(200);
        const csp = String(response.headers['content-security-policy']);
        const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
        expect(nonce).toBeDefined();
        expect(response.text).toContain(`content="${nonce}"`);
        expect(response.text).not.toContain('__CSP_NONCE__');
        expect(csp).toContain("script-src 'self';");
        nonces.push(nonce);
      }
      expect(new Set(nonces).size).toBe(2);
    } finally {
      rmSync(webDist, { recursive: true, force: true });
    }
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await request(buildTestApp()).get('/api/v1/nothing-here').expect(404);
    expect(response.body.error.code).toBe('not_found');
  });

  it('refuses a mutation without the CSRF header', async () => {
    const response = await request(buildTestApp()).post('/api/v1/clusters').send({}).expect(403);
    expect(response.body.error.message).toContain('x-deckhand-request');
  });

  it('refuses a mutation from a foreign origin or a cross-site fetch', async () => {
    await request(buildTestApp())
      .post('/api/v1/clusters')
      .set('x-deckhand-request', '1')
      .set('origin', 'https://evil.example')
      .send({})
      .expect(403);
    await request(buildTestApp())
      .post('/api/v1/clusters')
      .set('x-deckhand-request', '1')
      .set('sec-fetch-site', 'cross-site')
      .send({})
      .expect(403);
  });

  it('refuses form-encoded mutations', async () => {
    await request(buildTestApp())
      .post('/api/v1/clusters')
      .set('x-deckhand-request', '1')
      .type('form')
      .send('a=1')
      .expect(403);
  });

  it('refuses every mutation in read-only mode', async () => {
    const app = buildTestApp({
      info: { mode: 'aws', regions: ['us-east-1'], readOnly: true, version: '1' },
    });
    const response = await request(app)
      .post('/api/v1/clusters')
      .set('x-deckhand-request', '1')
      .send({})
      .expect(403);
    expect(response.body.error.message).toContain('read-only');
  });

  it('answers malformed JSON with 400', async () => {
    const response = await request(buildTestApp())
      .post('/api/v1/clusters')
      .set('x-deckhand-request', '1')
      .set('content-type', 'application/json')
      .send('{"broken":')
      .expect(400);
    expect(response.body.error.code).toBe('bad_request');
  });
});

describe('/healthz and /readyz', () => {
  it('answers liveness without auth or AWS', async () => {
    expect((await request(buildTestApp()).get('/healthz').expect(200)).body).toEqual({
      status: 'ok',
    });
  });

  it('answers 503 while AWS does not answer', async () => {
    await request(buildTestApp({ ready: () => Promise.resolve(true) }))
      .get('/readyz')
      .expect(200);
    const response = await request(buildTestApp({ ready: () => Promise.reject(new Error('down')) }))
      .get('/readyz')
      .expect(503);
    expect(response.body).toEqual({ status: 'not ready' });
  });
});
