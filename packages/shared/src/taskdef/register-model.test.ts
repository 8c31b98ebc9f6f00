import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type RegisterModelShape,
  TASK_DEFINITION_ROOT,
  TASK_DEFINITION_SHAPES,
  TaskDefinitionInput,
  TdContainerDefinition,
  TdVolume,
} from '../generated/ecs-register-model.js';

const GENERATOR = fileURLToPath(
  new URL('../../scripts/generate-ecs-register-model.mjs', import.meta.url),
);

const hasBotocore =
  spawnSync('python3', ['-c', 'import botocore'], { encoding: 'utf8' }).status === 0;

function structure(name: string) {
  const shape: RegisterModelShape | undefined = TASK_DEFINITION_SHAPES[name];
  if (shape?.type !== 'structure') throw new Error(`${name} is not a structure in the model`);
  return shape;
}

const TOP_LEVEL = [
  'family',
  'taskRoleArn',
  'executionRoleArn',
  'networkMode',
  'containerDefinitions',
  'volumes',
  'placementConstraints',
  'requiresCompatibilities',
  'cpu',
  'memory',
  'tags',
  'pidMode',
  'ipcMode',
  'proxyConfiguration',
  'inferenceAccelerators',
  'ephemeralStorage',
  'runtimePlatform',
];

const CONTAINER = [
  'name',
  'image',
  'repositoryCredentials',
  'cpu',
  'memory',
  'memoryReservation',
  'links',
  'portMappings',
  'essential',
  'entryPoint',
  'command',
  'environment',
  'environmentFiles',
  'mountPoints',
  'volumesFrom',
  'linuxParameters',
  'secrets',
  'dependsOn',
  'startTimeout',
  'stopTimeout',
  'hostname',
  'user',
  'workingDirectory',
  'disableNetworking',
  'privileged',
  'readonlyRootFilesystem',
  'dnsServers',
  'dnsSearchDomains',
  'extraHosts',
  'dockerSecurityOptions',
  'interactive',
  'pseudoTerminal',
  'dockerLabels',
  'ulimits',
  'logConfiguration',
  'healthCheck',
  'systemControls',
  'resourceRequirements',
  'firelensConfiguration',
];

const VOLUME = [
  'name',
  'host',
  'dockerVolumeConfiguration',
  'efsVolumeConfiguration',
  'fsxWindowsFileServerVolumeConfiguration',
  'configuredAtLaunch',
];

describe('generated RegisterTaskDefinition model', () => {
  it.skipIf(!hasBotocore)('matches the ECS service model botocore ships', () => {
    const check = spawnSync(process.execPath, [GENERATOR, '--check'], { encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('covers every top-level, container and volume member', () => {
    expect(TASK_DEFINITION_ROOT).toBe('RegisterTaskDefinitionRequest');
    expect(Object.keys(TaskDefinitionInput.shape)).toEqual(expect.arrayContaining(TOP_LEVEL));
    expect(Object.keys(structure(TASK_DEFINITION_ROOT).members)).toEqual(
      expect.arrayContaining(TOP_LEVEL),
    );
    expect(Object.keys(TdContainerDefinition.shape)).toEqual(expect.arrayContaining(CONTAINER));
    expect(Object.keys(structure('ContainerDefinition').members)).toEqual(
      expect.arrayContaining(CONTAINER),
    );
    expect(Object.keys(TdVolume.shape)).toEqual(expect.arrayContaining(VOLUME));
    expect(Object.keys(structure('Volume').members)).toEqual(expect.arrayContaining(VOLUME));
  });

  it('describes members with their shape, required flag and a short doc', () => {
    const healthCheck = structure('ContainerDefinition').members.healthCheck;
    expect(healthCheck?.shape).toBe('HealthCheck');
    expect(healthCheck?.required).toBe(false);
    expect(structure('HealthCheck').members.command?.required).toBe(true);
    expect(structure(TASK_DEFINITION_ROOT).members.family?.required).toBe(true);
    expect(structure(TASK_DEFINITION_ROOT).members.containerDefinitions?.required).toBe(true);
    expect(structure(TASK_DEFINITION_ROOT).members.inferenceAccelerators?.deprecated).toBe(true);
    for (const [name, shape] of Object.entries(TASK_DEFINITION_SHAPES)) {
      if (shape.type !== 'structure') continue;
      for (const [member, info] of Object.entries(shape.members)) {
        expect(TASK_DEFINITION_SHAPES[info.shape], `${name}.${member}`).toBeDefined();
        expect(info.doc, `${name}.${member}`).not.toMatch(/<\/?[a-z]+>|&[a-z]+;/);
        expect(info.doc.length, `${name}.${member}`).toBeLessThanOrEqual(300);
      }
    }
    expect(TASK_DEFINITION_SHAPES.NetworkMode).toEqual({
      type: 'string',
      enum: ['bridge', 'host', 'awsvpc', 'none'],
    });
    expect(TASK_DEFINITION_SHAPES.ContainerDefinitions).toEqual({
      type: 'list',
      member: 'ContainerDefinition',
    });
    expect(TASK_DEFINITION_SHAPES.DockerLabelsMap).toEqual({
      type: 'map',
      key: 'String',
      value: 'String',
    });
  });

  it('requires what the model requires and keeps members it does not know', () => {
    const input = {
      family: 'web',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:1.27',
          healthCheck: { command: ['CMD-SHELL', 'curl -f localhost'], interval: 30 },
          ulimits: [{ name: 'nofile', softLimit: 1024, hardLimit: 4096 }],
          futureMember: { a: 1 },
        },
      ],
      volumes: [
        { name: 'host', host: { sourcePath: '/data' } },
        { name: 'docker', dockerVolumeConfiguration: { scope: 'shared', autoprovision: true } },
        {
          name: 'efs',
          efsVolumeConfiguration: { fileSystemId: 'fs-1', transitEncryption: 'ENABLED' },
        },
        {
          name: 'fsx',
          fsxWindowsFileServerVolumeConfiguration: {
            fileSystemId: 'fs-2',
            rootDirectory: '\\data',
            authorizationConfig: { credentialsParameter: 'arn:x', domain: 'corp.example.com' },
          },
        },
        { name: 'ebs', configuredAtLaunch: true },
      ],
      invented: true,
    };
    const parsed = TaskDefinitionInput.parse(input);
    expect(parsed).toEqual(input);
    expect(TaskDefinitionInput.safeParse({ family: 'web' }).success).toBe(false);
    expect(TaskDefinitionInput.safeParse({ containerDefinitions: [] }).success).toBe(false);
    expect(
      TaskDefinitionInput.safeParse({
        family: 'web',
        containerDefinitions: [{ portMappings: [{ containerPort: '80' }] }],
      }).success,
    ).toBe(false);
    // HealthCheck requires command; Ulimit requires its limits.
    expect(TdContainerDefinition.safeParse({ healthCheck: { interval: 30 } }).success).toBe(false);
    expect(TdContainerDefinition.safeParse({ ulimits: [{ name: 'nofile' }] }).success).toBe(false);
    // Enums are strings: a value newer than the model still parses.
    expect(TaskDefinitionInput.safeParse({ ...input, networkMode: 'future' }).success).toBe(true);
  });
});
