import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidFargatePair } from './fargate.js';
import type { JsonObject, JsonValue } from './types.js';
import {
  XRAY_DAEMON_IMAGE,
  XRAY_DAEMON_TAG,
  addXRaySidecar,
  clusterXRayDaemonTaskDefinition,
  hasXRaySidecar,
  pointAtClusterDaemon,
} from './xray.js';

const logs = {
  logDriver: 'awslogs',
  options: {
    'awslogs-group': '/ecs/web',
    'awslogs-region': 'eu-west-1',
    'awslogs-stream-prefix': 'web',
  },
};

function task(networkMode: string, overrides: Partial<JsonObject> = {}): JsonObject {
  return {
    family: 'web',
    networkMode,
    taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
    containerDefinitions: [
      {
        name: 'web',
        image: 'web:1',
        cpu: 256,
        memory: 512,
        environment: [{ name: 'NODE_ENV', value: 'production' }],
        logConfiguration: logs,
      },
      { name: 'worker', image: 'worker:1', cpu: 128, memoryReservation: 256 },
    ],
    ...overrides,
  };
}

const containers = (document: JsonObject) => document.containerDefinitions as JsonObject[];
const container = (document: JsonObject, name: string) =>
  containers(document).find((item) => item.name === name);
const address = (item: JsonObject | undefined) =>
  (item?.environment as JsonObject[] | undefined)
    ?.filter((entry) => entry.name === 'AWS_XRAY_DAEMON_ADDRESS')
    .map((entry) => entry.value) ?? [];

