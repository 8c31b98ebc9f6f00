import { describe, expect, it } from 'vitest';
import { ClustersResponse, ErrorBody, HealthResponse } from '../index.js';

describe('contract schemas', () => {
  it('accepts a well-formed cluster list and rejects an unknown flavor', () => {
    const cluster = {
      name: 'prod',
      arn: 'arn:aws:ecs:us-east-1:000000000000:cluster/prod',
      status: 'ACTIVE',
      flavor: 'ec2',
      launchTypes: ['EC2'],
      registeredContainerInstancesCount: 3,
      activeServicesCount: 4,
      runningTasksCount: 10,
      pendingTasksCount: 0,
      cpu: { registered: 6144, remaining: 1024 },
      memory: { registered: 24000, remaining: 8000 },
      tags: {},
    };
    const fresh = { stale: false, asOf: '2026-11-26T10:00:00.000Z' };
    expect(ClustersResponse.parse({ clusters: [cluster], ...fresh }).clusters[0]?.name).toBe(
      'prod',
    );
    expect(ClustersResponse.safeParse({ clusters: [cluster] }).success).toBe(false);
    expect(
      ClustersResponse.safeParse({ clusters: [{ ...cluster, flavor: 'kubernetes' }] }).success,
    ).toBe(false);
  });

  it('requires every field of the health answer', () => {
    expect(HealthResponse.safeParse({ status: 'ok', mode: 'simulator' }).success).toBe(false);
  });

  it('describes errors with a code, message and request id', () => {
    expect(
      ErrorBody.safeParse({ error: { code: 'not_found', message: 'x', requestId: 'r1' } }).success,
    ).toBe(true);
    expect(
      ErrorBody.safeParse({ error: { code: 'teapot', message: 'x', requestId: 'r1' } }).success,
    ).toBe(false);
  });
});
