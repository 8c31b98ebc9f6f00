import {
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTasksCommand,
  type DescribeTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import { PortMapResponse } from '@deckhand/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  instanceArn,
  sdkBridgeTask,
  sdkContainerInstance,
  sdkService,
  sdkTaskDefinition,
  serviceArn,
  taskArn,
  taskDefinitionArn,
  TG_WEB,
} from '../../testing/ecs-sdk-fixtures.js';
import { createPortMapService } from './port-map.service.js';
import { mockedAwsLayer } from '../../testing/mocked-aws.js';

const ecsMock = mockClient(ECSClient);

function reads(ttlMs = 0) {
  return mockedAwsLayer(ttlMs).ecs;
}

const A = instanceArn('prod-ec2', 'aaaa');
const B = instanceArn('prod-ec2', 'bbbb');
const TG_LEGACY = TG_WEB.replace('/web/', '/legacy/');
const binding = (containerPort: number, hostPort: number) => ({
  bindIP: '0.0.0.0',
  containerPort,
  hostPort,
  protocol: 'tcp' as const,
});

/** The demo's EC2 cluster in miniature: web behind an ALB on dynamic ports, legacy on static 8080. */
function demoCluster() {
  ecsMock.on(ListContainerInstancesCommand).resolves({ containerInstanceArns: [A, B] });
  ecsMock.on(DescribeContainerInstancesCommand).resolves({
    containerInstances: [
      sdkContainerInstance({ containerInstanceArn: A, ec2InstanceId: 'i-0aaa' }),
      sdkContainerInstance({ containerInstanceArn: B, ec2InstanceId: 'i-0bbb' }),
    ],
  });
  ecsMock.on(ListTasksCommand).resolves({ taskArns: ['w1', 'w2', 'l1'] });
  ecsMock.on(DescribeTasksCommand).resolves({
    tasks: [
      sdkBridgeTask({
        taskArn: taskArn('prod-ec2', 'w1'),
        containerInstanceArn: A,
        containers: [{ name: 'web', networkBindings: [binding(8080, 32768)] }],
      }),
      sdkBridgeTask({
        taskArn: taskArn('prod-ec2', 'w2'),
        containerInstanceArn: B,
        containers: [{ name: 'web', networkBindings: [binding(8080, 32771)] }],
      }),
      sdkBridgeTask({
        taskArn: taskArn('prod-ec2', 'l1'),
        taskDefinitionArn: taskDefinitionArn('legacy:3'),
        group: 'service:legacy',
        containerInstanceArn: A,
        containers: [{ name: 'app', networkBindings: [binding(80, 8080)] }],
      }),
    ],
  });
  ecsMock.on(ListServicesCommand).resolves({
    serviceArns: [serviceArn('prod-ec2', 'web'), serviceArn('prod-ec2', 'legacy')],
  });
  ecsMock.on(DescribeServicesCommand).resolves({
    services: [
      sdkService(),
      sdkService({
        serviceName: 'legacy',
        serviceArn: serviceArn('prod-ec2', 'legacy'),
        taskDefinition: taskDefinitionArn('legacy:3'),
        deployments: [{ status: 'PRIMARY', taskDefinition: taskDefinitionArn('legacy:3') }],
        loadBalancers: [{ targetGroupArn: TG_LEGACY, containerName: 'app', containerPort: 80 }],
        events: [
          {
            id: 'p1',
            createdAt: new Date('2026-11-26T09:30:00Z'),
            message:
              '(service legacy) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance bbbb) is already using a port required by your task.',
          },
        ],
      }),
    ],
  });
  ecsMock
    .on(DescribeTaskDefinitionCommand)
    .callsFake((input: DescribeTaskDefinitionCommandInput) => ({
      taskDefinition:
        input.taskDefinition === 'web:7'
          ? sdkTaskDefinition({
              taskDefinitionArn: taskDefinitionArn('web:7'),
              networkMode: 'bridge',
              containerDefinitions: [
                { name: 'web', portMappings: [{ containerPort: 8080, hostPort: 0 }] },
              ],
            })
          : sdkTaskDefinition({
              taskDefinitionArn: taskDefinitionArn('legacy:3'),
              networkMode: 'bridge',
              containerDefinitions: [
                { name: 'app', portMappings: [{ containerPort: 80, hostPort: 8080 }] },
              ],
            }),
    }));
}

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('port map service', () => {
  it('gathers instances, tasks, services and revisions, and resolves the map', async () => {
    demoCluster();
    const answer = await createPortMapService(reads()).getPortMap('us-east-1', 'prod-ec2');
    const map = PortMapResponse.parse(answer);

    expect(
      map.rows.map((row) => [row.targetGroupArn, row.host, row.hostPort, row.dynamic, row.taskId]),
    ).toEqual([
      [
        TG_LEGACY,
        { kind: 'instance', containerInstanceId: 'aaaa', ec2InstanceId: 'i-0aaa' },
        8080,
        false,
        'l1',
      ],
      [
        TG_WEB,
        { kind: 'instance', containerInstanceId: 'aaaa', ec2InstanceId: 'i-0aaa' },
        32768,
        true,
        'w1',
      ],
      [
        TG_WEB,
        { kind: 'instance', containerInstanceId: 'bbbb', ec2InstanceId: 'i-0bbb' },
        32771,
        true,
        'w2',
      ],
    ]);
    expect(map.findings.map((finding) => [finding.kind, finding.service])).toEqual([
      ['unplaceable', 'legacy'],
      ['static-port-behind-load-balancer', 'legacy'],
      ['ephemeral-range', undefined],
    ]);
    // One DescribeTaskDefinition per distinct revision, however many tasks and services name it.
    expect(
      ecsMock
        .commandCalls(DescribeTaskDefinitionCommand)
        .map((call) => call.args[0].input.taskDefinition)
        .sort(),
    ).toEqual(['legacy:3', 'web:7']);
  });

  it('shares the cached reads with the other routes', async () => {
    demoCluster();
    const layer = mockedAwsLayer(5_000);
    await layer.ecs.tasks('us-east-1', 'prod-ec2', 'RUNNING');
    await createPortMapService(layer.ecs).getPortMap('us-east-1', 'prod-ec2');
    expect(ecsMock.commandCalls(ListTasksCommand)).toHaveLength(1);
  });

  it('answers 404 for an unknown cluster', async () => {
    const notFound = Object.assign(new Error('Cluster not found.'), {
      name: 'ClusterNotFoundException',
    });
    ecsMock.on(ListContainerInstancesCommand).rejects(notFound);
    ecsMock.on(ListTasksCommand).rejects(notFound);
    ecsMock.on(ListServicesCommand).rejects(notFound);
    const error = await createPortMapService(reads())
      .getPortMap('us-east-1', 'ghost')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});