describe('addXRaySidecar', () => {
  it('adds the daemon and links the apps in bridge mode', () => {
    const input = task('bridge');
    const copy = structuredClone(input);
    const { taskDefinition, notes } = addXRaySidecar(input);
    expect(input).toEqual(copy);
    expect(container(taskDefinition, 'xray-daemon')).toEqual({
      name: 'xray-daemon',
      image: `${XRAY_DAEMON_IMAGE}:${XRAY_DAEMON_TAG}`,
      cpu: 32,
      memoryReservation: 256,
      essential: false,
      portMappings: [{ containerPort: 2000, protocol: 'udp', hostPort: 0 }],
      logConfiguration: { ...logs, options: { ...logs.options, 'awslogs-stream-prefix': 'xray' } },
    });
    const web = container(taskDefinition, 'web');
    expect(web?.environment).toEqual([
      { name: 'NODE_ENV', value: 'production' },
      { name: 'AWS_XRAY_DAEMON_ADDRESS', value: 'xray-daemon:2000' },
    ]);
    expect(web?.links).toEqual(['xray-daemon']);
    expect(web?.dependsOn).toEqual([{ containerName: 'xray-daemon', condition: 'START' }]);
    expect(address(container(taskDefinition, 'worker'))).toEqual(['xray-daemon:2000']);
    const messages = notes.map((note) => note.message).join('\n');
    expect(messages).toContain('AWSXRayDaemonWriteAccess');
    expect(messages).toContain('arn:aws:iam::123456789012:role/web-task');
    expect(messages).toContain('https://aws-otel.github.io/docs/getting-started/x-ray');
  });

  it('uses localhost and no host port in awsvpc mode', () => {
    const { taskDefinition } = addXRaySidecar(task('awsvpc'));
    expect(container(taskDefinition, 'xray-daemon')?.portMappings).toEqual([
      { containerPort: 2000, protocol: 'udp' },
    ]);
    expect(address(container(taskDefinition, 'web'))).toEqual(['localhost:2000']);
    expect(container(taskDefinition, 'web')?.links).toBeUndefined();
  });

  it('uses 127.0.0.1 and host port 2000 in host mode', () => {
    const { taskDefinition } = addXRaySidecar(task('host'));
    expect(container(taskDefinition, 'xray-daemon')?.portMappings).toEqual([
      { containerPort: 2000, protocol: 'udp', hostPort: 2000 },
    ]);
    expect(address(container(taskDefinition, 'web'))).toEqual(['127.0.0.1:2000']);
  });

  it('replaces an existing daemon address instead of adding a second', () => {
    const input = task('awsvpc');
    const web = containers(input)[0] as JsonObject;
    web.environment = [
      { name: 'AWS_XRAY_DAEMON_ADDRESS', value: 'old:2000' },
      { name: 'NODE_ENV', value: 'production' },
      { name: 'AWS_XRAY_DAEMON_ADDRESS', value: 'older:2000' },
    ];
    const { taskDefinition } = addXRaySidecar(input);
    expect(container(taskDefinition, 'web')?.environment).toEqual([
      { name: 'AWS_XRAY_DAEMON_ADDRESS', value: 'localhost:2000' },
      { name: 'NODE_ENV', value: 'production' },
    ]);
  });

  it('points only the named app containers when asked', () => {
    const { taskDefinition, notes } = addXRaySidecar(task('bridge'), {
      appContainers: ['worker', 'missing'],
    });
    expect(address(container(taskDefinition, 'web'))).toEqual([]);
    expect(address(container(taskDefinition, 'worker'))).toEqual(['xray-daemon:2000']);
    // The daemon logs like the first app container that has awslogs: here there is none.
    expect(container(taskDefinition, 'xray-daemon')?.logConfiguration).toBeUndefined();
    expect(notes.some((note) => note.message.includes('`missing`'))).toBe(true);
  });

  it('is idempotent: a second run adds nothing and says so', () => {
    const once = addXRaySidecar(task('bridge')).taskDefinition;
    expect(hasXRaySidecar(once)).toBe(true);
    const twice = addXRaySidecar(once);
    expect(twice.taskDefinition).toEqual(once);
    expect(twice.notes).toHaveLength(1);
    expect(twice.notes[0]?.message).toMatch(/already runs an X-Ray daemon/);
  });

  it('notes a missing task role', () => {
    const { notes } = addXRaySidecar(task('bridge', { taskRoleArn: undefined }));
    expect(
      notes.some((note) => /no taskRoleArn yet.*AWSXRayDaemonWriteAccess/.test(note.message)),
    ).toBe(true);
  });

  it('bumps a Fargate task to the nearest valid size when the daemon does not fit', () => {
    const fargate = task('awsvpc', {
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      containerDefinitions: [{ name: 'app', image: 'app:1', cpu: 512, memoryReservation: 1024 }],
    });
    const { taskDefinition, notes } = addXRaySidecar(fargate);
    expect(taskDefinition.cpu).toBe('1024');
    expect(taskDefinition.memory).toBe('2048');
    expect(notes.some((note) => note.kind === 'changed' && note.path === 'cpu')).toBe(true);
  });

  it('leaves a valid Fargate size that has room', () => {
    const fargate = task('awsvpc', {
      requiresCompatibilities: ['FARGATE'],
      cpu: '1 vCPU',
      memory: '2 GB',
    });
    const { taskDefinition, notes } = addXRaySidecar(fargate);
    expect(taskDefinition.cpu).toBe('1 vCPU');
    expect(taskDefinition.memory).toBe('2 GB');
    expect(notes.some((note) => note.path === 'cpu')).toBe(false);
  });

  it('keeps any Fargate task a valid size that holds its containers (property)', () => {
    const app = fc.record({
      cpu: fc.integer({ min: 0, max: 4096 }),
      memoryReservation: fc.integer({ min: 6, max: 8192 }),
    });
    fc.assert(
      fc.property(
        fc.array(app, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('256', '512', '1024', '2048', undefined),
        fc.constantFrom('512', '1024', '3072', '8192', undefined),
        (apps, cpu, memory) => {
          const input = task('awsvpc', {
            requiresCompatibilities: ['FARGATE'],
            ...(cpu === undefined ? {} : { cpu }),
            ...(memory === undefined ? {} : { memory }),
            containerDefinitions: apps.map((sizes, index) => ({
              name: `app${index}`,
              image: 'a:1',
              ...sizes,
            })),
          });
          const { taskDefinition } = addXRaySidecar(input);
          const total = (key: string) =>
            containers(taskDefinition).reduce((sum, item) => sum + Number(item[key] ?? 0), 0);
          const taskCpu = Number(taskDefinition.cpu);
          const taskMemory = Number(taskDefinition.memory);
          expect(isValidFargatePair(taskCpu, taskMemory)).toBe(true);
          if (total('cpu') <= 16384 && total('memoryReservation') <= 122880) {
            expect(total('cpu')).toBeLessThanOrEqual(taskCpu);
            expect(total('memoryReservation')).toBeLessThanOrEqual(taskMemory);
          }
        },
      ),
    );
  });

  it('leaves a task it cannot help unchanged, with a note', () => {
    for (const input of [{ family: 'x' }, task('none')]) {
      const result = addXRaySidecar(input);
      expect(result.taskDefinition).toEqual(input);
      expect(result.notes).toHaveLength(1);
    }
  });

  it('never throws (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = addXRaySidecar(input as JsonObject);
        if (hasXRaySidecar(result.taskDefinition)) {
          expect(addXRaySidecar(result.taskDefinition).taskDefinition).toEqual(
            result.taskDefinition,
          );
        }
        pointAtClusterDaemon(input as JsonObject);
        hasXRaySidecar(input as JsonObject);
      }),
    );
  });
});

