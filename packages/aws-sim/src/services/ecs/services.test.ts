import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServiceDeploymentsCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListServiceDeploymentsCommand,
  ListServicesCommand,
  ListTasksCommand,
  paginateListServices,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeDefinition, fargateDefinition } from '../../testing/fleet-builders.js';
import { awsError, startFleet, type Fleet } from '../../testing/ecs-fixtures.js';

let fleet: Fleet;
let web: string;
let webV2: string;

beforeAll(async () => {
  fleet = await startFleet('svc');
  web = fleet.taskDefinition(bridgeDefinition());
  webV2 = fleet.taskDefinition(bridgeDefinition({}, { image: 'public.ecr.aws/nginx/nginx:1.28' }));
});
afterAll(() => fleet.simulator.stop());

const tg = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/6d0ecf831eec9f09';
const describe1 = async (service: string, include?: 'TAGS'[]) => {
  const { services = [] } = await fleet.client.send(
    new DescribeServicesCommand({
      cluster: 'svc',
      services: [service],
      ...(include ? { include } : {}),
    }),
  );
  const [found] = services;
  if (!found) throw new Error(`no service ${service}`);
  return found;
};

describe('CreateService', () => {
  it('creates a service and answers with ECS’s shape', async () => {
    const { service } = await fleet.client.send(
      new CreateServiceCommand({
        cluster: 'svc',
        serviceName: 'web',
        taskDefinition: web,
        desiredCount: 0,
        launchType: 'EC2',
        loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }],
        tags: [{ key: 'team', value: 'storefront' }],
      }),
    );
    expect(service).toMatchObject({
      serviceArn: 'arn:aws:ecs:us-east-1:000000000000:service/svc/web',
      serviceName: 'web',
      clusterArn: 'arn:aws:ecs:us-east-1:000000000000:cluster/svc',
      status: 'ACTIVE',
      desiredCount: 0,
      runningCount: 0,
      pendingCount: 0,
      launchType: 'EC2',
      taskDefinition: web,
      schedulingStrategy: 'REPLICA',
      deploymentController: { type: 'ECS' },
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: false, rollback: false },
      },
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }],
      roleArn: expect.stringMatching(/AWSServiceRoleForECS$/),
      tags: [{ key: 'team', value: 'storefront' }],
    });
    expect(service?.createdAt).toBeInstanceOf(Date);
    expect(service?.deployments).toMatchObject([
      { status: 'PRIMARY', rolloutState: 'IN_PROGRESS', taskDefinition: web, desiredCount: 0 },
    ]);
    expect(service?.deployments?.[0]?.id).toMatch(/^ecs-svc\/\d{19}$/);
  });

  it('is idempotent for a reused clientToken, and refuses it with other parameters', async () => {
    const input = {
      cluster: 'svc',
      serviceName: 'tokened',
      taskDefinition: web,
      desiredCount: 0,
      clientToken: 'deploy-2026-11-26-0001',
    };
    const first = await fleet.client.send(new CreateServiceCommand(input));
    const again = await fleet.client.send(new CreateServiceCommand(input));
    expect(again.service?.serviceArn).toBe(first.service?.serviceArn);
    const conflict = await awsError(
      fleet.client.send(new CreateServiceCommand({ ...input, desiredCount: 2 })),
    );
    expect(conflict.name).toBe('ConflictException');
    const long = await awsError(
      fleet.client.send(new CreateServiceCommand({ ...input, clientToken: 'x'.repeat(37) })),
    );
    expect(long.name).toBe('InvalidParameterException');
    const twice = await awsError(
      fleet.client.send(new CreateServiceCommand({ ...input, clientToken: undefined })),
    );
    expect(twice.message).toBe('Creation of service was not idempotent.');
  });

  it('refuses what ECS refuses', async () => {
    const fargate = fleet.taskDefinition(fargateDefinition());
    const noNetwork = await awsError(
      fleet.client.send(
        new CreateServiceCommand({
          cluster: 'svc',
          serviceName: 'api',
          taskDefinition: fargate,
          desiredCount: 1,
          launchType: 'FARGATE',
        }),
      ),
    );
    expect(noNetwork.message).toBe(
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
    const noTaskDefinition = await awsError(
      fleet.client.send(
        new CreateServiceCommand({
          cluster: 'svc',
          serviceName: 'x',
          taskDefinition: 'nope',
          desiredCount: 1,
        }),
      ),
    );
    expect(noTaskDefinition.name).toBe('ClientException');
    const noCluster = await awsError(
      fleet.client.send(
        new CreateServiceCommand({
          cluster: 'ghost',
          serviceName: 'x',
          taskDefinition: web,
          desiredCount: 1,
        }),
      ),
    );
    expect(noCluster.name).toBe('ClusterNotFoundException');
    const badPort = await awsError(
      fleet.client.send(
        new CreateServiceCommand({
          cluster: 'svc',
          serviceName: 'x',
          taskDefinition: web,
          desiredCount: 1,
          loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 8080 }],
        }),
      ),
    );
    expect(badPort.message).toBe('The container web did not have a container port 8080 defined.');
  });
});

