import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseTaskDefinition, taskDefinitionFromUnknown } from './normalise.js';
import type { JsonObject } from './types.js';

const fargate: JsonObject = {
  family: 'checkout',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '1 vCPU',
  memory: '2 GB',
  containerDefinitions: [
    {
      name: 'web',
      image: 'web:1.4.2',
      portMappings: [{ containerPort: 8080 }],
      environment: [],
      mountPoints: [],
      volumesFrom: [],
    },
  ],
};

describe('normaliseTaskDefinition', () => {
  it('applies what ECS does on register', () => {
    expect(normaliseTaskDefinition(fargate)).toEqual({
      family: 'checkout',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '1024',
      memory: '2048',
      containerDefinitions: [
        {
          name: 'web',
          image: 'web:1.4.2',
          essential: true,
          portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
        },
      ],
    });
  });

  it.each([
    ['0.25 vCPU', '256'],
    ['2 vcpu', '2048'],
    [512, '512'],
    ['512', '512'],
  ])('task cpu %j → %j', (cpu, expected) => {
    expect(normaliseTaskDefinition({ cpu }).cpu).toBe(expected);
  });

  it.each([
    ['0.5 GB', '512'],
    ['4GB', '4096'],
    [1024, '1024'],
    ['3072', '3072'],
  ])('task memory %j → %j', (memory, expected) => {
    expect(normaliseTaskDefinition({ memory }).memory).toBe(expected);
  });

  it('keeps values it cannot read', () => {
    expect(normaliseTaskDefinition({ cpu: 'lots', memory: '{{memory}}' })).toEqual({
      cpu: 'lots',
      memory: '{{memory}}',
    });
  });

  it('removes read-only describe members, nulls and empty lists; unwraps describe output', () => {
    const described = {
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
        revision: 7,
        status: 'ACTIVE',
        requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
        compatibilities: ['EC2'],
        registeredAt: '2026-01-01T00:00:00Z',
        registeredBy: 'arn:aws:iam::123456789012:user/me',
        family: 'web',
        taskRoleArn: null,
        volumes: [],
        placementConstraints: [],
        containerDefinitions: [
          { name: 'web', image: 'web:1', cpu: 0, essential: false, dockerLabels: {} },
        ],
      },
      tags: [{ key: 'team', value: 'storefront' }],
    };
    expect(normaliseTaskDefinition(described)).toEqual({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'web:1', essential: false }],
      tags: [{ key: 'team', value: 'storefront' }],
    });
  });

  it('fills host ports by network mode', () => {
    const ports = (networkMode: string | undefined) =>
      normaliseTaskDefinition({
        ...(networkMode === undefined ? {} : { networkMode }),
        containerDefinitions: [
          {
            name: 'a',
            portMappings: [
              { containerPort: 80 },
              { containerPort: 81, hostPort: 8081, protocol: 'udp' },
            ],
          },
        ],
      }).containerDefinitions;
    expect(ports('awsvpc')).toEqual([
      {
        name: 'a',
        essential: true,
        portMappings: [
          { containerPort: 80, hostPort: 80, protocol: 'tcp' },
          { containerPort: 81, hostPort: 8081, protocol: 'udp' },
        ],
      },
    ]);
    for (const mode of ['bridge', undefined]) {
      expect(ports(mode)).toEqual([
        {
          name: 'a',
          essential: true,
          portMappings: [
            { containerPort: 80, hostPort: 0, protocol: 'tcp' },
            { containerPort: 81, hostPort: 8081, protocol: 'udp' },
          ],
        },
      ]);
    }
  });

  it('does not change its argument and is idempotent', () => {
    const copy = structuredClone(fargate);
    const once = normaliseTaskDefinition(fargate);
    expect(fargate).toEqual(copy);
    expect(normaliseTaskDefinition(once)).toEqual(once);
  });

  it('treats a bare containerDefinitions array as a task definition', () => {
    expect(taskDefinitionFromUnknown([{ name: 'a' }])).toEqual({
      containerDefinitions: [{ name: 'a' }],
    });
    expect(taskDefinitionFromUnknown([1, 2])).toBeUndefined();
    expect(taskDefinitionFromUnknown('text')).toBeUndefined();
  });

  it('keeps a member named __proto__ as plain data', () => {
    const input = JSON.parse('{"__proto__": {"x": 1}, "family": "a"}') as JsonObject;
    const result = normaliseTaskDefinition(input);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.hasOwn(result, '__proto__')).toBe(true);
  });

  it('never throws, never changes its argument, and is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const input = value as JsonObject;
        const result = normaliseTaskDefinition(input);
        expect(normaliseTaskDefinition(result)).toEqual(result);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const before = JSON.stringify(value);
        const result = normaliseTaskDefinition(value as JsonObject);
        expect(JSON.stringify(value)).toBe(before);
        expect(normaliseTaskDefinition(result)).toEqual(result);
      }),
    );
  });

  it('is idempotent on task-definition-like documents (property)', () => {
    const port = fc.record(
      {
        containerPort: fc.integer({ min: 1, max: 65535 }),
        hostPort: fc.nat(),
        protocol: fc.constantFrom('tcp', 'udp'),
      },
      { requiredKeys: ['containerPort'] },
    );
    const container = fc.record(
      {
        name: fc.string(),
        image: fc.string(),
        cpu: fc.constantFrom(0, 128, null),
        essential: fc.boolean(),
        portMappings: fc.array(port),
        environment: fc.array(fc.record({ name: fc.string(), value: fc.string() })),
      },
      { requiredKeys: ['name'] },
    );
    const definition = fc.record(
      {
        family: fc.string(),
        networkMode: fc.constantFrom('bridge', 'awsvpc', 'host', 'none'),
        cpu: fc.constantFrom('256', '1 vCPU', 1024, '0.5 vcpu'),
        memory: fc.constantFrom('512', '2 GB', 4096, null),
        containerDefinitions: fc.array(container, { maxLength: 4 }),
        revision: fc.nat(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(definition, (input) => {
        const once = normaliseTaskDefinition(input);
        expect(normaliseTaskDefinition(once)).toEqual(once);
        expect(once).not.toHaveProperty('revision');
      }),
    );
  });
});
