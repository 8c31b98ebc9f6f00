import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SimClock } from '../engine/clock.js';
import { advanceFleet } from '../engine/fleet.js';
import { Random } from '../engine/random.js';
import { World } from '../engine/region-state.js';
import { stopTraffic } from '../engine/traffic.js';
import { buildDemo, DEMO_CLUSTERS, DEMO_SERVICES } from './demo.js';
import { STOREFRONT_WEB_PREVIOUS_DIGEST } from './demo-repositories.js';

const REGION = 'us-east-1';
const START = Date.UTC(2026, 10, 26, 9, 0, 0);
const worlds: World[] = [];

/** The demo at a fixed start time, with its fleet advanced by hand. */
function demo(seed = 20_141_113) {
  const world = new World('000000000000');
  worlds.push(world);
  const clock = new SimClock(1, () => START);
  const random = new Random(seed);
  buildDemo({ world, region: REGION, clock, random });
  const state = world.region(REGION);
  const service = (cluster: string, name: string) => {
    const found = state.services.get(state.arn('ecs', `service/${cluster}/${name}`));
    if (!found) throw new Error(`no service ${name}`);
    return found;
  };
  const tasksOf = (cluster: string, name: string) =>
    [...state.tasksOfService(service(cluster, name).arn)].filter(
      (t) => t.desiredStatus === 'RUNNING',
    );
  return {
    state,
    service,
    tasksOf,
    advance: (seconds: number) => advanceFleet(state, START + seconds * 1000, random),
  };
}

// Building the demo (registry, traffic, fleet) takes a moment: the read-only checks share one,
// and nothing moves its time.
let shared: ReturnType<typeof demo>;
beforeAll(() => {
  shared = demo();
});
afterEach(() => {
  for (const world of worlds.splice(1)) stopTraffic(world);
});
afterAll(() => {
  for (const world of worlds.splice(0)) stopTraffic(world);
});

