import { EksCluster } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import { toEksCluster, toEksNodegroup } from './eks.mapper.js';

describe('toEksCluster', () => {
  it('maps DescribeCluster and DescribeNodegroup output', () => {
    const cluster = toEksCluster(
      {
        name: 'platform',
        arn: 'arn:aws:eks:eu-west-1:123456789012:cluster/platform',
        createdAt: new Date('2025-06-01T08:00:00Z'),
        version: '1.31',
        endpoint: 'https://ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com',
        roleArn: 'arn:aws:iam::123456789012:role/eks-cluster',
        status: 'ACTIVE',
        platformVersion: 'eks.12',
        certificateAuthority: { data: 'LS0tLS1CRUdJTi...' },
        tags: { team: 'platform' },
      },
      [
        {
          nodegroupName: 'spot',
          status: 'DEGRADED',
          instanceTypes: ['m6i.large', 'm5.large'],
          scalingConfig: { minSize: 0, maxSize: 10, desiredSize: 2 },
          capacityType: 'SPOT',
        },
        {
          nodegroupName: 'general',
          status: 'ACTIVE',
          instanceTypes: ['m6i.xlarge'],
          scalingConfig: { minSize: 2, maxSize: 6, desiredSize: 3 },
        },
      ],
    );
    expect(EksCluster.parse(cluster)).toEqual({
      name: 'platform',
      arn: 'arn:aws:eks:eu-west-1:123456789012:cluster/platform',
      version: '1.31',
      status: 'ACTIVE',
      endpoint: 'https://ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com',
      platformVersion: 'eks.12',
      createdAt: '2025-06-01T08:00:00.000Z',
      nodegroups: [
        {
          name: 'general',
          status: 'ACTIVE',
          instanceTypes: ['m6i.xlarge'],
          desiredSize: 3,
          minSize: 2,
          maxSize: 6,
        },
        {
          name: 'spot',
          status: 'DEGRADED',
          instanceTypes: ['m6i.large', 'm5.large'],
          desiredSize: 2,
          minSize: 0,
          maxSize: 10,
        },
      ],
    });
    // Nothing beyond the contract (no certificate data, no role) reaches the browser.
    expect(JSON.stringify(cluster)).not.toContain('LS0tLS1');
  });

  it('tolerates a cluster still being created, with no endpoint and no node groups', () => {
    const cluster = toEksCluster(
      { arn: 'arn:aws:eks:eu-west-1:123456789012:cluster/new', status: 'CREATING' },
      [],
    );
    expect(EksCluster.safeParse(cluster).success).toBe(true);
    expect(cluster).toMatchObject({ name: 'new', status: 'CREATING', nodegroups: [] });
    expect(cluster).not.toHaveProperty('endpoint');
  });

  it('names a node group from its ARN and zeroes missing sizes', () => {
    expect(
      toEksNodegroup({
        nodegroupArn:
          'arn:aws:eks:eu-west-1:123456789012:nodegroup/platform/batch/7ac6c2a1-1111-2222-3333-444455556666',
      }),
    ).toEqual({
      name: 'batch',
      status: 'UNKNOWN',
      instanceTypes: [],
      desiredSize: 0,
      minSize: 0,
      maxSize: 0,
    });
  });
});
