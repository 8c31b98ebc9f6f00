import { buildContainerInstance, buildTask } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  colourIndex,
  compressPorts,
  hostPorts,
  layoutFleet,
  serviceOfTask,
  unsizedShare,
} from './fleet-layout';

const small = buildContainerInstance({
  id: 'small',
  ec2InstanceId: 'i-small',
  availabilityZone: 'us-east-1b',
  cpu: { registered: 1024, remaining: 0 },
  memory: { registered: 2048, remaining: 0 },
});
const large = buildContainerInstance({
  id: 'large',
  ec2InstanceId: 'i-large',
  availabilityZone: 'us-east-1a',
  cpu: { registered: 4096, remaining: 2048 },
  memory: { registered: 8192, remaining: 4096 },
});

const onLarge = (id: string, cpu: number, memory: number, group = 'service:web') =>
  buildTask({ id, containerInstanceId: 'large', cpu, memory, group });

const fargate = (id: string, availabilityZone: string | undefined, cpu = 256) =>
  buildTask({
    id,
    launchType: 'FARGATE',
    containerInstanceId: undefined,
    ec2InstanceId: undefined,
    availabilityZone,
    cpu,
    memory: 512,
    group: 'service:api',
    eni: { privateIp: '10.0.1.5' },
  });

describe('layoutFleet', () => {
  it('sizes instances by registered CPU and memory relative to the largest', () => {
    const layout = layoutFleet([small, large], []);
    // Sorted by zone, then instance id: us-east-1a first.
    expect(layout.instances.map((box) => box.instance.id)).toEqual(['large', 'small']);
    expect(layout.instances[0]).toMatchObject({ widthPct: 100, heightPct: 100 });
    expect(layout.instances[1]).toMatchObject({ widthPct: 25, heightPct: 25 });
  });

  it('sizes tasks by their reservation as a share of their instance', () => {
    const layout = layoutFleet([large], [onLarge('t1', 1024, 4096), onLarge('t2', 0, 0)]);
    const [first, second] = layout.instances[0]?.tasks ?? [];
    expect(first).toMatchObject({ shortId: 't1', service: 'web', widthPct: 25, heightPct: 50 });
    // No reservation known: still drawn, at the minimum size.
    expect(second).toMatchObject({ widthPct: 4, heightPct: 4 });
  });

  it('puts tasks on the instance they run on and the rest by availability zone', () => {
    const layout = layoutFleet(
      [large],
      [
        onLarge('ec2-task', 512, 512),
        fargate('f-b', 'us-east-1b'),
        fargate('f-a', 'us-east-1a', 1024),
        fargate('f-x', undefined),
        buildTask({ id: 'elsewhere', containerInstanceId: 'not-yet-listed' }),
      ],
    );
    expect(layout.instances[0]?.tasks.map((t) => t.task.id)).toEqual(['ec2-task']);
    expect(layout.zones.map((zone) => zone.availabilityZone)).toEqual([
      'us-east-1a',
      'us-east-1b',
      undefined,
    ]);
    // Fargate blocks are sized against the largest Fargate task.
    expect(layout.zones[0]?.tasks[0]).toMatchObject({ widthPct: 100 });
    expect(layout.zones[1]?.tasks[0]).toMatchObject({ widthPct: 25 });
    expect(layout.unlisted.map((t) => t.task.id)).toEqual(['elsewhere']);
    expect(layout.services).toEqual([
      { service: 'api', count: 3 },
      { service: 'web', count: 2 },
    ]);
  });

  it('collapses an instance with many tasks into counts per service', () => {
    const tasks = Array.from({ length: 41 }, (_, index) =>
      onLarge(
        `t${String(index).padStart(2, '0')}`,
        64,
        64,
        index % 2 ? 'service:api' : 'service:web',
      ),
    );
    const [box] = layoutFleet([large], tasks).instances;
    expect(box?.compact).toBe(true);
    expect(box?.counts).toEqual([
      { service: 'api', count: 20 },
      { service: 'web', count: 21 },
    ]);
    expect(layoutFleet([large], tasks.slice(0, 40)).instances[0]?.compact).toBe(false);
  });

  it('shows the first instances only until all are asked for', () => {
    const many = Array.from({ length: 75 }, (_, index) =>
      buildContainerInstance({
        id: `ci-${index}`,
        ec2InstanceId: `i-${String(index).padStart(3, '0')}`,
      }),
    );
    const first = layoutFleet(many, []);
    expect(first.instances).toHaveLength(60);
    expect(first.hiddenCount).toBe(15);
    const all = layoutFleet(many, [], { showAll: true });
    expect(all.instances).toHaveLength(75);
    expect(all.hiddenCount).toBe(0);
  });
});

