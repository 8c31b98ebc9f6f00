import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dockerrunTextToTaskDefinition,
  dockerrunToTaskDefinition,
  taskDefinitionToDockerrun,
} from './dockerrun.js';
import type { JsonObject } from './types.js';

const dockerrun: JsonObject = {
  AWSEBDockerrunVersion: 2,
  volumes: [{ name: 'php-app', host: { sourcePath: '/var/app/current/php-app' } }],
  authentication: { bucket: 'my-bucket', key: 'mykey/.dockercfg' },
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'php-app',
      image: 'php:fpm',
      essential: true,
      memory: 128,
      mountPoints: [
        { sourceVolume: 'php-app', containerPath: '/var/www/html', readOnly: true },
        { sourceVolume: 'awseb-logs-php-app', containerPath: '/var/log/php' },
      ],
    },
    {
      name: 'nginx-proxy',
      image: 'nginx:1.27',
      essential: true,
      memoryReservation: 128,
      portMappings: [{ hostPort: 80, containerPort: 80 }],
      links: ['php-app'],
      mountPoints: [{ sourceVolume: 'awseb-logs-nginx-proxy', containerPath: '/var/log/nginx' }],
    },
  ],
};

const kinds = (notes: ReadonlyArray<{ kind: string; path: string }>) =>
  notes.map((note) => `${note.kind} ${note.path}`);

