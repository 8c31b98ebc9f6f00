import type { Simulator } from '@deckhand/aws-sim';
import {
  ClusterDetailResponse,
  ContainerInstancesResponse,
  ErrorBody,
  PortMapResponse,
  ServiceDetailResponse,
  ServicesResponse,
  TaskDefinitionFamiliesResponse,
  TaskDefinitionResponse,
  TaskDefinitionRevisionsResponse,
  TaskDetailResponse,
  TasksResponse,
} from '@deckhand/shared';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsLayer, type AwsLayer } from './aws/aws-layer.js';
import { createEcsServices } from './modules/ecs-routes.js';
import { startSimulatedAws, type SimulatedAws } from './testing/simulated-aws.js';
import { buildTestApp } from './testing/test-app.js';

// The ECS read routes against the simulator's demo over real HTTP with the real SDK: the
// routes are real, only the other feature areas are the test app's fakes.
let env: SimulatedAws;
let simulator: Simulator;
let aws: AwsLayer;

beforeAll(async () => {
  env = await startSimulatedAws();
  ({ simulator, aws } = env);
});
afterAll(() => env.stop());

const app = () => buildTestApp({ ecs: createEcsServices(aws.ecs) });
const get = (path: string) => request(app()).get(`/api/v1${path}`);

describe('ECS read routes ↔ simulator', () => {
  it('describes one cluster with its settings and capacity providers', async () => {
    const ec2 = ClusterDetailResponse.parse((await get('/clusters/prod-ec2').expect(200)).body);
    expect(ec2.cluster).toMatchObject({
      name: 'prod-ec2',
      flavor: 'ec2',
      registeredContainerInstancesCount: 3,
      settings: [{ name: 'containerInsights', value: 'enabled' }],
    });
    expect(ec2.cluster.cpu.registered).toBe(3 * 2048);
    const fargate = ClusterDetailResponse.parse(
      (await get('/clusters/prod-fargate').expect(200)).body,
    );
    expect(fargate.cluster.capacityProviders).toEqual(['FARGATE', 'FARGATE_SPOT']);
    expect(fargate.cluster.defaultCapacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', weight: 1, base: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
    ]);
    const missing = await get('/clusters/ghost').expect(404);
    expect(ErrorBody.parse(missing.body).error.message).toContain('ghost');
  });

  it('lists services with one ListServices and one DescribeServices batch', async () => {
    simulator.stats.reset();
    const { services } = ServicesResponse.parse(
      (await get('/clusters/prod-ec2/services').expect(200)).body,
    );
    expect(services.map((service) => service.name)).toEqual([
      'api',
      'legacy-admin',
      'web',
      'worker',
      'xray-daemon',
    ]);
    const web = services.find((service) => service.name === 'web');
    expect(web).toMatchObject({ launchType: 'EC2', schedulingStrategy: 'REPLICA' });
    expect(web?.taskDefinition).toMatch(/^storefront-web:\d+$/);
    expect(web?.loadBalancers[0]).toMatchObject({ containerName: 'web', containerPort: 8080 });
    expect(services.find((s) => s.name === 'xray-daemon')?.schedulingStrategy).toBe('DAEMON');
    const operations = simulator.stats.snapshot().operations;
    expect(operations['ecs:ListServices']).toBe(1);
    expect(operations['ecs:DescribeServices']).toBe(1);
  });

  it('returns one service with classified events, and 404 for an unknown one', async () => {
    const { service } = ServiceDetailResponse.parse(
      (await get('/clusters/prod-ec2/services/web').expect(200)).body,
    );
    expect(service.name).toBe('web');
    expect(service.events.length).toBeGreaterThan(0);
    const times = service.events.map((event) => event.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    await get('/clusters/prod-ec2/services/ghost').expect(404);
    await get('/clusters/ghost/services').expect(404);
  });

  it('resolves bridge tasks to instance ports and Fargate tasks to their ENI', async () => {
    const ec2 = TasksResponse.parse(
      (await get('/clusters/prod-ec2/tasks?service=web').expect(200)).body,
    );
    expect(ec2.tasks.length).toBeGreaterThanOrEqual(3);
    for (const task of ec2.tasks) {
      expect(task.group).toBe('service:web');
      expect(task.ec2InstanceId).toMatch(/^i-/);
      const [mapping] = task.containers.find((c) => c.name === 'web')?.portMappings ?? [];
      expect(mapping?.containerPort).toBe(8080);
      expect(mapping?.hostPort).toBeGreaterThanOrEqual(32768);
    }
    const fargate = TasksResponse.parse(
      (await get('/clusters/prod-fargate/tasks').expect(200)).body,
    );
    const checkout = fargate.tasks.find((task) => task.group === 'service:checkout');
    expect(checkout?.eni?.privateIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const api = checkout?.containers.find((c) => c.name === 'checkout-api');
    expect(api?.portMappings).toEqual([
      { containerPort: 8080, hostPort: 8080, protocol: 'tcp', hostIp: checkout?.eni?.privateIp },
    ]);
  });

  it('reads one task as the list shows it, and 404s an id the cluster does not have', async () => {
    const { tasks } = TasksResponse.parse(
      (await get('/clusters/prod-ec2/tasks?service=web').expect(200)).body,
    );
    const listed = tasks[0];
    expect(listed).toBeDefined();
    const { task, source, diagnosis } = TaskDetailResponse.parse(
      (await get(`/clusters/prod-ec2/tasks/${listed?.id ?? ''}`).expect(200)).body,
    );
    expect(source).toBe('aws');
    expect(diagnosis).toBeUndefined();
    expect(task).toMatchObject({ id: listed?.id, arn: listed?.arn, group: 'service:web' });
    expect(task.ec2InstanceId).toMatch(/^i-/);
    expect(task.containers.find((c) => c.name === 'web')?.portMappings[0]?.containerPort).toBe(
      8080,
    );
    const gone = 'ffffffffffffffffffffffffffffffff';
    const missing = await get(`/clusters/prod-ec2/tasks/${gone}`).expect(404);
    expect(ErrorBody.parse(missing.body).error.message).toContain(gone);
  });

  it('lists container instances with the tasks placed on them', async () => {
    // One cache for both routes, so they see the same moment of the live fleet (and share ListTasks).
    const cached = createAwsLayer({
      endpoint: simulator.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      budgetShare: 1,
      ttlMs: 60_000,
    });
    const server = buildTestApp({ ecs: createEcsServices(cached.ecs) });
    simulator.stats.reset();
    const { containerInstances } = ContainerInstancesResponse.parse(
      (await request(server).get('/api/v1/clusters/prod-ec2/container-instances').expect(200)).body,
    );
    const { tasks } = TasksResponse.parse(
      (await request(server).get('/api/v1/clusters/prod-ec2/tasks').expect(200)).body,
    );
    cached.destroy();
    expect(containerInstances).toHaveLength(3);
    const placed = containerInstances.flatMap((instance) => instance.tasks).sort();
    expect(placed).toEqual(
      tasks
        .filter((task) => task.containerInstanceId)
        .map((task) => task.id)
        .sort(),
    );
    expect(placed.length).toBeGreaterThan(0);
    expect(containerInstances[0]?.ports.tcp).toEqual(expect.arrayContaining([22, 51678]));
    expect(simulator.stats.snapshot().operations['ecs:ListTasks']).toBe(1);
  });

  it('maps ports behind the load balancers and finds the static-port service', async () => {
    const map = PortMapResponse.parse((await get('/clusters/prod-ec2/port-map').expect(200)).body);
    const web = map.rows.filter((row) => row.service === 'web' && row.container === 'web');
    expect(web.length).toBeGreaterThanOrEqual(3);
    expect(web.every((row) => row.dynamic && row.targetGroupArn?.includes('prod-web'))).toBe(true);
    expect(map.findings).toContainEqual(
      expect.objectContaining({
        kind: 'static-port-behind-load-balancer',
        service: 'legacy-admin',
        hostPort: 8080,
      }),
    );
    expect(map.findings.some((finding) => finding.kind === 'ephemeral-range')).toBe(true);
  });

  it('reads task definition families, revisions and one revision', async () => {
    const { families } = TaskDefinitionFamiliesResponse.parse(
      (await get('/task-definitions/families').expect(200)).body,
    );
    const web = families.find((family) => family.name === 'storefront-web');
    expect(web?.activeRevisions).toBeGreaterThanOrEqual(1);
    const { revisions } = TaskDefinitionRevisionsResponse.parse(
      (await get('/task-definitions/storefront-api/revisions').expect(200)).body,
    );
    const latest = revisions[0];
    expect(latest).toMatchObject({ status: 'ACTIVE' });
    expect(latest?.registeredAt).toBeDefined();
    const { taskDefinition } = TaskDefinitionResponse.parse(
      (await get(`/task-definitions/storefront-api/${latest?.revision}`).expect(200)).body,
    );
    expect(taskDefinition.family).toBe('storefront-api');
    const secrets = taskDefinition.containerDefinitions?.flatMap((c) => c.secrets ?? []) ?? [];
    expect(secrets.length).toBeGreaterThan(0);
    expect(secrets.every((secret) => Object.keys(secret).sort().join() === 'name,valueFrom')).toBe(
      true,
    );
    await get('/task-definitions/storefront-api/9999').expect(404);
    await get('/task-definitions/no-such-family/revisions').expect(404);
  });
});
