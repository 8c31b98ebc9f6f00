import { describe, expect, it } from 'vitest';
import {
  deriveCompatibilities,
  deriveRequiresAttributes,
  normaliseTaskDefinition,
} from './taskdef-normalise.js';
import { ec2, fargate, fargateContainer } from './taskdef-test-cases.js';

const names = (attributes: { name: string }[]) => attributes.map((attribute) => attribute.name);

describe('normaliseTaskDefinition', () => {
  it('fills in what ECS fills in for an EC2 bridge definition', () => {
    const normalised = normaliseTaskDefinition(ec2({ tags: [{ key: 'team', value: 'web' }] }));
    expect(normalised).toEqual({
      family: 'web',
      containerDefinitions: [
        {
          name: 'app',
          image: 'nginx:1.27',
          cpu: 0,
          memory: 256,
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
          essential: true,
          environment: [],
          mountPoints: [],
          volumesFrom: [],
          systemControls: [],
        },
      ],
      volumes: [],
      placementConstraints: [],
    });
  });

  it('turns vCPU and GB strings into numeric strings', () => {
    const normalised = normaliseTaskDefinition(fargate({ cpu: '1 vCPU', memory: '2 GB' }));
    expect(normalised.cpu).toBe('1024');
    expect(normalised.memory).toBe('2048');
    expect(normaliseTaskDefinition(fargate({ cpu: '0.25 vcpu', memory: '0.5GB' }))).toMatchObject({
      cpu: '256',
      memory: '512',
    });
  });

  it('gives awsvpc and host ports their container port, and leaves port ranges alone', () => {
    const awsvpc = normaliseTaskDefinition(
      fargate({}, { portMappings: [{ containerPort: 8080, protocol: 'udp' }] }),
    );
    expect(awsvpc.containerDefinitions?.[0]?.portMappings).toEqual([
      { containerPort: 8080, hostPort: 8080, protocol: 'udp' },
    ]);
    const host = normaliseTaskDefinition(ec2({ networkMode: 'host' }));
    expect(host.containerDefinitions?.[0]?.portMappings).toEqual([
      { containerPort: 80, hostPort: 80, protocol: 'tcp' },
    ]);
    const range = normaliseTaskDefinition(
      ec2({}, { portMappings: [{ containerPortRange: '9000-9099' }] }),
    );
    expect(range.containerDefinitions?.[0]?.portMappings).toEqual([
      { containerPortRange: '9000-9099', protocol: 'tcp' },
    ]);
  });

  it('keeps explicit values and adds health check defaults', () => {
    const normalised = normaliseTaskDefinition(
      ec2(
        {},
        {
          essential: false,
          cpu: 128,
          environment: [{ name: 'MODE', value: 'blue' }],
          healthCheck: { command: ['CMD-SHELL', 'curl -f localhost'], retries: 5 },
        },
      ),
    );
    expect(normalised.containerDefinitions?.[0]).toMatchObject({
      essential: false,
      cpu: 128,
      environment: [{ name: 'MODE', value: 'blue' }],
      healthCheck: {
        command: ['CMD-SHELL', 'curl -f localhost'],
        interval: 30,
        timeout: 5,
        retries: 5,
      },
    });
  });

  it('describes a bare named volume as an empty host volume', () => {
    const normalised = normaliseTaskDefinition(
      ec2({ volumes: [{ name: 'scratch' }, { name: 'logs', host: { sourcePath: '/var/log' } }] }),
    );
    expect(normalised.volumes).toEqual([
      { name: 'scratch', host: {} },
      { name: 'logs', host: { sourcePath: '/var/log' } },
    ]);
  });

  it('is idempotent, so a described definition registers unchanged', () => {
    for (const input of [
      ec2(),
      fargate({ cpu: '1 vCPU', memory: '2 GB' }),
      ec2({ volumes: [{ name: 'v' }] }),
    ]) {
      const once = normaliseTaskDefinition(input);
      expect(normaliseTaskDefinition(once)).toEqual(once);
    }
  });
});

describe('deriveCompatibilities', () => {
  it('lists EXTERNAL and EC2 for bridge, EC2 and FARGATE for a valid awsvpc definition', () => {
    expect(deriveCompatibilities(ec2())).toEqual(['EXTERNAL', 'EC2']);
    expect(deriveCompatibilities(fargate())).toEqual(['EC2', 'FARGATE']);
    // Fargate-ready even though only EC2 was asked for.
    expect(deriveCompatibilities(fargate({ requiresCompatibilities: ['EC2'] }))).toEqual([
      'EC2',
      'FARGATE',
    ]);
  });

  it('leaves FARGATE out when a Fargate rule fails', () => {
    expect(deriveCompatibilities(fargate({ cpu: '512', memory: '8192' }))).toEqual(['EC2']);
    expect(deriveCompatibilities(fargate({}, { privileged: true }))).toEqual(['EC2']);
  });
});

describe('deriveRequiresAttributes', () => {
  it('asks for ENI support, the log driver and the execution role capabilities', () => {
    const attributes = names(
      deriveRequiresAttributes(fargate({ taskRoleArn: 'arn:aws:iam::000000000000:role/api' })),
    );
    expect(attributes).toEqual(
      expect.arrayContaining([
        'com.amazonaws.ecs.capability.task-iam-role',
        'com.amazonaws.ecs.capability.docker-remote-api.1.18',
        'ecs.capability.task-eni',
        'com.amazonaws.ecs.capability.logging-driver.awslogs',
        'ecs.capability.execution-role-awslogs',
      ]),
    );
    expect(new Set(attributes).size).toBe(attributes.length);
  });

  it('asks for health checks, ordering, ECR auth and secrets only when used', () => {
    expect(deriveRequiresAttributes(ec2())).toEqual([]);
    const attributes = names(
      deriveRequiresAttributes(
        fargate({
          containerDefinitions: [
            fargateContainer({
              image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1',
              dependsOn: [{ containerName: 'proxy', condition: 'HEALTHY' }],
              secrets: [{ name: 'DB', valueFrom: '/prod/db' }],
            }),
            fargateContainer({ name: 'proxy', healthCheck: { command: ['CMD', 'true'] } }),
          ],
        }),
      ),
    );
    expect(attributes).toEqual(
      expect.arrayContaining([
        'ecs.capability.container-health-check',
        'ecs.capability.container-ordering',
        'com.amazonaws.ecs.capability.ecr-auth',
        'ecs.capability.execution-role-ecr-pull',
        'ecs.capability.secrets.ssm.environment-variables',
      ]),
    );
  });
});
