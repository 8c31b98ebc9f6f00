import { buildEksCluster } from '@deckhand/shared/testing';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { AwsAccessDeniedError } from '../../aws/errors.js';
import { emptyEks } from '../../testing/registry-fakes.js';
import { buildTestApp } from '../../testing/test-app.js';

describe('GET /api/v1/eks/clusters', () => {
  it('lists the EKS clusters of the requested region', async () => {
    const listClusters = vi.fn(() =>
      Promise.resolve({
        clusters: [buildEksCluster({ name: 'platform' })],
        stale: false,
        asOf: '2026-11-26T10:00:00.000Z',
      }),
    );
    const response = await request(buildTestApp({ eks: emptyEks({ listClusters }) }))
      .get('/api/v1/eks/clusters?region=eu-west-1')
      .expect(200);
    expect(response.body.clusters[0]).toMatchObject({
      name: 'platform',
      nodegroups: [{ name: 'general', desiredSize: 3 }],
    });
    expect(listClusters).toHaveBeenCalledWith('eu-west-1');
  });

  it('answers 403 when the credentials may not read EKS', async () => {
    const listClusters = () =>
      Promise.reject(new AwsAccessDeniedError('Listing EKS clusters: denied'));
    const response = await request(buildTestApp({ eks: emptyEks({ listClusters }) }))
      .get('/api/v1/eks/clusters')
      .expect(403);
    expect(response.body.error.code).toBe('aws_access_denied');
  });
});
