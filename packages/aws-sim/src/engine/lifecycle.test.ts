import { describe, expect, it } from 'vitest';
import { bridgeDefinition, buildFleet, fargateDefinition } from '../testing/fleet-builders.js';
import { SimClock } from './clock.js';
import { FleetTicker, TICK_MS } from './fleet.js';
import { OUT_OF_MEMORY, requestStop, STOPPED_TASK_RETENTION_MS } from './lifecycle.js';
import type { TaskRecord } from './model.js';

const tg = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/6d0ecf831eec9f09';

/** Advances second by second, recording each status a task passes through. */
function walk(fleet: ReturnType<typeof buildFleet>, task: TaskRecord, seconds: number) {
  const seen = [task.lastStatus as string];
  for (let i = 0; i < seconds; i += 1) {
    fleet.advance(1);
    if (seen.at(-1) !== task.lastStatus) seen.push(task.lastStatus);
  }
  return seen;
}

describe('task lifecycle', () => {
  it('walks PROVISIONING → PENDING → ACTIVATING → RUNNING, stamping each step', () => {
    const fleet = buildFleet();
    const definition = fleet.taskDefinition(bridgeDefinition());
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 1,
    });
    fleet.advance(1);
    const [task] = fleet.tasksOf(service);
    if (!task) throw new Error('no task started');
    expect(task.lastStatus).toBe('PROVISIONING');
    expect(walk(fleet, task, 30)).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
    expect(task.containers[0]).toMatchObject({
      lastStatus: 'RUNNING',
      networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 32768, protocol: 'tcp' }],
    });
    expect(task.containers[0]?.runtimeId).toMatch(/^[0-9a-f]{64}$/);
    const { createdAt, pullStartedAt = 0, pullStoppedAt = 0, startedAt = 0 } = task;
    expect(createdAt).toBeLessThan(pullStartedAt);
    expect(pullStartedAt).toBeLessThan(pullStoppedAt);
    expect(pullStoppedAt).toBeLessThan(startedAt);
    expect(task.startedBy).toBe(service.deployments[0]?.id);
  });

  it('stops through DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED and is gone an hour later', () => {
    const fleet = buildFleet();
    const definition = fleet.taskDefinition(bridgeDefinition());
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 1,
    });
    fleet.advance(60);
    const [task] = fleet.tasksOf(service);
    if (!task) throw new Error('no task started');
    requestStop(fleet.context(), task, 'UserInitiated', 'Maintenance');
    expect(task).toMatchObject({ lastStatus: 'RUNNING', desiredStatus: 'STOPPED' });
    expect(walk(fleet, task, 30)).toEqual([
      'RUNNING',
      'DEACTIVATING',
      'STOPPING',
      'DEPROVISIONING',
      'STOPPED',
    ]);
    expect(task).toMatchObject({ stopCode: 'UserInitiated', stoppedReason: 'Maintenance' });
    expect(task.containers[0]).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    const { stoppingAt = 0, executionStoppedAt = 0, stoppedAt = 0 } = task;
    expect(stoppingAt).toBeLessThan(executionStoppedAt);
    expect(executionStoppedAt).toBeLessThan(stoppedAt);
    // The service replaced it.
    expect(fleet.live(service)).toHaveLength(1);
    fleet.advance(STOPPED_TASK_RETENTION_MS / 1000 - 60);
    expect(fleet.state.tasks.has(task.arn)).toBe(true);
    fleet.advance(120);
    expect(fleet.state.tasks.has(task.arn)).toBe(false);
  });

  it('registers load-balanced tasks as targets and drains them on the way out', () => {
    const fleet = buildFleet();
    const definition = fleet.taskDefinition(bridgeDefinition());
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 1,
      loadBalancers: [{ targetGroupArn: tg, containerName: 'web', containerPort: 80 }],
    });
    fleet.advance(60);
    const [task] = fleet.tasksOf(service);
    if (!task) throw new Error('no task started');
    expect(fleet.messages(service)).toContain(
      `(service web) registered 1 targets in (target-group ${tg})`,
    );
    requestStop(fleet.context(), task, 'UserInitiated', 'Task stopped by user');
    fleet.advance(10);
    expect(task.lastStatus).toBe('DEACTIVATING');
    expect(fleet.messages(service)).toContain(
      '(service web) has begun draining connections on 1 tasks.',
    );
    fleet.advance(60);
    expect(fleet.messages(service)).toContain(
      `(service web) deregistered 1 targets in (target-group ${tg})`,
    );
  });

  it('kills an essential container for memory (exit 137), and the service replaces the task', () => {
    const fleet = buildFleet();
    fleet.state.fleet.faults = { outOfMemory: 1, unhealthy: 0, windowSeconds: [60, 60] };
    const definition = fleet.taskDefinition(bridgeDefinition());
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 1,
    });
    fleet.advance(40);
    const [task] = fleet.tasksOf(service);
    if (!task) throw new Error('no task started');
    fleet.advance(70);
    expect(task).toMatchObject({
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    });
    expect(task.containers[0]).toMatchObject({ exitCode: 137, reason: OUT_OF_MEMORY });
    expect(fleet.live(service)).toHaveLength(1);
    expect(fleet.live(service)[0]?.arn).not.toBe(task.arn);
  });

  it('reports health checks, and the service replaces a task that later fails them', () => {
    const fleet = buildFleet();
    fleet.state.fleet.faults = { outOfMemory: 0, unhealthy: 1, windowSeconds: [60, 60] };
    const healthCheck = {
      command: ['CMD-SHELL', 'exit 0'],
      interval: 10,
      retries: 3,
      startPeriod: 5,
    };
    const definition = fleet.taskDefinition(bridgeDefinition({}, { healthCheck }));
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 1,
    });
    fleet.advance(40);
    const [task] = fleet.tasksOf(service);
    if (!task) throw new Error('no task started');
    expect(task.containers[0]?.healthStatus).toBe('HEALTHY');
    fleet.advance(60);
    expect(task).toMatchObject({
      desiredStatus: 'STOPPED',
      stopCode: 'ServiceSchedulerInitiated',
      stoppedReason: 'Task failed container health checks',
    });
    expect(task.containers[0]?.healthStatus).toBe('UNHEALTHY');
    expect(fleet.messages(service)).toContain(
      `(service web) (task ${task.id}) failed container health checks.`,
    );
    expect(fleet.messages(service)).toContain(
      `(service web) has stopped 1 running tasks: (task ${task.id}).`,
    );
    expect(fleet.live(service).filter((t) => t.arn !== task.arn)).toHaveLength(1);
  });

  it('fails a task whose image cannot be pulled with TaskFailedToStart', () => {
    const fleet = buildFleet();
    const definition = fleet.taskDefinition(bridgeDefinition());
    fleet.state.fleet.unpullableTaskDefinitions.add(definition.arn);
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 1,
    });
    fleet.advance(60);
    const failed = fleet.tasksOf(service).find((t) => t.stopCode === 'TaskFailedToStart');
    expect(failed?.stoppedReason).toMatch(/^CannotPullContainerError: /);
    expect(failed?.startedAt).toBeUndefined();
    expect(service.deployments[0]?.failedTasks).toBeGreaterThan(0);
  });

  it('gives Fargate tasks an ENI with a private IP of their subnet, and frees it at the end', () => {
    const fleet = buildFleet();
    fleet.state.fleet.subnets.declare('subnet-b', 'us-east-1b');
    const definition = fleet.taskDefinition(fargateDefinition());
    const service = fleet.service({
      serviceName: 'api',
      taskDefinition: definition.arn,
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-b'] } },
    });
    fleet.advance(1);
    const [task] = fleet.tasksOf(service);
    if (!task) throw new Error('no task started');
    const [eni] = task.attachments;
    expect(task).toMatchObject({
      launchType: 'FARGATE',
      availabilityZone: 'us-east-1b',
      cpu: '256',
    });
    expect(task.containerInstanceArn).toBeUndefined();
    expect(eni).toMatchObject({ status: 'PRECREATED', subnetId: 'subnet-b' });
    expect(eni?.privateIPv4Address).toMatch(/^10\.0\.0\.\d+$/);
    expect(task.containers[0]?.networkInterfaces).toEqual([
      { attachmentId: eni?.id, privateIpv4Address: eni?.privateIPv4Address },
    ]);
    fleet.advance(80);
    expect(task.lastStatus).toBe('RUNNING');
    expect(eni?.status).toBe('ATTACHED');
    requestStop(fleet.context(), task, 'UserInitiated', 'bye');
    fleet.advance(30);
    expect(task.lastStatus).toBe('STOPPED');
    expect(eni?.status).toBe('DELETED');
  });
});

