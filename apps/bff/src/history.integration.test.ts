import {
  DescribeServicesCommand,
  ListTasksCommand,
  StopTaskCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveHub } from './live/live-hub.js';
import { createEcsServices } from './modules/ecs-routes.js';
import { openStores } from './store/stores.js';
import type { Stores } from './store/types.js';
import { startSimulatedAws, type SimulatedAws } from './testing/simulated-aws.js';

// History beyond AWS's limits, end to end: the live poller records what it sees into the real
// SQLite store; once the simulator (like AWS) has forgotten, the read routes still show it, and
// after a restart of the store too. The simulated clock is paused and moved by advance() only.
const REGION = 'us-east-1';
const CLUSTER = 'prod-ec2';
const HOUR = 3_600_000;
let env: SimulatedAws;
let dataDir: string;
let stores: Stores;
let hub: LiveHub;

const ecs = () => env.aws.clients.ecs(REGION);

/** Moves the fleet on, then lets the poller see the result. */
async function advanceAndPoll(ms: number): Promise<void> {
  env.simulator.clock.advance(ms);
  await hub.pollNow(REGION, CLUSTER);
}

beforeAll(async () => {
  env = await startSimulatedAws();
  env.simulator.clock.pause();
  dataDir = mkdtempSync(join(tmpdir(), 'deckhand-history-'));
  stores = await openStores({ dataDir, retentionDays: 14 });
  hub = new LiveHub({
    aws: env.aws,
    history: stores.history,
    logger: pino({ level: 'silent' }),
    budgetShare: 1,
    schedule: { watchedMs: HOUR, busyMs: HOUR, backgroundMs: HOUR },
  });
  await hub.pollNow(REGION, CLUSTER);
});

afterAll(async () => {
  await hub.close();
  await stores.close();
  await env.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('history beyond what AWS keeps', () => {
  it('keeps a stopped task listed after AWS forgets it, across a restart of the store', async () => {
    const listed = await ecs().send(
      new ListTasksCommand({ cluster: CLUSTER, serviceName: 'api', desiredStatus: 'RUNNING' }),
    );
    const arn = listed.taskArns?.[0];
    if (!arn) throw new Error('the demo api service has no running task');
    await ecs().send(new StopTaskCommand({ cluster: CLUSTER, task: arn, reason: 'history test' }));
    for (let step = 0; step < 4; step += 1) await advanceAndPoll(30_000);

    const stoppedNow = await ecs().send(
      new ListTasksCommand({ cluster: CLUSTER, desiredStatus: 'STOPPED' }),
    );
    expect(stoppedNow.taskArns).toContain(arn);

    // ECS lists stopped tasks for about an hour.
    await advanceAndPoll(2 * HOUR);
    const stoppedLater = await ecs().send(
      new ListTasksCommand({ cluster: CLUSTER, desiredStatus: 'STOPPED' }),
    );
    expect(stoppedLater.taskArns ?? []).not.toContain(arn);

    const { tasks } = await createEcsServices(env.aws.ecs, stores.history).tasks.listTasks(
      REGION,
      CLUSTER,
      { service: 'api', desiredStatus: 'STOPPED' },
    );
    const kept = tasks.find((task) => task.arn === arn);
    expect(kept).toMatchObject({ lastStatus: 'STOPPED', stoppedReason: 'history test' });

    await stores.close();
    stores = await openStores({ dataDir, retentionDays: 14 });
    const afterRestart = await createEcsServices(env.aws.ecs, stores.history).tasks.listTasks(
      REGION,
      CLUSTER,
      { service: 'api', desiredStatus: 'STOPPED' },
    );
    expect(afterRestart.tasks.map((task) => task.arn)).toContain(arn);
    // The hub writes to the store it was given; hand it the reopened one for the next test.
    await hub.close();
    hub = new LiveHub({
      aws: env.aws,
      history: stores.history,
      logger: pino({ level: 'silent' }),
      budgetShare: 1,
      schedule: { watchedMs: HOUR, busyMs: HOUR, backgroundMs: HOUR },
    });
    await hub.pollNow(REGION, CLUSTER);
  });

  it("shows more of a service's events than the 100 AWS keeps", { timeout: 60_000 }, async () => {
    const awsEvents = async () =>
      (await ecs().send(new DescribeServicesCommand({ cluster: CLUSTER, services: ['worker'] })))
        .services?.[0]?.events ?? [];
    const first = (await awsEvents()).at(-1);
    // Each scale out and in adds started/stopped events; poll after every step, as the live
    // poller would, until AWS has dropped events the history kept.
    for (let round = 0; round < 80; round += 1) {
      const desiredCount = round % 2 === 0 ? 3 : 2;
      await ecs().send(
        new UpdateServiceCommand({ cluster: CLUSTER, service: 'worker', desiredCount }),
      );
      await advanceAndPoll(60_000);
      if (
        (await awsEvents()).length === 100 &&
        !(await awsEvents()).some((e) => e.id === first?.id)
      )
        break;
    }
    const fromAws = await awsEvents();
    expect(fromAws).toHaveLength(100);
    expect(fromAws.some((event) => event.id === first?.id)).toBe(false);

    const { service } = await createEcsServices(env.aws.ecs, stores.history).services.getService(
      REGION,
      CLUSTER,
      'worker',
    );
    expect(service.events.length).toBeGreaterThan(100);
    expect(service.events.map((event) => event.id)).toContain(first?.id);
    const times = service.events.map((event) => event.createdAt);
    expect(times).toEqual([...times].sort().reverse());
  });
});