describe('the demo scenario', () => {
  it('is populated the moment it loads: every service task already RUNNING', () => {
    const { state, tasksOf } = shared;
    const clusters = [...state.clusters.values()].map((c) => c.name).sort();
    expect(clusters).toEqual(Object.values(DEMO_CLUSTERS).sort());
    const ec2 = state.instancesOf(state.clusterArn(DEMO_CLUSTERS.ec2));
    expect(ec2.map((i) => i.instanceType)).toEqual(['m5.large', 'm5.large', 'm5.large']);
    expect(state.instancesOf(state.clusterArn(DEMO_CLUSTERS.beanstalk))).toHaveLength(2);
    const counts = Object.fromEntries(
      [
        ...DEMO_SERVICES.ec2.map((n) => [DEMO_CLUSTERS.ec2, n]),
        ...DEMO_SERVICES.fargate.map((n) => [DEMO_CLUSTERS.fargate, n]),
      ].map(([cluster = '', name = '']) => [
        name,
        tasksOf(cluster, name).filter((t) => t.lastStatus === 'RUNNING').length,
      ]),
    );
    expect(counts).toEqual({
      web: 3,
      api: 3,
      worker: 2,
      'xray-daemon': 3,
      'legacy-admin': 3,
      checkout: 3,
      payments: 2,
    });
  });

  it('runs EC2 services behind target groups on dynamic host ports, and X-Ray as a DAEMON on 2000/udp', () => {
    const { service, tasksOf } = shared;
    for (const name of ['web', 'api']) {
      expect(service(DEMO_CLUSTERS.ec2, name).loadBalancers[0]?.targetGroupArn).toMatch(
        /^arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup\//,
      );
      for (const task of tasksOf(DEMO_CLUSTERS.ec2, name)) {
        const [binding] = task.containers[0]?.networkBindings ?? [];
        expect(binding?.hostPort).toBeGreaterThanOrEqual(32768);
        expect(binding?.hostPort).toBeLessThanOrEqual(61000);
      }
    }
    // No placement strategy: the scheduler balanced them over the zones.
    expect(new Set(tasksOf(DEMO_CLUSTERS.ec2, 'api').map((t) => t.availabilityZone)).size).toBe(3);
    expect(service(DEMO_CLUSTERS.ec2, 'xray-daemon').schedulingStrategy).toBe('DAEMON');
    const daemons = tasksOf(DEMO_CLUSTERS.ec2, 'xray-daemon');
    expect(new Set(daemons.map((t) => t.containerInstanceArn)).size).toBe(3);
    expect(daemons[0]?.containers[0]?.networkBindings).toEqual([
      { bindIP: '0.0.0.0', containerPort: 2000, hostPort: 2000, protocol: 'udp' },
    ]);
    expect(tasksOf(DEMO_CLUSTERS.ec2, 'web')[0]?.containers[0]?.image).toMatch(
      /^000000000000\.dkr\.ecr\.us-east-1\.amazonaws\.com\/storefront-web:/,
    );
  });

  it('cannot fit legacy-admin’s fourth task (static host port 8080) and says so', () => {
    // Its own demo: moving time on the shared one would change what the other tests read.
    const { service, advance } = demo();
    advance(5);
    const events = service(DEMO_CLUSTERS.ec2, 'legacy-admin').events.map((e) => e.message);
    expect(
      events.some((m) =>
        /was unable to place a task because no container instance met all of its requirements\. The closest matching \(container-instance [0-9a-f]{32}\) is already using a port required by your task\.$/.test(
          m,
        ),
      ),
    ).toBe(true);
  });

  it('runs Fargate services with ENIs and X-Ray sidecars, over FARGATE and FARGATE_SPOT', () => {
    const { tasksOf } = shared;
    const checkout = tasksOf(DEMO_CLUSTERS.fargate, 'checkout');
    for (const task of checkout) {
      expect(task.launchType).toBe('FARGATE');
      expect(task.containerInstanceArn).toBeUndefined();
      expect(task.attachments[0]?.privateIPv4Address).toMatch(/^10\.\d+\.\d+\.\d+$/);
      expect(task.containers.map((c) => c.name)).toEqual(['checkout-api', 'xray-daemon']);
    }
    expect(new Set(checkout.map((t) => t.availabilityZone)).size).toBe(3);
    expect(checkout.map((t) => t.capacityProviderName).sort()).toEqual([
      'FARGATE',
      'FARGATE_SPOT',
      'FARGATE_SPOT',
    ]);
  });

  it('runs the Elastic Beanstalk environment’s task definition, one task per instance', () => {
    const { state } = shared;
    const tasks = state.tasksOf(state.clusterArn(DEMO_CLUSTERS.beanstalk));
    expect(tasks).toHaveLength(2);
    expect(tasks.map((t) => t.family)).toEqual([DEMO_CLUSTERS.beanstalk, DEMO_CLUSTERS.beanstalk]);
    expect(tasks[0]?.containers.map((c) => c.name)).toEqual(['storefront', 'nginx-proxy']);
    expect(tasks[0]?.networkMode).toBe('bridge');
  });

  it('has a web task still on the build `latest` named before it moved', () => {
    const { tasksOf } = shared;
    const digests = tasksOf(DEMO_CLUSTERS.ec2, 'web').map((t) => t.containers[0]?.imageDigest);
    expect(digests).toContain(STOREFRONT_WEB_PREVIOUS_DIGEST);
    expect(new Set(digests).size).toBe(2);
  });

  it('ships a release every few minutes', () => {
    const { state, advance } = demo();
    const before = [...state.services.values()].reduce(
      (n, s) => n + s.serviceDeployments.length,
      0,
    );
    advance(30 * 60);
    const after = [...state.services.values()].reduce((n, s) => n + s.serviceDeployments.length, 0);
    expect(after - before).toBeGreaterThanOrEqual(3);
  });

  it('writes the same history for the same seed, however time is stepped', () => {
    const history = (seed: number, step: number) => {
      const { state, advance } = demo(seed);
      for (let t = step; t <= 2 * 3600; t += step) advance(t);
      return {
        events: [...state.services.values()].flatMap((s) =>
          s.events.map((e) => `${e.createdAt} ${e.message}`),
        ),
        tasks: [...state.tasks.values()].map((t) => `${t.id} ${t.lastStatus} ${t.stopCode ?? ''}`),
      };
    };
    const coarse = history(5, 3600);
    const fine = history(5, 7);
    expect(fine).toEqual(coarse);
    expect(coarse.events.length).toBeGreaterThan(50);
    expect(history(6, 3600).events).not.toEqual(coarse.events);
  });
});