describe('ListServices and DescribeServices', () => {
  it('pages ListServices 10 at a time by default, to the end', async () => {
    const { client } = fleet;
    await client.send(new CreateClusterCommand({ clusterName: 'many' }));
    for (let i = 0; i < 23; i += 1) {
      await client.send(
        new CreateServiceCommand({
          cluster: 'many',
          serviceName: `svc-${String(i).padStart(2, '0')}`,
          taskDefinition: web,
          desiredCount: 0,
        }),
      );
    }
    const first = await client.send(new ListServicesCommand({ cluster: 'many' }));
    expect(first.serviceArns).toHaveLength(10);
    expect(first.nextToken).toBeTruthy();
    const pages: number[] = [];
    const all: string[] = [];
    for await (const page of paginateListServices({ client }, { cluster: 'many' })) {
      pages.push(page.serviceArns?.length ?? 0);
      all.push(...(page.serviceArns ?? []));
    }
    expect(pages).toEqual([10, 10, 3]);
    expect(new Set(all).size).toBe(23);
    const big = await client.send(new ListServicesCommand({ cluster: 'many', maxResults: 100 }));
    expect(big.serviceArns).toHaveLength(23);
    expect(big.nextToken).toBeUndefined();
    const fargate = await client.send(
      new ListServicesCommand({ cluster: 'many', launchType: 'FARGATE' }),
    );
    expect(fargate.serviceArns).toEqual([]);
    const daemons = await client.send(
      new ListServicesCommand({ cluster: 'many', schedulingStrategy: 'DAEMON' }),
    );
    expect(daemons.serviceArns).toEqual([]);
    const tooMany = await awsError(
      client.send(new ListServicesCommand({ cluster: 'many', maxResults: 101 })),
    );
    expect(tooMany.name).toBe('InvalidParameterException');
  });

  it('describes at most 10 services, reports missing ones, and includes tags only when asked', async () => {
    const names = Array.from({ length: 11 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
    const eleven = await awsError(
      fleet.client.send(new DescribeServicesCommand({ cluster: 'many', services: names })),
    );
    expect(eleven.name).toBe('InvalidParameterException');
    const { services = [], failures } = await fleet.client.send(
      new DescribeServicesCommand({ cluster: 'svc', services: ['web', 'nope'] }),
    );
    expect(services.map((s) => s.serviceName)).toEqual(['web']);
    expect(services[0]?.tags).toBeUndefined();
    expect(failures).toEqual([
      { arn: 'arn:aws:ecs:us-east-1:000000000000:service/svc/nope', reason: 'MISSING' },
    ]);
    expect((await describe1('web', ['TAGS'])).tags).toEqual([{ key: 'team', value: 'storefront' }]);
  });
});

describe('UpdateService, driven on the simulated clock', () => {
  it('scales up: tasks go to RUNNING and the service logs it', async () => {
    await fleet.client.send(
      new UpdateServiceCommand({ cluster: 'svc', service: 'web', desiredCount: 3 }),
    );
    await fleet.advanceUntil(async () => {
      const service = await describe1('web');
      expect(service.runningCount).toBe(3);
      expect(service.events?.[0]?.message).toBe('(service web) has reached a steady state.');
    });
    const service = await describe1('web');
    const messages = service.events?.map((e) => e.message) ?? [];
    expect(
      messages.some((m = '') =>
        /^\(service web\) has started 3 tasks: (\(task [0-9a-f]{32}\) ?){3}\.$/.test(m),
      ),
    ).toBe(true);
    expect(messages).toContain(`(service web) registered 1 targets in (target-group ${tg})`);
    expect(service.deployments).toMatchObject([
      { status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 3 },
    ]);
    const { taskArns = [] } = await fleet.client.send(
      new ListTasksCommand({ cluster: 'svc', serviceName: 'web' }),
    );
    expect(taskArns).toHaveLength(3);
    const { tasks = [] } = await fleet.client.send(
      new DescribeTasksCommand({ cluster: 'svc', tasks: taskArns }),
    );
    expect(tasks.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    expect(tasks[0]?.group).toBe('service:web');
    expect(tasks[0]?.startedBy).toBe(service.deployments?.[0]?.id);
    expect(tasks[0]?.containers?.[0]?.networkBindings?.[0]?.hostPort).toBeGreaterThanOrEqual(32768);
  });

  it('rolls out a new revision as a new PRIMARY deployment, recorded as a service deployment', async () => {
    const { service } = await fleet.client.send(
      new UpdateServiceCommand({ cluster: 'svc', service: 'web', taskDefinition: webV2 }),
    );
    expect(service?.deployments?.map((d) => d.status)).toEqual(['PRIMARY', 'ACTIVE']);
    expect(service?.taskDefinition).toBe(webV2);
    await fleet.advanceUntil(async () => {
      const now = await describe1('web');
      expect(now.deployments).toMatchObject([{ taskDefinition: webV2, rolloutState: 'COMPLETED' }]);
      expect(now.runningCount).toBe(3);
    });
    const { serviceDeployments = [] } = await fleet.client.send(
      new ListServiceDeploymentsCommand({ cluster: 'svc', service: 'web' }),
    );
    expect(serviceDeployments.map((d) => d.status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL']);
    const newest = serviceDeployments[0]?.serviceDeploymentArn ?? '';
    expect(newest).toMatch(
      /^arn:aws:ecs:us-east-1:000000000000:service-deployment\/svc\/web\/[\w-]{20}$/,
    );
    const described = await fleet.client.send(
      new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [newest, `${newest}x`] }),
    );
    expect(described.serviceDeployments?.[0]).toMatchObject({
      status: 'SUCCESSFUL',
      targetServiceRevision: { requestedTaskCount: 3, runningTaskCount: 3 },
      deploymentCircuitBreaker: { status: 'DISABLED' },
    });
    expect(described.failures).toEqual([{ arn: `${newest}x`, reason: 'MISSING' }]);
  });

  it('starts a new deployment on forceNewDeployment, even for the same revision', async () => {
    const before = (await describe1('web')).deployments?.[0]?.id;
    const { service } = await fleet.client.send(
      new UpdateServiceCommand({ cluster: 'svc', service: 'web', forceNewDeployment: true }),
    );
    expect(service?.deployments?.[0]?.id).not.toBe(before);
    expect(service?.deployments?.[0]?.taskDefinition).toBe(webV2);
    const missing = await awsError(
      fleet.client.send(
        new UpdateServiceCommand({ cluster: 'svc', service: 'ghost', desiredCount: 1 }),
      ),
    );
    expect(missing.name).toBe('ServiceNotFoundException');
  });
});

describe('capacity provider strategies', () => {
  it('moves a Fargate service to FARGATE_SPOT only with forceNewDeployment', async () => {
    const { client } = fleet;
    await client.send(
      new CreateClusterCommand({
        clusterName: 'fg',
        capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      }),
    );
    await client.send(
      new CreateServiceCommand({
        cluster: 'fg',
        serviceName: 'api',
        taskDefinition: fleet.taskDefinition(fargateDefinition()),
        desiredCount: 1,
        launchType: 'FARGATE',
        networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } },
      }),
    );
    const spot = [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }];
    const refused = await awsError(
      client.send(
        new UpdateServiceCommand({ cluster: 'fg', service: 'api', capacityProviderStrategy: spot }),
      ),
    );
    expect(refused.name).toBe('InvalidParameterException');
    const { service } = await client.send(
      new UpdateServiceCommand({
        cluster: 'fg',
        service: 'api',
        capacityProviderStrategy: spot,
        forceNewDeployment: true,
      }),
    );
    expect(service?.launchType).toBeUndefined();
    expect(service?.capacityProviderStrategy).toEqual(spot);
    expect(service?.deployments?.[0]).toMatchObject({
      status: 'PRIMARY',
      capacityProviderStrategy: spot,
    });
  });
});

describe('DeleteService', () => {
  it('needs force above zero tasks, drains the service and stops listing it', async () => {
    const refused = await awsError(
      fleet.client.send(new DeleteServiceCommand({ cluster: 'svc', service: 'web' })),
    );
    expect(refused.message).toBe('The service cannot be stopped while it is scaled above 0.');
    const { service } = await fleet.client.send(
      new DeleteServiceCommand({ cluster: 'svc', service: 'web', force: true }),
    );
    expect(service?.status).toBe('DRAINING');
    const listed = await fleet.client.send(
      new ListServicesCommand({ cluster: 'svc', maxResults: 100 }),
    );
    expect(listed.serviceArns).not.toContain(service?.serviceArn);
    const inactive = await awsError(
      fleet.client.send(
        new UpdateServiceCommand({ cluster: 'svc', service: 'web', desiredCount: 1 }),
      ),
    );
    expect(inactive.name).toBe('ServiceNotActiveException');
    await fleet.advanceUntil(async () => {
      expect((await describe1('web')).status).toBe('INACTIVE');
    });
  });
});
