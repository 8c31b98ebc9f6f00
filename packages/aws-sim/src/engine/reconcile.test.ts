import { describe, expect, it } from 'vitest';
import { bridgeDefinition, buildFleet } from '../testing/fleet-builders.js';
import { updateService } from '../services/ecs/services.js';
import { registerInstance } from '../services/ecs/container-instances.js';
import { isHealthyRunning } from './lifecycle.js';
import { wakeService } from './wake.js';

const healthCheck = { command: ['CMD-SHELL', 'exit 0'], interval: 10, retries: 3, startPeriod: 5 };

describe('service reconciliation', () => {
  it('brings a REPLICA service to its desired count and logs it as ECS does', () => {
    const fleet = buildFleet();
    const definition = fleet.taskDefinition(bridgeDefinition());
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 3,
    });
    fleet.advance(60);
    const tasks = fleet.live(service);
    expect(tasks.map((t) => t.lastStatus)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
    // Without a strategy the scheduler balances the tasks over the zones.
    expect(new Set(tasks.map((t) => t.availabilityZone)).size).toBe(3);
    const ids = tasks.map((t) => t.id);
    const [steady, completed, started] = fleet.messages(service);
    expect(started).toBe(
      `(service web) has started 3 tasks: ${ids.map((id) => `(task ${id})`).join(' ')}.`,
    );
    expect(completed).toBe(
      `(service web) (deployment ${service.deployments[0]?.id}) deployment completed.`,
    );
    expect(steady).toBe('(service web) has reached a steady state.');
    expect(service.deployments).toMatchObject([{ status: 'PRIMARY', rolloutState: 'COMPLETED' }]);

    updateService(fleet.context(), { cluster: 'test', service: 'web', desiredCount: 1 });
    fleet.advance(60);
    expect(fleet.live(service)).toHaveLength(1);
    expect(
      fleet
        .messages(service)
        .some((m) => m.startsWith('(service web) has stopped 2 running tasks: ')),
    ).toBe(true);
  });

  it('rolls a new revision out within 100/200 %: never below the desired healthy count', () => {
    const fleet = buildFleet();
    const v1 = fleet.taskDefinition(bridgeDefinition({}, { healthCheck }));
    const v2 = fleet.taskDefinition(bridgeDefinition({}, { healthCheck, image: 'nginx:1.28' }));
    const service = fleet.service({ serviceName: 'web', taskDefinition: v1.arn, desiredCount: 4 });
    fleet.advance(90);
    updateService(fleet.context(), { cluster: 'test', service: 'web', taskDefinition: v2.arn });
    expect(service.deployments.map((d) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ]);
    let most = 0;
    for (let s = 0; s < 180; s += 1) {
      fleet.advance(1);
      const wanted = fleet.live(service);
      most = Math.max(most, wanted.length);
      expect(wanted.filter(isHealthyRunning).length).toBeGreaterThanOrEqual(4);
      expect(wanted.length).toBeLessThanOrEqual(8);
    }
    expect(most).toBe(8);
    expect(fleet.live(service).every((t) => t.taskDefinitionArn === v2.arn)).toBe(true);
    expect(service.deployments).toMatchObject([
      { rolloutState: 'COMPLETED', taskDefinitionArn: v2.arn },
    ]);
    expect(service.serviceDeployments.map((d) => d.status)).toEqual(['SUCCESSFUL', 'SUCCESSFUL']);
  });

  it('rolls out within 50/100 %: never more than the desired count, never below half healthy', () => {
    const fleet = buildFleet();
    const v1 = fleet.taskDefinition(bridgeDefinition());
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: v1.arn,
      desiredCount: 4,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 },
    });
    fleet.advance(60);
    updateService(fleet.context(), { cluster: 'test', service: 'web', forceNewDeployment: true });
    for (let s = 0; s < 180; s += 1) {
      fleet.advance(1);
      const wanted = fleet.live(service);
      expect(wanted.length).toBeLessThanOrEqual(4);
      expect(wanted.filter(isHealthyRunning).length).toBeGreaterThanOrEqual(2);
    }
    expect(service.deployments).toHaveLength(1);
    expect(fleet.live(service).every((t) => t.deploymentId === service.deployments[0]?.id)).toBe(
      true,
    );
  });

  it('runs a DAEMON service once per ACTIVE instance, following instances as they come and go', () => {
    const fleet = buildFleet();
    const definition = fleet.taskDefinition(
      bridgeDefinition(
        { family: 'xray' },
        {
          name: 'xray',
          cpu: 32,
          memoryReservation: 256,
          portMappings: [{ containerPort: 2000, hostPort: 2000, protocol: 'udp' }],
        },
      ),
    );
    const service = fleet.service({
      serviceName: 'xray',
      taskDefinition: definition.arn,
      schedulingStrategy: 'DAEMON',
    });
    fleet.advance(30);
    const onInstances = () =>
      fleet
        .live(service)
        .map((t) => t.containerInstanceArn)
        .sort();
    expect(onInstances()).toEqual(fleet.instances.map((i) => i.arn).sort());
    expect(service.desiredCount).toBe(3);
    const added = registerInstance(
      fleet.state,
      fleet.cluster,
      { instanceType: 'm5.large', cpu: 2048, memory: 7680, availabilityZone: 'us-east-1a' },
      fleet.random,
      fleet.now,
    );
    wakeService(fleet.state, service, fleet.now);
    fleet.advance(30);
    expect(onInstances()).toContain(added.arn);
    expect(service.desiredCount).toBe(4);
    const [first] = fleet.instances;
    if (!first) throw new Error('no instance');
    first.status = 'DRAINING';
    wakeService(fleet.state, service, fleet.now);
    fleet.advance(30);
    expect(onInstances()).not.toContain(first.arn);
    expect(service.desiredCount).toBe(3);
  });

  it('moves service tasks off a DRAINING instance and places nothing new there', () => {
    const fleet = buildFleet();
    const definition = fleet.taskDefinition(bridgeDefinition());
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 6,
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
    });
    fleet.advance(60);
    const [drained] = fleet.instances;
    if (!drained) throw new Error('no instance');
    expect(fleet.live(service).filter((t) => t.containerInstanceArn === drained.arn)).toHaveLength(
      2,
    );
    drained.status = 'DRAINING';
    wakeService(fleet.state, service, fleet.now);
    for (let s = 0; s < 90; s += 1) {
      fleet.advance(1);
      // 100 % minimum healthy: replacements run before the drained tasks stop.
      expect(fleet.live(service).filter(isHealthyRunning).length).toBeGreaterThanOrEqual(6);
    }
    const live = fleet.live(service);
    expect(live).toHaveLength(6);
    expect(live.some((t) => t.containerInstanceArn === drained.arn)).toBe(false);
    expect(
      fleet
        .tasksOf(service)
        .filter((t) => t.containerInstanceArn === drained.arn && t.lastStatus === 'STOPPED'),
    ).toHaveLength(2);
  });

  it('cannot place a fourth task with a static host port on three instances, and says why', () => {
    const fleet = buildFleet();
    const definition = fleet.taskDefinition(
      bridgeDefinition(
        { family: 'admin' },
        { name: 'admin', portMappings: [{ containerPort: 8080, hostPort: 8080 }] },
      ),
    );
    const service = fleet.service({
      serviceName: 'admin',
      taskDefinition: definition.arn,
      desiredCount: 4,
    });
    fleet.advance(60);
    expect(fleet.live(service)).toHaveLength(3);
    const unable = fleet.messages(service).filter((m) => m.includes('unable to place'));
    expect(unable).toHaveLength(1);
    expect(unable[0]).toMatch(
      /^\(service admin\) was unable to place a task because no container instance met all of its requirements\. The closest matching \(container-instance [0-9a-f]{32}\) is already using a port required by your task\.$/,
    );
    expect(service.deployments[0]?.rolloutState).toBe('IN_PROGRESS');
    // It keeps trying, without repeating itself.
    fleet.advance(3600);
    expect(fleet.messages(service).filter((m) => m.includes('unable to place'))).toHaveLength(1);
  });

  it('trips the circuit breaker on a release that fails its health checks, and rolls back', () => {
    const fleet = buildFleet();
    const good = fleet.taskDefinition(bridgeDefinition({}, { healthCheck }));
    const bad = fleet.taskDefinition(bridgeDefinition({}, { healthCheck, image: 'nginx:broken' }));
    fleet.state.fleet.unhealthyTaskDefinitions.add(bad.arn);
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: good.arn,
      desiredCount: 2,
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    fleet.advance(60);
    const goodTasks = fleet.live(service).map((t) => t.arn);
    const goodDeployment = service.deployments[0]?.id ?? '';
    updateService(fleet.context(), { cluster: 'test', service: 'web', taskDefinition: bad.arn });
    const failed = service.deployments[0];
    fleet.advance(600);
    expect(failed).toMatchObject({
      status: 'ACTIVE',
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    expect(failed?.failedTasks).toBeGreaterThanOrEqual(3);
    expect(service.taskDefinitionArn).toBe(good.arn);
    expect(service.deployments).toMatchObject([
      {
        status: 'PRIMARY',
        taskDefinitionArn: good.arn,
        rolloutState: 'COMPLETED',
        rolloutStateReason: expect.stringMatching(/^ECS deployment ecs-svc\/\d{19} completed\.$/),
      },
    ]);
    // The tasks that ran the good revision all along were kept.
    expect(
      fleet
        .live(service)
        .map((t) => t.arn)
        .sort(),
    ).toEqual(goodTasks.sort());
    expect(fleet.messages(service)).toContain(
      `(service web) (deployment ${failed?.id}) deployment failed: tasks failed to start.`,
    );
    expect(service.serviceDeployments[0]).toMatchObject({
      status: 'ROLLBACK_SUCCESSFUL',
      rollback: { reason: 'ECS deployment circuit breaker: tasks failed to start.' },
    });
    expect(goodDeployment).not.toBe(service.deployments[0]?.id);
  });

  it('stops a deleted service’s tasks, then turns it INACTIVE', () => {
    const fleet = buildFleet();
    const definition = fleet.taskDefinition(bridgeDefinition());
    const service = fleet.service({
      serviceName: 'web',
      taskDefinition: definition.arn,
      desiredCount: 2,
      loadBalancers: [
        {
          targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/1',
          containerName: 'web',
          containerPort: 80,
        },
      ],
    });
    fleet.advance(60);
    service.status = 'DRAINING';
    service.desiredCount = 0;
    wakeService(fleet.state, service, fleet.now);
    // Still draining connections (DEACTIVATING): the service stays DRAINING.
    fleet.advance(5);
    expect(service.status).toBe('DRAINING');
    fleet.advance(40);
    expect(service.status).toBe('INACTIVE');
    expect(fleet.live(service)).toHaveLength(0);
  });
});
