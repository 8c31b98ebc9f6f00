import { describe, expect, it } from 'vitest';
import { buildHost } from '../testing/fleet-builders.js';
import { assignPorts, placeTask, reserve, type HostState } from './placement.js';
import { Random } from './random.js';
import { parseSize, readTaskSpec, taskNeeds, type TaskNeeds } from './task-spec.js';

const random = new Random(1);
const none = { strategies: [], constraints: [], random };
const needs = (overrides: Partial<TaskNeeds> = {}): TaskNeeds => ({
  cpu: 256,
  memory: 512,
  ports: [],
  ...overrides,
});
const arn = (id: string) => `arn:aws:ecs:us-east-1:000000000000:container-instance/test/${id}`;
const hostsIn = (...zones: string[]) =>
  zones.map((zone, i) =>
    buildHost({ arn: arn(`i${i}`), id: `i${i}`, availabilityZone: `us-east-1${zone}` }),
  );

describe('what a task reserves', () => {
  it('sums container CPU and memoryReservation, else memory; the task size wins when set', () => {
    const spec = readTaskSpec({
      networkMode: 'bridge',
      containerDefinitions: [
        { name: 'app', cpu: 256, memory: 1024, memoryReservation: 512 },
        { name: 'sidecar', cpu: 32, memory: 128 },
      ],
    });
    expect(taskNeeds(spec)).toMatchObject({ cpu: 288, memory: 640 });
    expect(taskNeeds({ ...spec, cpu: 1024, memory: 2048 })).toMatchObject({
      cpu: 1024,
      memory: 2048,
    });
  });

  it('takes host ports only in bridge and host mode, and reads ECS size units', () => {
    const container = { name: 'app', portMappings: [{ containerPort: 80 }] };
    const ports = (networkMode: string) =>
      taskNeeds(readTaskSpec({ networkMode, containerDefinitions: [container] })).ports;
    expect(ports('bridge')).toEqual([{ containerName: 'app', containerPort: 80, protocol: 'tcp' }]);
    expect(ports('host')).toEqual([
      { containerName: 'app', containerPort: 80, hostPort: 80, protocol: 'tcp' },
    ]);
    expect(ports('awsvpc')).toEqual([]);
    expect(parseSize('1 vCPU')).toBe(1024);
    expect(parseSize('2 GB')).toBe(2048);
    expect(parseSize('512')).toBe(512);
  });
});

