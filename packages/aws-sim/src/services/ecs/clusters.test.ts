import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  ECSServiceException,
  ListClustersCommand,
  ListContainerInstancesCommand,
  paginateListClusters,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCall, startSimulator } from '../../testing/sim-client.js';
import type { Simulator } from '../../simulator.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];

beforeAll(async () => {
  ({ simulator, ecs } = await startSimulator({ scenario: 'empty' }));
});
afterAll(() => simulator.stop());

async function awsError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ECSServiceException);
  return error as ECSServiceException;
}

describe('ECS clusters over the wire (real SDK)', () => {
  it('creates, lists, describes and deletes clusters', async () => {
    const client = ecs();
    const created = await client.send(
      new CreateClusterCommand({
        clusterName: 'conformance',
        tags: [{ key: 'team', value: 'qa' }],
      }),
    );
    expect(created.cluster).toMatchObject({
      clusterName: 'conformance',
      clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/conformance',
      status: 'ACTIVE',
      tags: [{ key: 'team', value: 'qa' }],
    });

    const listed = await client.send(new ListClustersCommand({}));
    expect(listed.clusterArns).toContain(created.cluster?.clusterArn);

    const described = await client.send(
      new DescribeClustersCommand({
        clusters: ['conformance', 'nope'],
        include: ['STATISTICS', 'TAGS'],
      }),
    );
    expect(
      described.clusters?.[0]?.statistics?.find((s) => s.name === 'runningEC2TasksCount')?.value,
    ).toBe('0');
    expect(described.failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:000000000000:cluster/nope', reason: 'MISSING' },
    ]);

    const deleted = await client.send(new DeleteClusterCommand({ cluster: 'conformance' }));
    expect(deleted.cluster?.status).toBe('INACTIVE');
    const after = await client.send(new ListClustersCommand({}));
    expect(after.clusterArns).not.toContain(created.cluster?.clusterArn);
  });

  it('pages ListClusters to the end with nextToken', async () => {
    const client = ecs('eu-north-1');
    for (let i = 0; i < 230; i += 1) {
      await client.send(
        new CreateClusterCommand({ clusterName: `page-${String(i).padStart(3, '0')}` }),
      );
    }
    const first = await client.send(new ListClustersCommand({}));
    expect(first.clusterArns).toHaveLength(100);
    expect(first.nextToken).toBeTruthy();
    const all: string[] = [];
    for await (const page of paginateListClusters({ client, pageSize: 100 }, {}))
      all.push(...(page.clusterArns ?? []));
    expect(all).toHaveLength(230);
    expect(new Set(all).size).toBe(230);
  });

  it('keeps each region separate, as AWS does', async () => {
    await ecs('ap-southeast-2').send(new CreateClusterCommand({ clusterName: 'sydney' }));
    const listed = await ecs('us-west-2').send(new ListClustersCommand({}));
    expect(listed.clusterArns).toEqual([]);
    const sydney = await ecs('ap-southeast-2').send(new ListClustersCommand({}));
    expect(sydney.clusterArns).toEqual(['arn:aws:ecs:ap-southeast-2:000000000000:cluster/sydney']);
  });

  it('refuses maxResults above 100 and more than 100 clusters to describe', async () => {
    const tooMany = await awsError(ecs().send(new ListClustersCommand({ maxResults: 101 })));
    expect(tooMany.name).toBe('InvalidParameterException');
    const names = Array.from({ length: 101 }, (_, i) => `c${i}`);
    const batch = await awsError(ecs().send(new DescribeClustersCommand({ clusters: names })));
    expect(batch.name).toBe('InvalidParameterException');
    expect(batch.$metadata.httpStatusCode).toBe(400);
  });

  it('answers ClusterNotFoundException for instances of a missing cluster', async () => {
    const error = await awsError(
      ecs().send(new ListContainerInstancesCommand({ cluster: 'ghost' })),
    );
    expect(error.name).toBe('ClusterNotFoundException');
    expect(error.message).toBe('Cluster not found.');
  });

  it('refuses a bad cluster name with AWS’s message', async () => {
    const error = await awsError(
      ecs().send(new CreateClusterCommand({ clusterName: 'has spaces' })),
    );
    expect(error.name).toBe('InvalidParameterException');
  });
});

describe('ECS container instances over the wire', () => {
  it('describes the demo instances with registered and remaining resources', async () => {
    const { simulator: demo, ecs: demoEcs } = await startSimulator({ scenario: 'demo' });
    try {
      const client = demoEcs();
      const { containerInstanceArns = [] } = await client.send(
        new ListContainerInstancesCommand({ cluster: 'prod-ec2' }),
      );
      expect(containerInstanceArns).toHaveLength(3);
      const { containerInstances = [], failures } = await client.send(
        new DescribeContainerInstancesCommand({
          cluster: 'prod-ec2',
          containerInstances: [...containerInstanceArns, 'deadbeef'],
        }),
      );
      expect(failures).toEqual([{ arn: 'deadbeef', reason: 'MISSING' }]);
      const instance = containerInstances[0];
      expect(instance?.ec2InstanceId).toMatch(/^i-0[0-9a-f]{16}$/);
      expect(instance?.registeredResources?.find((r) => r.name === 'CPU')?.integerValue).toBe(2048);
      expect(
        instance?.registeredResources?.find((r) => r.name === 'PORTS')?.stringSetValue,
      ).toEqual(['22', '2375', '2376', '51678', '51679', '51680']);
      expect(instance?.agentConnected).toBe(true);
    } finally {
      await demo.stop();
    }
  });
});

describe('the awsJson protocol', () => {
  it('answers errors with __type, message and x-amzn-ErrorType', async () => {
    const response = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.ListContainerInstances',
      '{"cluster":"ghost"}',
    );
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      __type: 'ClusterNotFoundException',
      message: 'Cluster not found.',
    });
    expect(response.headers.get('x-amzn-errortype')).toBe('ClusterNotFoundException');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses unsigned requests', async () => {
    const response = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.ListClusters',
      '{}',
      {
        authorization: '',
      },
    );
    expect(response.status).toBe(403);
    expect(response.body.__type).toBe('MissingAuthenticationTokenException');
  });

  it('refuses a body that is not JSON and a field of the wrong type', async () => {
    const notJson = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.ListClusters',
      '{oops',
    );
    expect(notJson.body.__type).toBe('SerializationException');
    const wrongType = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.DescribeClusters',
      '{"clusters":"prod"}',
    );
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.__type).toBe('SerializationException');
  });

  it('answers an unknown operation as AWS does', async () => {
    const response = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.LaunchRockets',
      '{}',
    );
    expect(response.status).toBe(400);
    expect(response.body.__type).toBe('UnknownOperationException');
  });
});