describe('colourIndex', () => {
  it('gives a service the same slot every time, whatever else exists', () => {
    expect(colourIndex('web', 12)).toBe(colourIndex('web', 12));
    expect(colourIndex('checkout', 12)).toBe(colourIndex('checkout', 12));
    const slots = new Set(
      ['web', 'api', 'worker', 'xray-daemon', 'cart'].map((name) => colourIndex(name, 12)),
    );
    expect(slots.size).toBeGreaterThan(1);
    for (const slot of slots) expect(slot).toBeGreaterThanOrEqual(0);
    for (const slot of slots) expect(slot).toBeLessThan(12);
  });
});

describe('task details', () => {
  it('names the service from the group, else the family', () => {
    expect(serviceOfTask({ group: 'service:web', taskDefinition: 'web:3' })).toBe('web');
    expect(serviceOfTask({ group: 'family:batch', taskDefinition: 'batch:1' })).toBe('batch');
    expect(serviceOfTask({ taskDefinition: 'migrate:7' })).toBe('migrate');
  });

  it('lists distinct host ports and folds port runs', () => {
    const task = buildTask({
      containers: [
        {
          name: 'web',
          image: 'web:1',
          portMappings: [
            { containerPort: 80, hostPort: 32770, protocol: 'tcp', hostIp: '0.0.0.0' },
            { containerPort: 81, hostPort: 32769, protocol: 'tcp', hostIp: '0.0.0.0' },
            { containerPort: 82, hostPort: 32769, protocol: 'udp', hostIp: '0.0.0.0' },
          ],
        },
      ],
    });
    expect(hostPorts(task)).toEqual([32769, 32770]);
    expect(compressPorts([51680, 22, 2376, 2375, 51678, 51679, 32768])).toBe(
      '22, 2375–2376, 32768, 51678–51680',
    );
    expect(compressPorts([])).toBe('');
  });
});

describe('unsizedShare', () => {
  it('splits what the instance reserved beyond sized tasks evenly over tasks without a size', () => {
    const instance = buildContainerInstance({
      cpu: { registered: 2048, remaining: 1024 },
      memory: { registered: 4096, remaining: 1024 },
    });
    const sized = buildTask({ id: 'a', cpu: 512, memory: 1024 });
    const unsized = [
      buildTask({ id: 'b', cpu: undefined, memory: undefined }),
      buildTask({ id: 'c', cpu: undefined, memory: undefined }),
    ];
    expect(unsizedShare(instance, [sized, ...unsized])).toEqual({ cpu: 256, memory: 1024 });
    expect(unsizedShare(instance, [sized])).toEqual({ cpu: 0, memory: 0 });
  });
});

describe('Fargate grouping', () => {
  it('groups tasks without an instance by zone, then by the subnet of their ENI', () => {
    const fargate = (id: string, zone: string, subnet: string) =>
      buildTask({
        id,
        containerInstanceId: undefined,
        ec2InstanceId: undefined,
        availabilityZone: zone,
        eni: { privateIp: '10.0.0.1', subnetId: subnet },
      });
    const layout = layoutFleet(
      [],
      [
        fargate('a', 'us-east-1b', 'subnet-b'),
        fargate('b', 'us-east-1a', 'subnet-2'),
        fargate('c', 'us-east-1a', 'subnet-1'),
        fargate('d', 'us-east-1a', 'subnet-1'),
      ],
    );
    expect(
      layout.zones.map((zone) => [zone.availabilityZone, zone.subnetId, zone.tasks.length]),
    ).toEqual([
      ['us-east-1a', 'subnet-1', 2],
      ['us-east-1a', 'subnet-2', 1],
      ['us-east-1b', 'subnet-b', 1],
    ]);
  });
});