describe('hasXRaySidecar', () => {
  it.each<[JsonValue, boolean]>([
    [{ name: 'xray-daemon', image: 'x' }, true],
    [{ name: 'tracing', image: 'amazon/aws-xray-daemon:3.3.0' }, true],
    [{ name: 'tracing', image: `${XRAY_DAEMON_IMAGE}@sha256:${'a'.repeat(64)}` }, true],
    [{ name: 'web', image: 'web:1' }, false],
  ])('%j → %s', (item, expected) => {
    expect(hasXRaySidecar({ containerDefinitions: [item] })).toBe(expected);
  });
});

describe('pointAtClusterDaemon', () => {
  it('uses the docker0 gateway in bridge mode', () => {
    const { taskDefinition, notes } = pointAtClusterDaemon(task('bridge'));
    expect(address(container(taskDefinition, 'web'))).toEqual(['172.17.0.1:2000']);
    expect(address(container(taskDefinition, 'worker'))).toEqual(['172.17.0.1:2000']);
    expect(containers(taskDefinition)).toHaveLength(2);
    expect(notes.some((note) => note.message.includes('DAEMON service'))).toBe(true);
  });

  it('uses 127.0.0.1 in host mode', () => {
    const { taskDefinition } = pointAtClusterDaemon(task('host'), { appContainers: ['web'] });
    expect(address(container(taskDefinition, 'web'))).toEqual(['127.0.0.1:2000']);
    expect(address(container(taskDefinition, 'worker'))).toEqual([]);
  });

  it('leaves an awsvpc task unchanged and recommends the sidecar', () => {
    const input = task('awsvpc');
    const { taskDefinition, notes } = pointAtClusterDaemon(input);
    expect(taskDefinition).toEqual(input);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.message).toMatch(/sidecar/);
  });

  it('leaves an existing sidecar in place, with a note', () => {
    const withSidecar = addXRaySidecar(task('bridge')).taskDefinition;
    const { taskDefinition, notes } = pointAtClusterDaemon(withSidecar);
    expect(hasXRaySidecar(taskDefinition)).toBe(true);
    expect(address(container(taskDefinition, 'web'))).toEqual(['172.17.0.1:2000']);
    expect(notes.some((note) => note.message.includes('own X-Ray daemon container'))).toBe(true);
  });
});

describe('clusterXRayDaemonTaskDefinition', () => {
  it('describes a bridge-mode daemon publishing 2000/udp on the instance', () => {
    expect(clusterXRayDaemonTaskDefinition()).toEqual({
      family: 'xray-daemon',
      networkMode: 'bridge',
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [
        {
          name: 'xray-daemon',
          image: `${XRAY_DAEMON_IMAGE}:${XRAY_DAEMON_TAG}`,
          cpu: 32,
          memoryReservation: 256,
          essential: true,
          portMappings: [{ containerPort: 2000, hostPort: 2000, protocol: 'udp' }],
        },
      ],
    });
    expect(clusterXRayDaemonTaskDefinition({ family: 'tracing' }).family).toBe('tracing');
  });
});
