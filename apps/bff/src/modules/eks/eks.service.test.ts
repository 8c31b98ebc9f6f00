import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListClustersCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEksService } from './eks.service.js';
import { mockedAwsLayer, awsError } from '../../testing/mocked-aws.js';

const eksMock = mockClient(EKSClient);

function service(ttlMs = 0) {
  return createEksService(mockedAwsLayer(ttlMs).eks);
}

function describesClusters() {
  eksMock.on(DescribeClusterCommand).callsFake((input: { name: string }) => ({
    cluster: {
      name: input.name,
      arn: `arn:aws:eks:us-east-1:1:cluster/${input.name}`,
      status: 'ACTIVE',
    },
  }));
}

beforeEach(() => eksMock.reset());
afterEach(() => eksMock.reset());

describe('EKS service', () => {
  it('lists clusters and node groups to the end at 100 per page', async () => {
    const names = Array.from({ length: 120 }, (_, i) => `c${String(i).padStart(3, '0')}`);
    eksMock
      .on(ListClustersCommand, { nextToken: undefined })
      .resolves({ clusters: names.slice(0, 100), nextToken: 'n2' })
      .on(ListClustersCommand, { nextToken: 'n2' })
      .resolves({ clusters: names.slice(100) });
    describesClusters();
    eksMock
      .on(ListNodegroupsCommand)
      .resolves({ nodegroups: [] })
      .on(ListNodegroupsCommand, { clusterName: 'c000', nextToken: undefined })
      .resolves({ nodegroups: ['a'], nextToken: 'g2' })
      .on(ListNodegroupsCommand, { clusterName: 'c000', nextToken: 'g2' })
      .resolves({ nodegroups: ['b'] });
    eksMock.on(DescribeNodegroupCommand).callsFake((input: { nodegroupName: string }) => ({
      nodegroup: { nodegroupName: input.nodegroupName, status: 'ACTIVE' },
    }));

    const { clusters } = await service().listClusters('us-east-1');

    expect(clusters).toHaveLength(120);
    expect(clusters[0]?.nodegroups.map((group) => group.name)).toEqual(['a', 'b']);
    const lists = [
      ...eksMock.commandCalls(ListClustersCommand),
      ...eksMock.commandCalls(ListNodegroupsCommand),
    ];
    expect(lists.every((call) => call.args[0].input.maxResults === 100)).toBe(true);
    expect(eksMock.commandCalls(ListClustersCommand)).toHaveLength(2);
    expect(eksMock.commandCalls(DescribeNodegroupCommand)).toHaveLength(2);
  });

  it('leaves out a cluster or node group deleted between its List and its Describe', async () => {
    eksMock.on(ListClustersCommand).resolves({ clusters: ['gone', 'kept'] });
    describesClusters();
    eksMock
      .on(DescribeClusterCommand, { name: 'gone' })
      .rejects(awsError('ResourceNotFoundException'));
    eksMock.on(ListNodegroupsCommand).resolves({ nodegroups: ['old', 'new'] });
    eksMock
      .on(DescribeNodegroupCommand, { nodegroupName: 'old' })
      .rejects(awsError('ResourceNotFoundException'))
      .on(DescribeNodegroupCommand, { nodegroupName: 'new' })
      .resolves({ nodegroup: { nodegroupName: 'new' } });

    const { clusters } = await service().listClusters('us-east-1');

    expect(
      clusters.map((cluster) => [cluster.name, cluster.nodegroups.map((g) => g.name)]),
    ).toEqual([['kept', ['new']]]);
  });

  it('serves the last good answer, marked stale, while EKS throttles', async () => {
    eksMock
      .on(ListClustersCommand)
      .resolvesOnce({ clusters: ['kept'] })
      .rejects(awsError('ThrottlingException'));
    describesClusters();
    eksMock.on(ListNodegroupsCommand).resolves({ nodegroups: [] });
    const eks = service(0);

    const fresh = await eks.listClusters('us-east-1');
    const stale = await eks.listClusters('us-east-1');

    expect(stale).toMatchObject({ stale: true, asOf: fresh.asOf });
    expect(stale.clusters.map((cluster) => cluster.name)).toEqual(['kept']);
  });

  it('answers 403 when the credentials may not read EKS', async () => {
    eksMock.on(ListClustersCommand).rejects(awsError('AccessDeniedException'));
    await expect(service().listClusters('us-east-1')).rejects.toMatchObject({
      status: 403,
      code: 'aws_access_denied',
    });
  });
});
