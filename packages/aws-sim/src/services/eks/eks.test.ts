// EKS with the real SDK over HTTP, one outside check with the AWS CLI v2, and the wire's error
// shapes.
import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  EKSServiceException,
  ListClustersCommand,
  ListNodegroupsCommand,
  paginateListClusters,
} from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsJson, hasAwsCliV2, rawGet } from '../../testing/aws-cli.js';
import { Random } from '../../engine/random.js';
import { createSimulator, type Simulator } from '../../simulator.js';
import { createEksCluster } from './clusters.js';

const SLOW = 120_000;
const ACCOUNT = '000000000000';
const PAGED_REGION = 'eu-west-1';

let simulator: Simulator;
const clients: EKSClient[] = [];
const eks = (region = 'us-east-1') => {
  const client = new EKSClient({
    region,
    endpoint: simulator.endpoint,
    credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'not-checked' },
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
};

beforeAll(async () => {
  simulator = createSimulator({ port: 0, scenario: 'demo', throttling: 'off' });
  await simulator.start();
  // EKS is read-only here: clusters to page through come straight from the store.
  const state = simulator.world.region(PAGED_REGION);
  const random = new Random(7);
  for (let i = 0; i < 150; i += 1) {
    createEksCluster(
      state,
      {
        name: `cluster-${String(i).padStart(3, '0')}`,
        version: '1.30',
        platformVersion: 'eks.20',
        subnetIds: ['subnet-0a', 'subnet-0b'],
        vpcId: 'vpc-0a',
      },
      random,
      simulator.clock.now(),
    );
  }
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await simulator.stop();
});

describe('EKS (SDK)', () => {
  it("lists and describes the demo's cluster and node group", async () => {
    const client = eks();
    expect((await client.send(new ListClustersCommand({}))).clusters).toEqual(['platform-eks']);
    const { cluster } = await client.send(new DescribeClusterCommand({ name: 'platform-eks' }));
    expect(cluster).toMatchObject({
      name: 'platform-eks',
      arn: `arn:aws:eks:us-east-1:${ACCOUNT}:cluster/platform-eks`,
      version: '1.31',
      status: 'ACTIVE',
      platformVersion: expect.stringMatching(/^eks\.\d+$/) as string,
      endpoint: expect.stringMatching(
        /^https:\/\/[0-9A-F]{32}\.gr7\.us-east-1\.eks\.amazonaws\.com$/,
      ) as string,
      roleArn: `arn:aws:iam::${ACCOUNT}:role/platform-eks-cluster-role`,
      resourcesVpcConfig: {
        vpcId: expect.stringMatching(/^vpc-0[0-9a-f]{16}$/) as string,
        endpointPublicAccess: true,
      },
      kubernetesNetworkConfig: { serviceIpv4Cidr: '172.20.0.0/16', ipFamily: 'ipv4' },
      tags: { team: 'platform', environment: 'production' },
    });
    expect(cluster?.resourcesVpcConfig?.subnetIds).toHaveLength(3);
    expect(cluster?.createdAt).toBeInstanceOf(Date);
    expect(cluster?.createdAt?.getTime()).toBeLessThan(simulator.clock.now());

    expect(
      (await client.send(new ListNodegroupsCommand({ clusterName: 'platform-eks' }))).nodegroups,
    ).toEqual(['platform-general']);
    const { nodegroup } = await client.send(
      new DescribeNodegroupCommand({
        clusterName: 'platform-eks',
        nodegroupName: 'platform-general',
      }),
    );
    expect(nodegroup).toMatchObject({
      nodegroupName: 'platform-general',
      clusterName: 'platform-eks',
      version: '1.31',
      status: 'ACTIVE',
      capacityType: 'ON_DEMAND',
      scalingConfig: { minSize: 2, maxSize: 6, desiredSize: 3 },
      instanceTypes: ['m6i.large'],
      amiType: 'AL2023_x86_64_STANDARD',
    });
    expect(nodegroup?.nodegroupArn).toMatch(
      new RegExp(
        `^arn:aws:eks:us-east-1:${ACCOUNT}:nodegroup/platform-eks/platform-general/[0-9a-f-]{36}$`,
      ),
    );
  });

  it('answers unknown clusters with ResourceNotFoundException', async () => {
    const error: unknown = await eks()
      .send(new DescribeClusterCommand({ name: 'ghost' }))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(EKSServiceException);
    expect((error as EKSServiceException).name).toBe('ResourceNotFoundException');
    expect((error as EKSServiceException).message).toContain('No cluster found for name: ghost.');
  });

  it('pages ListClusters to the end and starts empty in an unused region', async () => {
    const pages: string[][] = [];
    for await (const page of paginateListClusters({ client: eks(PAGED_REGION), pageSize: 40 }, {}))
      pages.push(page.clusters ?? []);
    expect(pages.map((page) => page.length)).toEqual([40, 40, 40, 30]);
    const names = pages.flat();
    expect(names).toHaveLength(150);
    expect(names).toEqual([...names].sort());
    expect((await eks('ap-south-1').send(new ListClustersCommand({}))).clusters).toEqual([]);
  });
});

// The outside check: botocore (a client we did not write) parses what the simulator sends.
describe.skipIf(!hasAwsCliV2())('EKS with the AWS CLI v2', () => {
  it(
    'list-clusters, following nextToken to the end',
    async () => {
      expect(await awsJson(simulator.endpoint, ['eks', 'list-clusters'])).toEqual({
        clusters: ['platform-eks'],
      });
      const all = await awsJson(
        simulator.endpoint,
        ['eks', 'list-clusters', '--page-size', '40'],
        PAGED_REGION,
      );
      const names = all.clusters as string[];
      expect(names).toHaveLength(150);
      expect(names).toEqual([...names].sort());
    },
    SLOW,
  );
});

describe('EKS on the wire', () => {
  it('answers 404 ResourceNotFoundException for clusters and node groups', async () => {
    const cluster = await rawGet(simulator.endpoint, '/clusters/ghost', 'eks');
    expect(cluster.status).toBe(404);
    expect(cluster.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(cluster.body.message).toBe('No cluster found for name: ghost.');
    const groups = await rawGet(simulator.endpoint, '/clusters/ghost/node-groups', 'eks');
    expect(groups.status).toBe(404);
    const group = await rawGet(
      simulator.endpoint,
      '/clusters/platform-eks/node-groups/ghost',
      'eks',
    );
    expect(group.status).toBe(404);
    expect(group.body.message).toBe('No node group found for name: ghost.');
  });

  it('pages with maxResults ≤ 100 and nextToken', async () => {
    const first = await rawGet(simulator.endpoint, '/clusters', 'eks', PAGED_REGION);
    expect(first.body.clusters).toHaveLength(100);
    const token = encodeURIComponent(String(first.body.nextToken));
    const second = await rawGet(
      simulator.endpoint,
      `/clusters?maxResults=100&nextToken=${token}`,
      'eks',
      PAGED_REGION,
    );
    expect(second.body.clusters).toHaveLength(50);
    expect(second.body.nextToken).toBeUndefined();
    const tooMany = await rawGet(
      simulator.endpoint,
      '/clusters?maxResults=101',
      'eks',
      PAGED_REGION,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.__type).toBe('InvalidParameterException');
  });

  it('needs a signature, as AWS does', async () => {
    const response = await fetch(`${simulator.endpoint}/clusters`);
    expect(response.status).toBe(403);
  });
});
