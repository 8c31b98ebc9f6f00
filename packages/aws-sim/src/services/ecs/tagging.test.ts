import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeClustersCommand,
  ECSServiceException,
  ListTagsForResourceCommand,
  RegisterTaskDefinitionCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Random } from '../../engine/random.js';
import type { ServiceRecord, TaskRecord } from '../../engine/model.js';
import { rawCall, startSimulator } from '../../testing/sim-client.js';
import type { Simulator } from '../../simulator.js';
import { registerInstance } from './container-instances.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];

const ACCOUNT = '000000000000';
const arn = (resource: string, region = 'us-east-1') =>
  `arn:aws:ecs:${region}:${ACCOUNT}:${resource}`;

const SERVICE_ARN = arn('service/tagging/web');
const TASK_ARN = arn('task/tagging/0123456789abcdef0123456789abcdef');
let instanceArn = '';

beforeAll(async () => {
  ({ simulator, ecs } = await startSimulator({ scenario: 'empty' }));
  await ecs().send(
    new CreateClusterCommand({
      clusterName: 'tagging',
      tags: [{ key: 'team', value: 'platform' }],
    }),
  );
  const state = simulator.world.region('us-east-1');
  const cluster = state.findCluster('tagging');
  if (!cluster) throw new Error('cluster not created');
  instanceArn = registerInstance(
    state,
    cluster,
    { instanceType: 'm5.large', cpu: 2048, memory: 7680, availabilityZone: 'us-east-1a' },
    new Random(7),
    Date.now(),
  ).arn;
  // Tagging reads and writes nothing but `tags`; the rest of these records is the fleet's business.
  state.services.set(SERVICE_ARN, { arn: SERVICE_ARN, tags: [] } as unknown as ServiceRecord);
  state.addTask({ arn: TASK_ARN, clusterArn: cluster.arn, tags: [] } as unknown as TaskRecord);
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

const listTags = async (resourceArn: string) =>
  (await ecs().send(new ListTagsForResourceCommand({ resourceArn }))).tags;

describe('TagResource, UntagResource and ListTagsForResource over the wire (real SDK)', () => {
  it('adds, overwrites and removes cluster tags, and DescribeClusters sees them', async () => {
    const clusterArn = arn('cluster/tagging');
    expect(await listTags(clusterArn)).toEqual([{ key: 'team', value: 'platform' }]);
    await ecs().send(
      new TagResourceCommand({
        resourceArn: clusterArn,
        tags: [
          { key: 'team', value: 'payments' },
          { key: 'cost-centre', value: '42' },
        ],
      }),
    );
    expect(await listTags(clusterArn)).toEqual([
      { key: 'team', value: 'payments' },
      { key: 'cost-centre', value: '42' },
    ]);
    await ecs().send(
      new UntagResourceCommand({ resourceArn: clusterArn, tagKeys: ['team', 'not-there'] }),
    );
    expect(await listTags(clusterArn)).toEqual([{ key: 'cost-centre', value: '42' }]);
    const described = await ecs().send(
      new DescribeClustersCommand({ clusters: ['tagging'], include: ['TAGS'] }),
    );
    expect(described.clusters?.[0]?.tags).toEqual([{ key: 'cost-centre', value: '42' }]);
  });

  it('tags task definitions, services, tasks and container instances', async () => {
    await ecs().send(
      new RegisterTaskDefinitionCommand({
        family: 'tagged-td',
        containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }],
        tags: [{ key: 'owner', value: 'web' }],
      }),
    );
    const resources = [arn('task-definition/tagged-td:1'), SERVICE_ARN, TASK_ARN, instanceArn];
    for (const resourceArn of resources) {
      await ecs().send(
        new TagResourceCommand({ resourceArn, tags: [{ key: 'checked', value: resourceArn }] }),
      );
    }
    expect(await listTags(resources[0] ?? '')).toEqual([
      { key: 'owner', value: 'web' },
      { key: 'checked', value: resources[0] },
    ]);
    for (const resourceArn of resources.slice(1)) {
      expect(await listTags(resourceArn)).toEqual([{ key: 'checked', value: resourceArn }]);
      await ecs().send(new UntagResourceCommand({ resourceArn, tagKeys: ['checked'] }));
      expect(await listTags(resourceArn)).toEqual([]);
    }
  });

  it.each([
    ['a string that is no ARN', 'web', 'InvalidParameterException', 'The ARN provided is invalid.'],
    [
      'an ARN of another service',
      'arn:aws:iam::000000000000:role/web',
      'InvalidParameterException',
      'The ARN provided is invalid.',
    ],
    [
      'a short service ARN',
      arn('service/web'),
      'InvalidParameterException',
      'Long arn format must be used for tagging operations',
    ],
    [
      'a service in a missing cluster',
      arn('service/ghost/web'),
      'ClusterNotFoundException',
      'Cluster not found.',
    ],
    [
      'a missing service',
      arn('service/tagging/api'),
      'ResourceNotFoundException',
      'The specified resource could not be found.',
    ],
    [
      'a missing task',
      arn('task/tagging/ffffffffffffffffffffffffffffffff'),
      'ResourceNotFoundException',
      'The specified resource could not be found.',
    ],
    [
      'a missing task definition',
      arn('task-definition/ghost:1'),
      'ResourceNotFoundException',
      'The specified resource could not be found.',
    ],
    [
      'a cluster in another region',
      arn('cluster/tagging', 'eu-west-1'),
      'ClusterNotFoundException',
      'Cluster not found.',
    ],
    [
      'an AWS-managed capacity provider',
      arn('capacity-provider/FARGATE'),
      'ResourceNotFoundException',
      'The specified resource could not be found.',
    ],
  ])('refuses %s', async (_case, resourceArn, code, message) => {
    for (const command of [
      new ListTagsForResourceCommand({ resourceArn }),
      new TagResourceCommand({ resourceArn, tags: [{ key: 'a', value: 'b' }] }),
      new UntagResourceCommand({ resourceArn, tagKeys: ['a'] }),
    ]) {
      // Each command is its own type; the union of them is what send() cannot take.
      const error = await awsError(ecs().send(command as ListTagsForResourceCommand));
      expect(error.name).toBe(code);
      expect(error.message).toBe(message);
    }
  });

  it('treats a deleted cluster as missing', async () => {
    await ecs().send(new CreateClusterCommand({ clusterName: 'short-lived' }));
    await ecs().send(new DeleteClusterCommand({ cluster: 'short-lived' }));
    const error = await awsError(listTags(arn('cluster/short-lived')));
    expect(error.name).toBe('ClusterNotFoundException');
  });

  it('keeps a resource at 50 tags and refuses the aws: prefix', async () => {
    const resourceArn = arn('task-definition/tagged-td:1');
    const fifty = Array.from({ length: 48 }, (_, i) => ({ key: `k${i}`, value: String(i) }));
    await ecs().send(new TagResourceCommand({ resourceArn, tags: fifty }));
    expect(await listTags(resourceArn)).toHaveLength(50);
    const over = await awsError(
      ecs().send(new TagResourceCommand({ resourceArn, tags: [{ key: 'one-more', value: 'x' }] })),
    );
    expect(over.name).toBe('InvalidParameterException');
    // Overwriting an existing key does not add one.
    await ecs().send(new TagResourceCommand({ resourceArn, tags: [{ key: 'k0', value: 'new' }] }));
    expect((await listTags(resourceArn))?.find((tag) => tag.key === 'k0')?.value).toBe('new');
    const reserved = await awsError(
      ecs().send(new TagResourceCommand({ resourceArn, tags: [{ key: 'aws:owner', value: 'x' }] })),
    );
    expect(reserved.name).toBe('InvalidParameterException');
    expect(await listTags(resourceArn)).toHaveLength(50);
  });

  it('refuses a missing resourceArn and a tag list of the wrong type', async () => {
    const missing = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.ListTagsForResource',
      '{}',
    );
    expect(missing.body.__type).toBe('InvalidParameterException');
    const wrongType = await rawCall(
      simulator.endpoint,
      'AmazonEC2ContainerServiceV20141113.TagResource',
      JSON.stringify({ resourceArn: arn('cluster/tagging'), tags: { key: 'a', value: 'b' } }),
    );
    expect(wrongType.body.__type).toBe('SerializationException');
  });
});