describe('placement', () => {
  it('refuses an instance without the CPU, reporting RESOURCE:CPU for it', () => {
    const result = placeTask([buildHost({ cpu: 100 })], needs(), none);
    expect(result).toMatchObject({
      ok: false,
      failures: [{ arn: arn('a'), reason: 'RESOURCE:CPU' }],
      closest: { shortfall: 'CPU' },
    });
  });

  it('refuses an instance without the memory, and places on one that has it', () => {
    const small = buildHost({ arn: arn('small'), id: 'small', memory: 256 });
    const big = buildHost({ arn: arn('big'), id: 'big' });
    expect(placeTask([small], needs(), none)).toMatchObject({
      failures: [{ reason: 'RESOURCE:MEMORY' }],
    });
    const placed = placeTask([small, big], needs(), none);
    expect(placed.ok && placed.host.id).toBe('big');
  });

  it('refuses a static host port already in use, per protocol', () => {
    const host = buildHost({ tcp: new Set([8080]), udp: new Set([2000]) });
    const tcp8080 = needs({
      ports: [{ containerName: 'a', containerPort: 80, hostPort: 8080, protocol: 'tcp' }],
    });
    const udp8080 = needs({
      ports: [{ containerName: 'a', containerPort: 80, hostPort: 8080, protocol: 'udp' }],
    });
    const udp2000 = needs({
      ports: [{ containerName: 'x', containerPort: 2000, hostPort: 2000, protocol: 'udp' }],
    });
    expect(placeTask([host], tcp8080, none)).toMatchObject({
      failures: [{ reason: 'RESOURCE:PORTS' }],
    });
    expect(placeTask([host], udp8080, none).ok).toBe(true);
    expect(placeTask([host], udp2000, none).ok).toBe(false);
  });

  it('refuses the ports the ECS agent reserves (22, 2375, 2376, 51678-51680)', () => {
    for (const hostPort of [22, 2375, 2376, 51678, 51679, 51680]) {
      const result = placeTask(
        [buildHost()],
        needs({ ports: [{ containerName: 'a', containerPort: 1, hostPort, protocol: 'tcp' }] }),
        none,
      );
      expect(result.ok).toBe(false);
    }
  });

  it('gives hostPort 0 the first free port of 32768-61000, a different one per mapping', () => {
    const host = buildHost({ tcp: new Set([22, 32768, 32770]) });
    const bindings = assignPorts(
      host,
      needs({
        ports: [
          { containerName: 'web', containerPort: 80, protocol: 'tcp' },
          { containerName: 'web', containerPort: 443, protocol: 'tcp' },
          { containerName: 'xray', containerPort: 2000, protocol: 'udp' },
        ],
      }),
    );
    expect(bindings?.map((b) => `${b.containerPort}->${b.hostPort}/${b.protocol}`)).toEqual([
      '80->32769/tcp',
      '443->32771/tcp',
      '2000->32768/udp',
    ]);
  });

  it('lets several dynamic-port tasks share an instance but only one static-port task', () => {
    const dynamic = needs({
      ports: [{ containerName: 'web', containerPort: 80, protocol: 'tcp' }],
    });
    const fixed = needs({
      ports: [{ containerName: 'admin', containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
    });
    const host = buildHost();
    for (let i = 0; i < 3; i += 1) {
      const placed = placeTask([host], dynamic, none);
      if (!placed.ok) throw new Error('expected a placement');
      expect(placed.bindings[0]?.hostPort).toBe(32768 + i);
      reserve(host, dynamic, placed.bindings);
    }
    const first = placeTask([host], fixed, none);
    if (!first.ok) throw new Error('expected a placement');
    reserve(host, fixed, first.bindings);
    expect(placeTask([host], fixed, none)).toMatchObject({
      ok: false,
      closest: { host, shortfall: 'PORTS' },
    });
  });

  it('names as closest the instance that meets the most requirements', () => {
    const broke = buildHost({ arn: arn('broke'), id: 'broke', cpu: 0, memory: 0 });
    const busy = buildHost({ arn: arn('busy'), id: 'busy', tcp: new Set([8080]) });
    const result = placeTask(
      [broke, busy],
      needs({
        ports: [{ containerName: 'a', containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
      }),
      none,
    );
    expect(result).toMatchObject({
      ok: false,
      closest: { host: { id: 'busy' }, shortfall: 'PORTS' },
    });
    expect(!result.ok && result.failures).toEqual([
      { arn: arn('broke'), reason: 'RESOURCE:CPU' },
      { arn: arn('busy'), reason: 'RESOURCE:PORTS' },
    ]);
  });

  it('binpacks on memory: the instance with the least memory left that still fits', () => {
    const hosts = [
      buildHost({ arn: arn('a'), id: 'a', memory: 4000 }),
      buildHost({ arn: arn('b'), id: 'b', memory: 600 }),
      buildHost({ arn: arn('c'), id: 'c', memory: 300 }),
    ];
    const placed = placeTask(hosts, needs(), {
      ...none,
      strategies: [{ type: 'binpack', field: 'memory' }],
    });
    expect(placed.ok && placed.host.id).toBe('b');
  });

  it('spreads over availability zones, then instances', () => {
    const hosts = hostsIn('a', 'a', 'b', 'c');
    const strategies = [
      { type: 'spread' as const, field: 'attribute:ecs.availability-zone' },
      { type: 'spread' as const, field: 'instanceId' },
    ];
    const zones: string[] = [];
    const task = needs();
    for (let i = 0; i < 6; i += 1) {
      const placed = placeTask(hosts, task, { ...none, strategies });
      if (!placed.ok) throw new Error('expected a placement');
      reserve(placed.host, task, placed.bindings);
      zones.push(placed.host.availabilityZone.slice(-1));
    }
    expect(zones).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
    expect(hosts.map((h) => h.groupTasks)).toEqual([1, 1, 2, 2]);
  });

  it('honours distinctInstance and memberOf constraints', () => {
    const hosts: HostState[] = [
      buildHost({ arn: arn('a'), id: 'a', groupTasks: 1 }),
      buildHost({
        arn: arn('b'),
        id: 'b',
        attributes: new Map([['ecs.instance-type', 't3.medium']]),
      }),
    ];
    const distinct = placeTask(hosts, needs(), {
      ...none,
      constraints: [{ type: 'distinctInstance' }],
    });
    expect(distinct.ok && distinct.host.id).toBe('b');
    const member = placeTask(hosts, needs(), {
      ...none,
      constraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }],
    });
    expect(member.ok && member.host.id).toBe('a');
    const nowhere = placeTask(hosts, needs(), {
      ...none,
      constraints: [
        { type: 'memberOf', expression: 'attribute:ecs.instance-type in [c5.large, c5.xlarge]' },
      ],
    });
    expect(nowhere).toMatchObject({
      ok: false,
      failures: [{ reason: 'ATTRIBUTE' }, { reason: 'ATTRIBUTE' }],
    });
  });
});
