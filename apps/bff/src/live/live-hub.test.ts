import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  ListClustersCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTasksCommand,
  type DescribeServicesCommandInput,
  type DescribeTasksCommandInput,
  type ListTasksCommandInput,
  type Service as SdkService,
  type Task as SdkTask,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { awsError, mockedAwsLayer } from '../testing/mocked-aws.js';
import { MemoryHistory } from '../testing/memory-history.js';
import { clusterArn, sdkBridgeTask, sdkService, taskArn } from '../testing/ecs-sdk-fixtures.js';
import type { LiveSink } from './cluster-poller.js';
import { LiveHub, type LiveHubOptions } from './live-hub.js';
import type { StampedEvent, StreamStart } from './replay-buffer.js';

// The hub's scheduling on fake timers, against a stubbed ECS: intervals, rollouts, failures,
// nudges, background polling, pacing and a vanished cluster.
const ecsMock = mockClient(ECSClient);
const REGION = 'us-east-1';
const CLUSTER = 'prod-ec2';

let services: SdkService[];
let tasks: SdkTask[];
let runningPages: number;
let logs: { level: number; msg: string }[];
let history: MemoryHistory;
let hub: LiveHub | undefined;

class RecordingSink implements LiveSink {
  starts: StreamStart[] = [];
  events: StampedEvent[] = [];
  ended: string[] = [];
  open(start: StreamStart) {
    this.starts.push(start);
  }
  event(stamped: StampedEvent) {
    this.events.push(stamped);
  }
  end(comment: string) {
    this.ended.push(comment);
  }
}

const calls = (command: Parameters<typeof ecsMock.commandCalls>[0]) =>
  ecsMock.commandCalls(command).length;
const cycles = () => calls(ListServicesCommand);

function createHub(overrides: Partial<LiveHubOptions> = {}) {
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => logs.push(JSON.parse(line) as { level: number; msg: string }) },
  );
  hub = new LiveHub({
    aws: mockedAwsLayer(),
    history,
    logger,
    budgetShare: 1,
    ...overrides,
  });
  return hub;
}

function watch(live: LiveHub, service?: string) {
  const sink = new RecordingSink();
  const unsubscribe = live.subscribe({ region: REGION, cluster: CLUSTER, service }, sink);
  return { sink, unsubscribe };
}

beforeEach(() => {
  vi.useFakeTimers();
  ecsMock.reset();
  logs = [];
  history = new MemoryHistory();
  services = [sdkService({ serviceName: 'web' }), sdkService({ serviceName: 'api' })];
  tasks = [sdkBridgeTask()];
  runningPages = 1;
  ecsMock.on(ListServicesCommand).callsFake(() => ({
    serviceArns: services.map((service) => service.serviceArn),
  }));
  ecsMock.on(DescribeServicesCommand).callsFake((input: DescribeServicesCommandInput) => ({
    services: services.filter((service) => input.services?.includes(service.serviceArn ?? '')),
  }));
  ecsMock.on(ListTasksCommand).callsFake((input: ListTasksCommandInput) => {
    const wanted = input.desiredStatus ?? 'RUNNING';
    const page = Number(input.nextToken ?? '1');
    const more = wanted === 'RUNNING' && page < runningPages;
    return {
      taskArns:
        page === 1
          ? tasks.filter((task) => task.desiredStatus === wanted).map((task) => task.taskArn)
          : [],
      nextToken: more ? String(page + 1) : undefined,
    };
  });
  ecsMock.on(DescribeTasksCommand).callsFake((input: DescribeTasksCommandInput) => ({
    tasks: tasks.filter((task) => input.tasks?.includes(task.taskArn ?? '')),
  }));
});

afterEach(async () => {
  await hub?.close();
  hub = undefined;
  vi.useRealTimers();
});

