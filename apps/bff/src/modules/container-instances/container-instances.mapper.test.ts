import { ContainerInstance } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import { sdkContainerInstance } from '../../testing/ecs-sdk-fixtures.js';
import { toContainerInstance } from './container-instances.mapper.js';

describe('toContainerInstance', () => {
  it('maps DescribeContainerInstances output with ports in use, sorted, per protocol', () => {
    const instance = toContainerInstance(sdkContainerInstance(), ['t2', 't1']);
    expect(ContainerInstance.parse(instance)).toEqual(instance);
    expect(instance).toMatchObject({
      id: 'a1b2c3d4e5f6478899aabbccddeeff00',
      ec2InstanceId: 'i-0a1b2c3d4e5f67890',
      agentVersion: '1.89.2',
      dockerVersion: '25.0.8',
      instanceType: 'm5.large',
      availabilityZone: 'us-east-1a',
      cpu: { registered: 2048, remaining: 1024 },
      memory: { registered: 7680, remaining: 5632 },
      ports: { tcp: [22, 2375, 2376, 8080, 32768, 51678, 51679], udp: [32769] },
      registeredAt: '2026-11-20T08:00:00.000Z',
      tasks: ['t1', 't2'],
    });
    expect(instance.attributes).toContainEqual({ name: 'ecs.capability.task-eni' });
    expect(instance.attributes).toContainEqual({ name: 'ecs.os-type', value: 'linux' });
    expect(instance.privateIp).toBeUndefined();
  });

  it('reads the private IP of a trunk ENI attachment when there is one', () => {
    const instance = toContainerInstance(
      sdkContainerInstance({
        attachments: [
          {
            type: 'ElasticNetworkInterface',
            details: [{ name: 'privateIPv4Address', value: '10.0.1.20' }],
          },
        ],
      }),
    );
    expect(instance.privateIp).toBe('10.0.1.20');
  });

  it('tolerates an instance with nothing but an ARN', () => {
    const instance = toContainerInstance({
      containerInstanceArn: 'arn:aws:ecs:us-east-1:1:container-instance/prod/abc',
    });
    expect(ContainerInstance.parse(instance)).toMatchObject({
      id: 'abc',
      ec2InstanceId: '',
      status: 'UNKNOWN',
      agentConnected: false,
      agentVersion: '',
      dockerVersion: '',
      cpu: { registered: 0, remaining: 0 },
      ports: { tcp: [], udp: [] },
      attributes: [],
      tasks: [],
    });
    expect(ContainerInstance.safeParse(toContainerInstance({})).success).toBe(true);
  });
});