describe('dockerrunToTaskDefinition', () => {
  it('converts a version 2 file to bridge/EC2 register input', () => {
    const result = dockerrunToTaskDefinition(dockerrun, { family: 'shop' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.taskDefinition).toEqual({
      family: 'shop',
      networkMode: 'bridge',
      requiresCompatibilities: ['EC2'],
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: dockerrun.containerDefinitions,
      volumes: [
        { name: 'php-app', host: { sourcePath: '/var/app/current/php-app' } },
        { name: 'awseb-logs-php-app', host: { sourcePath: '/var/log/containers/php-app' } },
        { name: 'awseb-logs-nginx-proxy', host: { sourcePath: '/var/log/containers/nginx-proxy' } },
      ],
    });
    expect(kinds(result.notes)).toEqual([
      'shape ',
      'changed volumes[1]',
      'changed volumes[2]',
      'changed networkMode',
      'dropped authentication',
    ]);
    const authentication = result.notes.find((note) => note.path === 'authentication');
    expect(authentication?.message).toMatch(/no automatic ECS equivalent/);
    expect(authentication?.message).toMatch(/repositoryCredentials/);
    expect(authentication?.message).toMatch(/Secrets Manager/);
  });

  it('names the family beanstalk-app when none is given, and says so', () => {
    const result = dockerrunToTaskDefinition({ ...dockerrun, AWSEBDockerrunVersion: '2' });
    expect(result.ok && result.taskDefinition.family).toBe('beanstalk-app');
    expect(result.notes.some((note) => note.path === 'family' && note.kind === 'changed')).toBe(
      true,
    );
  });

  it('does not invent memory, and notes the containers that need it', () => {
    const result = dockerrunToTaskDefinition({
      AWSEBDockerrunVersion: 2,
      containerDefinitions: [{ name: 'app', image: 'app:1' }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.taskDefinition.containerDefinitions).toEqual([{ name: 'app', image: 'app:1' }]);
    const memory = result.notes.find((note) => note.path === 'containerDefinitions[0]');
    expect(memory?.message).toMatch(/needs `memory` or `memoryReservation`/);
  });

  it('refuses version 1 files', () => {
    const v1 = {
      AWSEBDockerrunVersion: '1',
      Image: { Name: 'nginx' },
      Ports: [{ ContainerPort: 80 }],
    };
    const result = dockerrunToTaskDefinition(v1);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.error).toMatch(/version 1.*only version 2/is);
    const unversioned = dockerrunToTaskDefinition({ Image: { Name: 'nginx' } });
    expect(!unversioned.ok && unversioned.error).toMatch(/version 1/);
  });

  it('refuses version 3 files', () => {
    const result = dockerrunToTaskDefinition({ AWSEBDockerrunVersion: 3 });
    expect(!result.ok && result.error).toMatch(/version 3.*Compose.*only version 2/is);
  });

  it('refuses a file without a version, or with another one', () => {
    const missing = dockerrunToTaskDefinition({ containerDefinitions: [{ name: 'a' }] });
    expect(!missing.ok && missing.error).toMatch(/Missing `AWSEBDockerrunVersion`/);
    const other = dockerrunToTaskDefinition({ AWSEBDockerrunVersion: 'two' });
    expect(!other.ok && other.error).toMatch(/only version 2/);
  });

  it('asks "did you mean" for misspelt required keys', () => {
    const containers = dockerrun.containerDefinitions;
    const typo = dockerrunToTaskDefinition({
      AWSEBDockerrunVersion: 2,
      containerDefintions: containers,
    });
    expect(typo).toMatchObject({
      ok: false,
      error: 'Unknown key `containerDefintions`: did you mean `containerDefinitions`?',
    });
    const version = dockerrunToTaskDefinition({
      AWSEBDockerunVersion: 2,
      containerDefinitions: containers,
    });
    expect(!version.ok && version.error).toMatch(/did you mean `AWSEBDockerrunVersion`\?/);
  });

  it('notes other unknown keys, with a suggestion for misspelt optional ones', () => {
    const result = dockerrunToTaskDefinition({
      ...dockerrun,
      volumes: undefined,
      volume: [{ name: 'php-app', host: { sourcePath: '/srv' } }],
      extra: true,
    });
    expect(result.ok).toBe(true);
    const volume = result.notes.find((note) => note.path === 'volume');
    expect(volume).toMatchObject({ kind: 'unknown-field' });
    expect(volume?.message).toMatch(/did you mean `volumes`\?/i);
    expect(result.notes.find((note) => note.path === 'extra')?.kind).toBe('unknown-field');
    // php-app is now undeclared: that is worth a note too.
    expect(
      result.notes.some(
        (note) => note.path === 'containerDefinitions[0].mountPoints[0].sourceVolume',
      ),
    ).toBe(true);
  });

  it('refuses what is not a Dockerrun document', () => {
    for (const input of [
      null,
      'text',
      [1],
      { AWSEBDockerrunVersion: 2, containerDefinitions: [] },
    ]) {
      expect(dockerrunToTaskDefinition(input).ok).toBe(false);
    }
  });
});

describe('dockerrunTextToTaskDefinition', () => {
  it('converts valid text', () => {
    const result = dockerrunTextToTaskDefinition(`\uFEFF${JSON.stringify(dockerrun, null, 2)}`);
    expect(result.ok).toBe(true);
  });

  it.each([
    ['{\n  "AWSEBDockerrunVersion": 2,\n  "containerDefinitions": [}\n', 3, 28],
    ['{\n  "AWSEBDockerrunVersion": 2\n  "volumes": []\n}', 3, 3],
    ['{\n  "a": 1,\n}', 3, 1],
    ['{"a": "b\nc"}', 1, 7],
    ['{"a": 1', 1, 8],
  ])('reports a syntax error with its line and column: %j', (text, line, column) => {
    const result = dockerrunTextToTaskDefinition(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(`at line ${line}, column ${column}`);
  });

  it('refuses empty text', () => {
    expect(dockerrunTextToTaskDefinition('  ').ok).toBe(false);
  });
});

describe('taskDefinitionToDockerrun', () => {
  const fargate: JsonObject = {
    taskDefinition: {
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3',
      revision: 3,
      status: 'ACTIVE',
      family: 'web',
      taskRoleArn: 'arn:aws:iam::123456789012:role/web',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '1024',
      memory: '2048',
      pidMode: 'task',
      ipcMode: 'none',
      runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
      ephemeralStorage: { sizeInGiB: 30 },
      placementConstraints: [],
      proxyConfiguration: { type: 'APPMESH', containerName: 'envoy' },
      volumes: [
        { name: 'shared', host: { sourcePath: '/srv/shared' } },
        { name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-1234' } },
        { name: 'scratch' },
      ],
      containerDefinitions: [
        {
          name: 'web',
          image: 'web:1',
          memory: 512,
          portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
          mountPoints: [
            { sourceVolume: 'shared', containerPath: '/shared' },
            { sourceVolume: 'efs', containerPath: '/efs' },
          ],
        },
        { name: 'sidecar', image: 'sidecar:1' },
        { name: 'agent', image: 'agent:1', memoryReservation: 512 },
      ],
    },
    tags: [{ key: 'team', value: 'web' }],
  };

  it('keeps bridge/EC2 content and host volumes, and lists everything it drops', () => {
    const result = taskDefinitionToDockerrun(fargate);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dockerrun).toEqual({
      AWSEBDockerrunVersion: 2,
      volumes: [{ name: 'shared', host: { sourcePath: '/srv/shared' } }],
      containerDefinitions: [
        {
          name: 'web',
          image: 'web:1',
          memory: 512,
          portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
          mountPoints: [{ sourceVolume: 'shared', containerPath: '/shared' }],
        },
        { name: 'sidecar', image: 'sidecar:1', memoryReservation: 1024 },
        { name: 'agent', image: 'agent:1', memoryReservation: 512 },
      ],
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    });
    const dropped = result.notes.filter((note) => note.kind === 'dropped').map((note) => note.path);
    for (const member of [
      'taskRoleArn',
      'pidMode',
      'ipcMode',
      'proxyConfiguration',
      'placementConstraints',
      'runtimePlatform',
      'ephemeralStorage',
      'tags',
      'cpu',
      'memory',
      'family',
      'requiresCompatibilities',
      'volumes[1]',
      'volumes[2]',
      'containerDefinitions[0].mountPoints[1]',
    ]) {
      expect(dropped).toContain(member);
    }
    expect(kinds(result.notes)).toContain('read-only-removed revision');
    expect(kinds(result.notes)).toContain('changed networkMode');
    expect(kinds(result.notes)).toContain('changed containerDefinitions[0].portMappings');
    expect(kinds(result.notes)).toContain('changed containerDefinitions[1].memoryReservation');
  });

  it('publishes awsvpc ports as hostPort = containerPort', () => {
    const result = taskDefinitionToDockerrun({
      networkMode: 'awsvpc',
      containerDefinitions: [
        { name: 'a', image: 'a', memory: 64, portMappings: [{ containerPort: 3000 }] },
      ],
    });
    expect(result.ok && result.dockerrun.containerDefinitions).toEqual([
      {
        name: 'a',
        image: 'a',
        memory: 64,
        portMappings: [{ containerPort: 3000, hostPort: 3000 }],
      },
    ]);
  });

  it('notes containers without memory when the task has none to share', () => {
    const result = taskDefinitionToDockerrun([{ name: 'a', image: 'a' }]);
    expect(result.ok).toBe(true);
    expect(result.notes.find((note) => note.path === 'containerDefinitions[0]')?.message).toMatch(
      /needs `memory` or `memoryReservation`/,
    );
  });

  it('refuses what has no containers', () => {
    for (const input of [null, 7, {}, { containerDefinitions: [] }, { AWSEBDockerrunVersion: 2 }]) {
      expect(taskDefinitionToDockerrun(input).ok).toBe(false);
    }
  });

  it('round-trips dockerrun → task definition → dockerrun', () => {
    const imported = dockerrunToTaskDefinition(dockerrun);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const exported = taskDefinitionToDockerrun(imported.taskDefinition);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const { authentication: _authentication, ...carried } = dockerrun;
    expect(exported.dockerrun).toEqual(carried);
  });

  it('round-trips any v2 file of containers and host volumes (property)', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);
    const file = fc
      .record({
        containers: fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        volumes: fc.uniqueArray(name, { maxLength: 3 }),
        logs: fc.boolean(),
      })
      .map(({ containers, volumes, logs }) => ({
        AWSEBDockerrunVersion: 2,
        ...(volumes.length === 0
          ? {}
          : {
              volumes: volumes.map((volume) => ({
                name: `v-${volume}`,
                host: { sourcePath: `/var/app/current/${volume}` },
              })),
            }),
        containerDefinitions: containers.map((container, index) => ({
          name: container,
          image: `${container}:1`,
          memory: 128,
          mountPoints: [
            ...volumes
              .slice(0, index + 1)
              .map((volume) => ({ sourceVolume: `v-${volume}`, containerPath: `/${volume}` })),
            ...(logs ? [{ sourceVolume: `awseb-logs-${container}`, containerPath: '/logs' }] : []),
          ],
        })),
      }));
    fc.assert(
      fc.property(file, (input) => {
        const imported = dockerrunToTaskDefinition(input);
        if (!imported.ok) throw new Error(imported.error);
        const exported = taskDefinitionToDockerrun(imported.taskDefinition);
        expect(exported.ok && exported.dockerrun).toEqual(input);
      }),
    );
  });

  it('never throws on any input (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(typeof dockerrunToTaskDefinition(input).ok).toBe('boolean');
        expect(typeof taskDefinitionToDockerrun(input).ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        dockerrunToTaskDefinition(input);
        taskDefinitionToDockerrun(input);
        dockerrunTextToTaskDefinition(JSON.stringify(input) ?? '');
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof dockerrunTextToTaskDefinition(text).ok).toBe('boolean');
      }),
    );
  });

  it('never throws on near-Dockerrun documents (property)', () => {
    const near = fc.record(
      {
        AWSEBDockerrunVersion: fc.constantFrom(2, '2', 1, 3, null),
        containerDefinitions: fc.array(
          fc.oneof(
            fc.anything(),
            fc.record({
              name: fc.string(),
              mountPoints: fc.array(fc.record({ sourceVolume: fc.string() })),
            }),
          ),
        ),
        volumes: fc.anything(),
        authentication: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(near, (input) => {
        const imported = dockerrunToTaskDefinition(input);
        if (imported.ok) expect(taskDefinitionToDockerrun(imported.taskDefinition).ok).toBe(true);
      }),
    );
  });
});