describe('LiveHub scheduling', () => {
  it('polls at once for a first watcher, every 5 s while watched, every 30 s without', async () => {
    const live = createHub();
    const { unsubscribe } = watch(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(cycles()).toBe(1);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(cycles()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cycles()).toBe(2);
    unsubscribe();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(cycles()).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(cycles()).toBe(3);
    expect(live.stats()).toMatchObject({ pollers: 1, subscribers: 0 });
  });

  it('polls every 2 s while a service rolls out', async () => {
    services = [sdkService({ serviceName: 'web', desiredCount: 4, runningCount: 3 })];
    const live = createHub();
    watch(live);
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(cycles()).toBe(2);
  });

  it('shares one poller between any number of watchers', async () => {
    const live = createHub();
    const watchers = Array.from({ length: 50 }, () => watch(live));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(cycles()).toBe(2);
    expect(live.stats()).toMatchObject({ pollers: 1, subscribers: 50 });
    for (const { unsubscribe } of watchers) unsubscribe();
    expect(live.stats().subscribers).toBe(0);
  });

  it('stops and forgets the poller at zero watchers when background polling is off', async () => {
    const live = createHub({ schedule: { backgroundMs: 'off' } });
    const { unsubscribe } = watch(live);
    await vi.advanceTimersByTimeAsync(0);
    unsubscribe();
    expect(live.stats().pollers).toBe(0);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(cycles()).toBe(1);
  });

  it('survives a failed cycle: logs at warn, backs off, recovers', async () => {
    const live = createHub();
    watch(live);
    await vi.advanceTimersByTimeAsync(0);
    ecsMock.on(ListServicesCommand).rejects(awsError('ThrottlingException', 'Rate exceeded'));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(cycles()).toBe(2);
    expect(logs.filter((line) => line.level === 40).map((line) => line.msg)).toEqual([
      'Live poll failed; retrying later',
    ]);
    expect(live.stats().clusters[0]?.failures).toBe(1);
    // Backed off to 10 s after one failure.
    await vi.advanceTimersByTimeAsync(9_999);
    expect(cycles()).toBe(2);
    ecsMock.on(ListServicesCommand).callsFake(() => ({
      serviceArns: services.map((service) => service.serviceArn),
    }));
    await vi.advanceTimersByTimeAsync(1);
    expect(cycles()).toBe(3);
    expect(live.stats().clusters[0]?.failures).toBe(0);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(cycles()).toBe(4);
  });

  it('polls within 500 ms of a nudge, once for a burst of nudges', async () => {
    const live = createHub();
    watch(live);
    await vi.advanceTimersByTimeAsync(1_000);
    live.nudge(REGION, CLUSTER);
    await vi.advanceTimersByTimeAsync(200);
    live.nudge(REGION, CLUSTER);
    live.nudge(REGION, CLUSTER);
    await vi.advanceTimersByTimeAsync(300);
    expect(cycles()).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(cycles()).toBe(2);
    live.nudge(REGION, 'unknown-cluster');
    expect(live.stats().pollers).toBe(1);
  });

  it('stretches the interval of a cluster whose cycle costs many calls', async () => {
    // 50 RUNNING + 1 STOPPED ListTasks pages + 1 DescribeTasks, all clusterResourceRead
    // (20/s × 25% = 5/s): 52 calls need 10.4 s.
    runningPages = 50;
    const live = createHub();
    watch(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(live.stats().clusters[0]?.nextPollInMs).toBe(10_400);
    await vi.advanceTimersByTimeAsync(10_399);
    expect(cycles()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(cycles()).toBe(2);
    // Without a budget share (no throttling), the usual 5 s.
    await live.close();
    const unpaced = createHub({ budgetShare: undefined });
    watch(unpaced);
    await vi.advanceTimersByTimeAsync(0);
    expect(unpaced.stats().clusters[0]?.nextPollInMs).toBe(5_000);
  });

  it('ends the streams of a cluster that no longer exists and drops its poller', async () => {
    ecsMock
      .on(ListServicesCommand)
      .rejects(awsError('ClusterNotFoundException', 'Cluster not found.'));
    const live = createHub();
    const { sink } = watch(live);
    await vi.advanceTimersByTimeAsync(0);
    expect(sink.ended).toEqual([`error: cluster ${CLUSTER} no longer exists in ${REGION}`]);
    expect(live.stats().pollers).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cycles()).toBe(1);
  });
});

describe('LiveHub background polling', () => {
  it('keeps a poller on every active cluster of the regions, with nobody watching', async () => {
    ecsMock.on(ListClustersCommand).resolves({
      clusterArns: [clusterArn(CLUSTER), clusterArn('old')],
    });
    ecsMock.on(DescribeClustersCommand).resolves({
      clusters: [
        { clusterArn: clusterArn(CLUSTER), clusterName: CLUSTER, status: 'ACTIVE' },
        { clusterArn: clusterArn('old'), clusterName: 'old', status: 'INACTIVE' },
      ],
    });
    const live = createHub({ rediscoverMs: 60_000 });
    await live.startBackground([REGION]);
    await live.startBackground([REGION]);
    expect(live.stats().clusters.map((c) => [c.cluster, c.subscribers])).toEqual([[CLUSTER, 0]]);
    await vi.advanceTimersByTimeAsync(0);
    expect(cycles()).toBe(1);
    // The baseline recorded history although nobody watches.
    expect(history.calls.recordServiceEvents).toBe(2);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(cycles()).toBe(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls(ListClustersCommand)).toBe(2);
  });

  it('does nothing in the background when background polling is off', async () => {
    const live = createHub({ schedule: { backgroundMs: 'off' } });
    await live.startBackground([REGION]);
    expect(calls(ListClustersCommand)).toBe(0);
    expect(live.stats().pollers).toBe(0);
  });
});

describe('LiveHub events', () => {
  it('emits nothing for the baseline, then what changed; describes only unsettled tasks', async () => {
    const live = createHub();
    const { sink } = watch(live);
    const { sink: apiOnly } = watch(live, 'api');
    await live.pollNow(REGION, CLUSTER);
    expect(sink.events).toEqual([]);
    expect(calls(DescribeTasksCommand)).toBe(1);
    // The baseline recorded the services' events and deployments.
    expect(history.calls).toMatchObject({ recordServiceEvents: 2, recordDeployment: 2 });

    await live.pollNow(REGION, CLUSTER);
    expect(calls(DescribeTasksCommand)).toBe(1);

    const web = services[0];
    if (!web) throw new Error('web');
    const newTaskId = 'ffffffffffffffffffffffffffffffff';
    const started = sdkBridgeTask({ taskArn: taskArn(CLUSTER, newTaskId) });
    services[0] = {
      ...web,
      runningCount: 4,
      events: [
        {
          id: 'e3',
          createdAt: new Date('2026-11-26T10:00:00Z'),
          message: '(service web) has started 1 tasks: (task ffff).',
        },
        ...(web.events ?? []),
      ],
    };
    tasks = [...tasks, started];
    const report = await live.pollNow(REGION, CLUSTER);
    expect(sink.events.map((stamped) => stamped.event.type)).toEqual([
      'service.event',
      'service.updated',
      'task.started',
    ]);
    expect(report).toMatchObject({ ok: true, events: 3 });
    expect(report.calls).toEqual({
      ListServices: 1,
      DescribeServices: 1,
      ListTasks: 2,
      DescribeTasks: 1,
    });
    expect(ecsMock.commandCalls(DescribeTasksCommand)[1]?.args[0].input.tasks).toEqual([
      started.taskArn,
    ]);
    expect(apiOnly.events).toEqual([]);

    tasks = tasks.map((task) =>
      task.taskArn === started.taskArn
        ? { ...task, lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stopCode: 'UserInitiated' }
        : task,
    );
    await live.pollNow(REGION, CLUSTER);
    const last = sink.events.at(-1)?.event;
    expect(last?.type === 'task.stopped' && last.diagnosis.kind).toBe('user-stopped');
    expect(history.calls.recordTaskStop).toBe(1);
  });

  it('does not emit a service event the history store already had', async () => {
    const live = createHub();
    const { sink } = watch(live);
    await live.pollNow(REGION, CLUSTER);
    const web = services[0];
    if (!web) throw new Error('web');
    const event = { id: 'e9', createdAt: new Date('2026-11-26T10:00:00Z'), message: 'm' };
    // Stored by an earlier life of the BFF.
    await history.recordServiceEvents({ region: REGION, cluster: CLUSTER, service: 'web' }, [
      { id: 'e9', createdAt: '2026-11-26T10:00:00.000Z', message: 'm', kind: 'other' },
    ]);
    services[0] = { ...web, events: [event, ...(web.events ?? [])] };
    await live.pollNow(REGION, CLUSTER);
    expect(sink.events).toEqual([]);
  });

  it('ends every stream on close and accepts none after', async () => {
    const live = createHub();
    const { sink } = watch(live);
    await live.close();
    expect(sink.ended).toEqual(['server shutting down']);
    expect(live.stats().pollers).toBe(0);
    const late = watch(live);
    expect(late.sink.ended).toEqual(['server shutting down']);
  });
});
