import {
  CreateServiceCommand,
  DeregisterContainerInstanceCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  ListTasksCommand,
  RegisterContainerInstanceCommand,
  UpdateContainerInstancesStateCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeDefinition } from '../../testing/fleet-builders.js';
import { awsError, registerInput, startFleet, type Fleet } from '../../testing/ecs-fixtures.js';

let fleet: Fleet;

beforeAll(async () => {
  fleet = await startFleet('hosts');
  const web = fleet.taskDefinition(bridgeDefinition());
  await fleet.client.send(
    new CreateServiceCommand({
      cluster: 'hosts',
      serviceName: 'web',
      taskDefinition: web,
      desiredCount: 6,
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
    }),
  );
  await fleet.advanceUntil(async () => {
    const { services = [] } = await fleet.client.send(
      new DescribeServicesCommand({ cluster: 'hosts', services: ['web'] }),
    );
    expect(services[0]?.runningCount).toBe(6);
  });
});
afterAll(() => fleet.simulator.stop());

const tasksOn = async (instanceArn: string) => {
  const { taskArns = [] } = await fleet.client.send(
    new ListTasksCommand({ cluster: 'hosts', containerInstance: instanceArn }),
  );
  return taskArns;
};

describe('container instances over the wire', () => {
  it('registers an instance as the agent does, with its resources and identity', async () => {
    const { containerInstance } = await fleet.client.send(
      new RegisterContainerInstanceCommand({
        ...registerInput('hosts', 'us-east-1b', 'i-0feedfacecafe0001'),
        attributes: [{ name: 'stack', value: 'blue' }],
        tags: [{ key: 'pool', value: 'spare' }],
      }),
    );
    expect(containerInstance).toMatchObject({
      ec2InstanceId: 'i-0feedfacecafe0001',
      status: 'ACTIVE',
      agentConnected: true,
      runningTasksCount: 0,
      tags: [{ key: 'pool', value: 'spare' }],
    });
    expect(
      containerInstance?.registeredResources?.find((r) => r.name === 'MEMORY')?.integerValue,
    ).toBe(7680);
    expect(containerInstance?.attributes).toContainEqual({ name: 'stack', value: 'blue' });
    expect(containerInstance?.attributes).toContainEqual({
      name: 'ecs.availability-zone',
      value: 'us-east-1b',
    });
    const listed = await fleet.client.send(new ListContainerInstancesCommand({ cluster: 'hosts' }));
    expect(listed.containerInstanceArns).toContain(containerInstance?.containerInstanceArn);
  });

  it('drains an instance: its service tasks are replaced elsewhere, nothing new lands there', async () => {
    const [drained = ''] = fleet.instanceArns;
    const before = await tasksOn(drained);
    expect(before).toHaveLength(2);
    const { containerInstances, failures } = await fleet.client.send(
      new UpdateContainerInstancesStateCommand({
        cluster: 'hosts',
        containerInstances: [drained, 'deadbeef'],
        status: 'DRAINING',
      }),
    );
    expect(containerInstances?.[0]?.status).toBe('DRAINING');
    expect(failures).toEqual([{ arn: 'deadbeef', reason: 'MISSING' }]);
    await fleet.advanceUntil(async () => {
      expect(await tasksOn(drained)).toEqual([]);
      const { services = [] } = await fleet.client.send(
        new DescribeServicesCommand({ cluster: 'hosts', services: ['web'] }),
      );
      expect(services[0]?.runningCount).toBe(6);
      expect(services[0]?.events?.[0]?.message).toBe('(service web) has reached a steady state.');
    });
    const { tasks = [] } = await fleet.client.send(
      new DescribeTasksCommand({ cluster: 'hosts', tasks: before }),
    );
    expect(tasks.map((t) => t.stopCode)).toEqual([
      'ServiceSchedulerInitiated',
      'ServiceSchedulerInitiated',
    ]);
    const { containerInstances: [described] = [] } = await fleet.client.send(
      new DescribeContainerInstancesCommand({ cluster: 'hosts', containerInstances: [drained] }),
    );
    expect(described).toMatchObject({ status: 'DRAINING', runningTasksCount: 0 });
    const bad = await awsError(
      fleet.client.send(
        new UpdateContainerInstancesStateCommand({
          cluster: 'hosts',
          containerInstances: [drained],
          status: 'REGISTERING',
        }),
      ),
    );
    expect(bad.name).toBe('InvalidParameterException');
    const back = await fleet.client.send(
      new UpdateContainerInstancesStateCommand({
        cluster: 'hosts',
        containerInstances: [drained],
        status: 'ACTIVE',
      }),
    );
    expect(back.containerInstances?.[0]?.status).toBe('ACTIVE');
  });

  it('deregisters only with force while tasks run, and the service replaces them', async () => {
    const [, victim = ''] = fleet.instanceArns;
    expect((await tasksOn(victim)).length).toBeGreaterThan(0);
    const refused = await awsError(
      fleet.client.send(
        new DeregisterContainerInstanceCommand({ cluster: 'hosts', containerInstance: victim }),
      ),
    );
    expect(refused.name).toBe('InvalidParameterException');
    const { containerInstance } = await fleet.client.send(
      new DeregisterContainerInstanceCommand({
        cluster: 'hosts',
        containerInstance: victim,
        force: true,
      }),
    );
    expect(containerInstance?.status).toBe('INACTIVE');
    const listed = await fleet.client.send(new ListContainerInstancesCommand({ cluster: 'hosts' }));
    expect(listed.containerInstanceArns).not.toContain(victim);
    await fleet.advanceUntil(async () => {
      const { services = [] } = await fleet.client.send(
        new DescribeServicesCommand({ cluster: 'hosts', services: ['web'] }),
      );
      expect(services[0]?.runningCount).toBe(6);
    });
  });

  it('counts running tasks and services in DescribeClusters', async () => {
    const { clusters: [cluster] = [] } = await fleet.client.send(
      new DescribeClustersCommand({ clusters: ['hosts'], include: ['STATISTICS'] }),
    );
    expect(cluster).toMatchObject({
      runningTasksCount: 6,
      pendingTasksCount: 0,
      activeServicesCount: 1,
      registeredContainerInstancesCount: 3,
    });
    expect(cluster?.statistics).toContainEqual({ name: 'runningEC2TasksCount', value: '6' });
    expect(cluster?.statistics).toContainEqual({ name: 'activeEC2ServiceCount', value: '1' });
  });
});
