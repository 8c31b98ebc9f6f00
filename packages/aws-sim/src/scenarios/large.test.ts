import {
  DescribeTasksCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../simulator.js';
import { startSimulator } from '../testing/sim-client.js';
import { LARGE_CLUSTER_COUNT } from './large.js';

let simulator: Simulator;
let ecs: Awaited<ReturnType<typeof startSimulator>>['ecs'];
let buildMs = 0;

// Building 21,000 tasks is genuinely slow on a loaded 2-core machine: the hook gets the time.
beforeAll(async () => {
  const started = performance.now();
  ({ simulator, ecs } = await startSimulator({ scenario: 'large' }));
  buildMs = performance.now() - started;
  // Paused: no task fails or is replaced while the sweeps page through, however long they take.
  simulator.clock.pause();
}, 120_000);
afterAll(() => simulator.stop());

/** Every page of a List call, at the API's maximum page size. */
async function listAll(
  list: (nextToken?: string) => Promise<{ arns?: string[]; nextToken?: string }>,
) {
  const all: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await list(nextToken);
    all.push(...(page.arns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

describe('the large scenario', () => {
  it('answers a full ListTasks + DescribeTasks sweep of 20,000 tasks', async () => {
    const client = ecs();
    const { clusterArns = [] } = await client.send(new ListClustersCommand({}));
    expect(clusterArns).toHaveLength(LARGE_CLUSTER_COUNT);

    const started = performance.now();
    let listed = 0;
    let running = 0;
    let calls = 0;
    for (const cluster of clusterArns) {
      const arns = await listAll(async (nextToken) => {
        calls += 1;
        const page = await client.send(
          new ListTasksCommand({ cluster, maxResults: 100, nextToken }),
        );
        return { arns: page.taskArns, nextToken: page.nextToken };
      });
      listed += arns.length;
      for (let i = 0; i < arns.length; i += 100) {
        calls += 1;
        const { tasks = [] } = await client.send(
          new DescribeTasksCommand({ cluster, tasks: arns.slice(i, i + 100) }),
        );
        running += tasks.filter((task) => task.lastStatus === 'RUNNING').length;
      }
    }
    const sweepMs = performance.now() - started;
    process.stdout.write(
      `large scenario: built in ${buildMs.toFixed(0)} ms; swept ${listed} tasks in ${calls} calls in ${sweepMs.toFixed(0)} ms\n`,
    );
    expect(listed).toBeGreaterThanOrEqual(20_000);
    expect(running).toBe(listed);
  }, 60_000);

  it('holds one cluster of 20,000 tasks', async () => {
    const client = ecs();
    const arns = await listAll(async (nextToken) => {
      const page = await client.send(
        new ListTasksCommand({ cluster: 'scale-01', maxResults: 100, nextToken }),
      );
      return { arns: page.taskArns, nextToken: page.nextToken };
    });
    expect(arns.length).toBeGreaterThanOrEqual(20_000);
    expect(new Set(arns).size).toBe(arns.length);
  }, 30_000);

  it('holds at least 2,000 services over at least 1,000 container instances', async () => {
    const client = ecs();
    const { clusterArns = [] } = await client.send(new ListClustersCommand({}));
    let services = 0;
    let instances = 0;
    for (const cluster of clusterArns) {
      services += (
        await listAll(async (nextToken) => {
          const page = await client.send(
            new ListServicesCommand({ cluster, maxResults: 100, nextToken }),
          );
          return { arns: page.serviceArns, nextToken: page.nextToken };
        })
      ).length;
      instances += (
        await listAll(async (nextToken) => {
          const page = await client.send(new ListContainerInstancesCommand({ cluster, nextToken }));
          return { arns: page.containerInstanceArns, nextToken: page.nextToken };
        })
      ).length;
    }
    expect(services).toBeGreaterThanOrEqual(2_000);
    expect(instances).toBeGreaterThanOrEqual(1_000);
  }, 30_000);
});
