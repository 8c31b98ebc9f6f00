import { describe, expect, it } from 'vitest';
import { findViolation } from './taskdef-rules.js';
import { RULE_CASES, ec2, ec2Container, fargate, fargateContainer } from './taskdef-test-cases.js';
import { isFargateSize, parseTaskCpu, parseTaskMemory } from './taskdef-units.js';

describe('findViolation', () => {
  it('accepts the valid base definitions', () => {
    expect(findViolation(ec2())).toBeUndefined();
    expect(findViolation(fargate())).toBeUndefined();
  });

  it('has one case per rule, each with its own name', () => {
    expect(new Set(RULE_CASES.map((c) => c.rule)).size).toBe(RULE_CASES.length);
    expect(RULE_CASES.length).toBeGreaterThanOrEqual(55);
  });

  it.each(RULE_CASES)('$rule', ({ input, message }) => {
    expect(findViolation(input)).toBe(message);
  });

  it.each([
    ['bridge dynamic host port', ec2({}, { portMappings: [{ containerPort: 80, hostPort: 0 }] })],
    ['bridge static host port', ec2({}, { portMappings: [{ containerPort: 80, hostPort: 8080 }] })],
    [
      'awsvpc host port equal to the container port',
      fargate({}, { portMappings: [{ containerPort: 8080, hostPort: 8080 }] }),
    ],
    [
      'a port range without containerPort',
      ec2({}, { portMappings: [{ containerPortRange: '9000-9099' }] }),
    ],
    ['task memory instead of container memory', ec2({ memory: '512' }, { memory: undefined })],
    ['memoryReservation alone', ec2({}, { memory: undefined, memoryReservation: 128 })],
    ['vCPU and GB units', fargate({ cpu: '1 vCPU', memory: '2 GB' })],
    ['EC2 task cpu not on the Fargate table', ec2({ cpu: '1536', memory: '3000' })],
    ['pidMode task on Fargate', fargate({ pidMode: 'task' })],
    [
      'a bind-mount volume on Fargate',
      fargate(
        { volumes: [{ name: 'scratch' }] },
        {
          mountPoints: [{ sourceVolume: 'scratch', containerPath: '/scratch' }],
        },
      ),
    ],
    [
      'links in bridge mode',
      ec2({
        containerDefinitions: [
          ec2Container({ links: ['db'] }),
          ec2Container({ name: 'db', portMappings: [] }),
        ],
      }),
    ],
    [
      'splunk on Fargate without a role',
      fargate(
        { executionRoleArn: undefined },
        {
          logConfiguration: {
            logDriver: 'splunk',
            options: { 'splunk-url': 'https://splunk:8088' },
          },
        },
      ),
    ],
    [
      'an SSM parameter name',
      ec2({}, { secrets: [{ name: 'DB', valueFrom: '/prod/db/password' }] }),
    ],
    [
      'a Secrets Manager ARN',
      ec2(
        {},
        {
          secrets: [
            {
              name: 'DB',
              valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
            },
          ],
        },
      ),
    ],
    [
      'a non-essential COMPLETE target',
      ec2({
        containerDefinitions: [
          ec2Container({ dependsOn: [{ containerName: 'migrate', condition: 'COMPLETE' }] }),
          ec2Container({ name: 'migrate', essential: false, portMappings: [] }),
        ],
      }),
    ],
    [
      'a HEALTHY target with a health check',
      fargate({
        containerDefinitions: [
          fargateContainer({ dependsOn: [{ containerName: 'proxy', condition: 'HEALTHY' }] }),
          fargateContainer({
            name: 'proxy',
            portMappings: [],
            healthCheck: {
              command: ['CMD', 'true'],
              interval: 5,
              timeout: 2,
              retries: 10,
              startPeriod: 0,
            },
          }),
        ],
      }),
    ],
    [
      'ten containers',
      ec2({
        containerDefinitions: Array.from({ length: 10 }, (_, i) =>
          ec2Container({ name: `c${i}`, portMappings: [] }),
        ),
      }),
    ],
  ])('accepts %s', (_name, input) => {
    expect(findViolation(input)).toBeUndefined();
  });
});

describe('task size units', () => {
  it.each([
    ['1024', 1024],
    ['1 vCPU', 1024],
    ['1 vcpu', 1024],
    ['0.25 vCPU', 256],
    ['2vCPUs', 2048],
    [' 512 ', 512],
    ['0.5', undefined],
    ['one', undefined],
    ['', undefined],
    ['-256', undefined],
  ])('cpu %j is %s units', (value, units) => {
    expect(parseTaskCpu(value)).toBe(units);
  });

  it.each([
    ['2048', 2048],
    ['2 GB', 2048],
    ['2GB', 2048],
    ['0.5 GB', 512],
    ['1 GiB', 1024],
    ['512 MiB', 512],
    ['1.3 GB', undefined],
    ['2 TB', undefined],
  ])('memory %j is %s MiB', (value, mib) => {
    expect(parseTaskMemory(value)).toBe(mib);
  });

  it.each([
    [256, 512, true],
    [256, 1536, false],
    [256, 2048, true],
    [512, 4096, true],
    [512, 5120, false],
    [1024, 2048, true],
    [1024, 1024, false],
    [2048, 16_384, true],
    [4096, 30_720, true],
    [4096, 31_744, false],
    [8192, 20_480, true],
    [8192, 18_432, false],
    [16_384, 122_880, true],
    [16_384, 36_864, false],
    [3072, 8192, false],
  ])('Fargate %i CPU with %i MiB: %s', (cpu, memory, valid) => {
    expect(isFargateSize(cpu, memory)).toBe(valid);
  });
});