describe('awsvpc tasks on EC2', () => {
  it('get an ENI in their instance’s zone and take no host ports', () => {
    const fleet = buildFleet();
    ['a', 'b', 'c'].forEach((zone) =>
      fleet.state.fleet.subnets.declare(`subnet-${zone}`, `us-east-1${zone}`),
    );
    const definition = fleet.taskDefinition(
      bridgeDefinition({ networkMode: 'awsvpc' }, { portMappings: [{ containerPort: 80 }] }),
    );
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 3,
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b', 'subnet-c'] },
      },
    });
    fleet.advance(60);
    const tasks = fleet.live(service);
    expect(tasks).toHaveLength(3);
    for (const task of tasks) {
      const instance = fleet.state.containerInstances.get(task.containerInstanceArn ?? '');
      const [eni] = task.attachments;
      expect(eni?.subnetId).toBe(`subnet-${instance?.availabilityZone.slice(-1) ?? ''}`);
      expect(task.reservation.tcpPorts).toEqual([]);
      expect(task.containers[0]?.networkBindings).toEqual([]);
      expect(task.containers[0]?.networkInterfaces[0]?.privateIpv4Address).toBe(
        eni?.privateIPv4Address,
      );
    }
  });
});

describe('the ticker', () => {
  it('scales every delay by the clock speed, and stops', () => {
    const fleet = buildFleet();
    let real = fleet.now;
    const clock = new SimClock(100, () => real);
    const definition = fleet.taskDefinition(bridgeDefinition());
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 1,
    });
    const ticker = new FleetTicker(fleet.world, clock, () => fleet.random);
    ticker.start();
    expect(ticker.running).toBe(true);
    ticker.stop();
    expect(ticker.running).toBe(false);
    // 0.1 real second at speed 100 is 10 simulated seconds: not yet running.
    real += 100;
    ticker.tick();
    expect(fleet.live(service)[0]?.lastStatus).not.toBe('RUNNING');
    // 0.5 real seconds more are 50 simulated seconds: RUNNING.
    real += 500;
    ticker.tick();
    expect(fleet.live(service)[0]?.lastStatus).toBe('RUNNING');
    expect(TICK_MS).toBeLessThanOrEqual(250);
  });
});
