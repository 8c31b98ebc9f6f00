import { Task } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import {
  instanceArn,
  sdkBridgeTask,
  sdkFargateTask,
  sdkTaskDefinition,
} from '../../testing/ecs-sdk-fixtures.js';
import { needsDefinitionForPorts, toTask } from './tasks.mapper.js';

describe('toTask', () => {
  it('maps a bridge task: ids from ARNs, ISO times, one mapping per IPv4/IPv6 binding pair', () => {
    const task = toTask(sdkBridgeTask(), {
      ec2InstanceIds: new Map([
        [instanceArn('prod-ec2', 'a1b2c3d4e5f6478899aabbccddeeff00'), 'i-0a1b2c3d4e5f67890'],
      ]),
    });
    expect(Task.parse(task)).toEqual(task);
    expect(task).toMatchObject({
      id: '0f1e2d3c4b5a49687766554433221100',
      taskDefinition: 'web:7',
      group: 'service:web',
      containerInstanceId: 'a1b2c3d4e5f6478899aabbccddeeff00',
      ec2InstanceId: 'i-0a1b2c3d4e5f67890',
      startedAt: '2026-11-26T09:01:30.000Z',
      cpu: 512,
      memory: 1024,
      version: 3,
    });
    expect(task.eni).toBeUndefined();
    expect(task.containers[0]?.portMappings).toEqual([
      { containerPort: 8080, hostPort: 32768, protocol: 'tcp', hostIp: '0.0.0.0' },
    ]);
  });

  it('takes awsvpc ports from the definition, on the ENI address', () => {
    const fargate = sdkFargateTask();
    expect(needsDefinitionForPorts(fargate)).toBe(true);
    expect(needsDefinitionForPorts(sdkBridgeTask())).toBe(false);
    const task = toTask(fargate, {
      taskDefinitions: new Map([['checkout:12', sdkTaskDefinition()]]),
    });
    expect(task.eni).toEqual({ privateIp: '10.0.3.44', subnetId: 'subnet-0abc' });
    expect(task.containerInstanceId).toBeUndefined();
    expect(task.containers[0]?.portMappings).toEqual([
      { containerPort: 3000, hostPort: 3000, protocol: 'tcp', hostIp: '10.0.3.44' },
    ]);
    // Without the definition the ports are unknown, not invented.
    expect(toTask(fargate).containers[0]?.portMappings).toEqual([]);
  });

  it('keeps stop details of a stopped task', () => {
    const task = toTask(
      sdkBridgeTask({
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        stoppingAt: new Date('2026-11-26T10:00:00Z'),
        stoppedAt: new Date('2026-11-26T10:00:31Z'),
        containers: [
          {
            name: 'web',
            image: 'web:1',
            lastStatus: 'STOPPED',
            exitCode: 137,
            reason: 'OutOfMemoryError: Container killed due to memory usage',
          },
        ],
      }),
    );
    expect(task).toMatchObject({
      stopCode: 'EssentialContainerExited',
      stoppingAt: '2026-11-26T10:00:00.000Z',
      stoppedAt: '2026-11-26T10:00:31.000Z',
    });
    expect(task.containers[0]).toMatchObject({ exitCode: 137, portMappings: [] });
  });

  it('tolerates a task with nothing but an ARN', () => {
    const task = toTask({ taskArn: 'arn:aws:ecs:us-east-1:1:task/prod/abc' });
    expect(Task.parse(task)).toMatchObject({
      id: 'abc',
      lastStatus: 'UNKNOWN',
      desiredStatus: 'UNKNOWN',
      taskDefinition: '',
      containers: [],
    });
    expect(Task.safeParse(toTask({})).success).toBe(true);
  });

  it('skips port ranges and bindings without ports, and keeps a specific bind address', () => {
    const task = toTask(
      sdkBridgeTask({
        containers: [
          {
            name: 'media',
            networkBindings: [
              { containerPortRange: '10000-10010', hostPortRange: '10000-10010', protocol: 'udp' },
              { bindIP: '10.0.1.5', containerPort: 53, hostPort: 53, protocol: 'udp' },
              { bindIP: '0.0.0.0' },
            ],
          },
        ],
      }),
    );
    expect(task.containers[0]).toMatchObject({ name: 'media', image: '' });
    expect(task.containers[0]?.portMappings).toEqual([
      { containerPort: 53, hostPort: 53, protocol: 'udp', hostIp: '10.0.1.5' },
    ]);
  });

  it('leaves cpu and memory out when they are not plain numbers', () => {
    const task = toTask(sdkBridgeTask({ cpu: '1 vCPU', memory: undefined }));
    expect(task.cpu).toBeUndefined();
    expect(task.memory).toBeUndefined();
  });
});
