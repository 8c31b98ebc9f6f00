import { describe, expect, it } from 'vitest';
import { buildCluster, buildEksCluster } from '@deckhand/shared/testing';
import { filterClusters, filterEksClusters } from './filter-clusters';

describe('filterClusters', () => {
  const clusters = [
    buildCluster({ name: 'prod-ec2' }),
    buildCluster({ name: 'prod-fargate', flavor: 'fargate' }),
    buildCluster({ name: 'awseb-shop', flavor: 'elastic-beanstalk', tags: { team: 'Storefront' } }),
  ];

  it('matches names, flavours and tag values, ignoring case', () => {
    expect(filterClusters(clusters, 'FARGATE').map((c) => c.name)).toEqual(['prod-fargate']);
    expect(filterClusters(clusters, 'storefront').map((c) => c.name)).toEqual(['awseb-shop']);
    expect(filterClusters(clusters, 'prod').map((c) => c.name)).toEqual([
      'prod-ec2',
      'prod-fargate',
    ]);
  });

  it('returns everything for an empty filter', () => {
    expect(filterClusters(clusters, '  ')).toHaveLength(3);
  });
});

describe('filterEksClusters', () => {
  it('matches names, versions and the flavour word', () => {
    const eks = [
      buildEksCluster({ name: 'platform', version: '1.31' }),
      buildEksCluster({ name: 'ml' }),
    ];
    expect(filterEksClusters(eks, 'PLAT').map((c) => c.name)).toEqual(['platform']);
    expect(filterEksClusters(eks, 'eks')).toHaveLength(2);
    expect(filterEksClusters(eks, 'fargate')).toHaveLength(0);
  });
});
