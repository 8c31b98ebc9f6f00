import { createSimulator, type Simulator } from '@deckhand/aws-sim';
import { ServicesResponse, TasksResponse } from '@deckhand/shared';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAwsLayer, type AwsLayer } from './aws/aws-layer.js';
import { createEcsServices } from './modules/ecs-routes.js';
import { buildTestApp } from './testing/test-app.js';

// The large scenario through the real routes, SDK and HTTP: complete answers for the
// 20,000-task cluster, with exactly the fewest List/Describe calls the API allows.
let simulator: Simulator;
let aws: AwsLayer;

beforeAll(async () => {
  simulator = createSimulator({ port: 0, scenario: 'large', throttling: 'off' });
  await simulator.start();
  aws = createAwsLayer({
    endpoint: simulator.endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    budgetShare: undefined,
  });
}, 60_000);

afterAll(async () => {
  aws.destroy();
  await simulator.stop();
});

const app = () => buildTestApp({ ecs: createEcsServices(aws.ecs) });

/** ECS calls made since the last reset, per operation (the simulator's own counters). */
function ecsCalls(): Record<string, number> {
  const { operations } = simulator.stats.snapshot();
  return Object.fromEntries(Object.entries(operations).filter(([name]) => name.startsWith('ecs:')));
}

const pages = (count: number, size: number) => Math.max(1, Math.ceil(count / size));

describe('the 20,000-task cluster through the BFF', () => {
  it('answers every task, with one List and one Describe call per 100 tasks', async () => {
    simulator.stats.reset();
    const server = app();
    const response = await request(server).get('/api/v1/clusters/scale-01/tasks').expect(200);
    const { tasks } = TasksResponse.parse(response.body);

    expect(tasks.length).toBeGreaterThanOrEqual(20_000);
    expect(new Set(tasks.map((task) => task.id)).size).toBe(tasks.length);
    expect(tasks.every((task) => task.lastStatus === 'RUNNING' && task.ec2InstanceId)).toBe(true);

    const instances = 600;
    expect(ecsCalls()).toEqual({
      'ecs:ListTasks': pages(tasks.length, 100),
      'ecs:DescribeTasks': pages(tasks.length, 100),
      'ecs:ListContainerInstances': pages(instances, 100),
      'ecs:DescribeContainerInstances': pages(instances, 100),
    });

    // Within the cache's lifetime, the same view costs no AWS call at all.
    simulator.stats.reset();
    await request(server).get('/api/v1/clusters/scale-01/tasks').expect(200);
    expect(ecsCalls()).toEqual({});
  }, 60_000);

  it('answers every service, with ListServices at 100 and DescribeServices at 10 per call', async () => {
    simulator.stats.reset();
    const response = await request(app()).get('/api/v1/clusters/scale-01/services').expect(200);
    const { services } = ServicesResponse.parse(response.body);
    expect(services.length).toBeGreaterThanOrEqual(1_925);
    expect(new Set(services.map((service) => service.name)).size).toBe(services.length);
    const calls = ecsCalls();
    expect(calls['ecs:ListServices']).toBe(pages(services.length, 100));
    expect(calls['ecs:DescribeServices']).toBe(pages(services.length, 10));
  }, 60_000);

  it('stops calling AWS when the browser leaves before the answer', async () => {
    // A budget of 5 % paces cluster-resource reads at one per second after a burst of 5: the
    // 400-call load would take minutes, so leaving early must stop it.
    const slow = createAwsLayer({
      endpoint: simulator.endpoint,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
      budgetShare: 0.05,
    });
    const server = buildTestApp({ ecs: createEcsServices(slow.ecs) }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      simulator.stats.reset();
      const browser = new AbortController();
      const request = fetch(`http://127.0.0.1:${port}/api/v1/clusters/scale-01/tasks`, {
        signal: browser.signal,
      }).catch((error: unknown) => error);
      // Leave once the load is under way and being paced.
      while (simulator.stats.total() < 7) await new Promise((resolve) => setTimeout(resolve, 50));
      browser.abort();
      expect(await request).toMatchObject({ name: 'AbortError' });
      const atAbort = simulator.stats.total();
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      // Over 2.5 s the budget would allow 2-3 more calls: none but the one under way is made.
      expect(simulator.stats.total() - atAbort).toBeLessThanOrEqual(1);
      expect(atAbort).toBeLessThan(20);
    } finally {
      server.closeAllConnections();
      server.close();
      slow.destroy();
    }
  }, 30_000);
});
