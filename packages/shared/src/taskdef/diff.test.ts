import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTaskDefinitions } from './diff.js';
import type { JsonObject } from './types.js';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

function definition(overrides: Partial<JsonObject> = {}): JsonObject {
  return {
    family: 'storefront',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '1 vCPU',
    memory: '2 GB',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'web',
        image: `${ECR}/web:1.4.2`,
        portMappings: [{ containerPort: 8080 }],
        environment: [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'PASSWORD', value: 'hunter2' },
        ],
        secrets: [{ name: 'DB_URL', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db' }],
      },
      { name: 'worker', image: `${ECR}/worker:2`, essential: false },
    ],
    ...overrides,
  };
}

function withWeb(change: (web: JsonObject) => JsonObject): JsonObject {
  const base = definition();
  const containers = base.containerDefinitions as JsonObject[];
  return {
    ...base,
    containerDefinitions: containers.map((container) =>
      container.name === 'web' ? change(container) : container,
    ),
  };
}

describe('diffTaskDefinitions', () => {
  it('finds no changes between identical definitions', () => {
    expect(diffTaskDefinitions(definition(), definition()).changes).toEqual([]);
  });

  it('labels an image tag change', () => {
    const after = withWeb((web) => ({ ...web, image: `${ECR}/web:1.5.0` }));
    expect(diffTaskDefinitions(definition(), after).changes).toEqual([
      {
        kind: 'changed',
        category: 'image',
        path: 'containerDefinitions[0].image',
        label: 'web › image tag 1.4.2 → 1.5.0',
        container: 'web',
        before: `${ECR}/web:1.4.2`,
        after: `${ECR}/web:1.5.0`,
      },
    ]);
  });

  it('labels a repository change as an image change', () => {
    const after = withWeb((web) => ({ ...web, image: `${ECR}/shop:1.4.2` }));
    expect(diffTaskDefinitions(definition(), after).changes.map((c) => c.label)).toEqual([
      'web › image',
    ]);
  });

  it('matches environment variables by name; a reorder is not a change', () => {
    const reordered = withWeb((web) => ({
      ...web,
      environment: [
        { name: 'PASSWORD', value: 'hunter2' },
        { name: 'NODE_ENV', value: 'production' },
      ],
    }));
    expect(diffTaskDefinitions(definition(), reordered).changes).toEqual([]);

    const after = withWeb((web) => ({
      ...web,
      environment: [
        { name: 'PASSWORD', value: 'correct horse' },
        { name: 'LOG_LEVEL', value: 'debug' },
      ],
    }));
    const changes = diffTaskDefinitions(definition(), after).changes;
    expect(
      changes.map(({ kind, label, path, category }) => ({ kind, label, path, category })),
    ).toEqual([
      {
        kind: 'changed',
        label: 'web › env PASSWORD',
        path: 'containerDefinitions[0].environment[0]',
        category: 'environment',
      },
      {
        kind: 'added',
        label: 'web › env LOG_LEVEL',
        path: 'containerDefinitions[0].environment[1]',
        category: 'environment',
      },
      {
        kind: 'removed',
        label: 'web › env NODE_ENV',
        path: 'containerDefinitions[0].environment[0]',
        category: 'environment',
      },
    ]);
    expect(changes[0]?.before).toEqual({ name: 'PASSWORD', value: 'hunter2' });
    expect(changes[0]?.after).toEqual({ name: 'PASSWORD', value: 'correct horse' });
  });

  it('matches secrets by name', () => {
    const after = withWeb((web) => ({
      ...web,
      secrets: [
        { name: 'DB_URL', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db-v2' },
        { name: 'API_KEY', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:k' },
      ],
    }));
    const changes = diffTaskDefinitions(definition(), after).changes;
    expect(changes.map((c) => [c.kind, c.category, c.label])).toEqual([
      ['changed', 'secrets', 'web › secret DB_URL'],
      ['added', 'secrets', 'web › secret API_KEY'],
    ]);
  });

  it('reads "1 vCPU" and "1024", "2 GB" and "2048" as the same', () => {
    const after = definition({ cpu: '1024', memory: '2048' });
    expect(diffTaskDefinitions(definition(), after).changes).toEqual([]);
  });

  it('labels task-level changes and puts them first', () => {
    const after = withWeb((web) => ({ ...web, image: `${ECR}/web:1.5.0` }));
    after.memory = '4096';
    after.taskRoleArn = 'arn:aws:iam::123456789012:role/web';
    const changes = diffTaskDefinitions(definition(), after).changes;
    expect(changes.map((c) => [c.kind, c.category, c.label, c.path])).toEqual([
      ['changed', 'resources', 'task › memory', 'memory'],
      ['added', 'roles', 'task › taskRoleArn', 'taskRoleArn'],
      ['changed', 'image', 'web › image tag 1.4.2 → 1.5.0', 'containerDefinitions[0].image'],
    ]);
  });

  it('matches containers by name; a reorder is not a change', () => {
    const base = definition();
    const reversed = {
      ...base,
      containerDefinitions: [...(base.containerDefinitions as JsonObject[])].reverse(),
    };
    expect(diffTaskDefinitions(base, reversed).changes).toEqual([]);
  });

  it('orders container changes by the after document and reports added and removed containers', () => {
    const after = definition({
      containerDefinitions: [
        { name: 'worker', image: `${ECR}/worker:3`, essential: false },
        { name: 'proxy', image: 'envoy:1.30' },
      ],
    });
    const changes = diffTaskDefinitions(definition(), after).changes;
    expect(changes.map((c) => [c.kind, c.category, c.label, c.path])).toEqual([
      ['changed', 'image', 'worker › image tag 2 → 3', 'containerDefinitions[0].image'],
      ['added', 'containers', 'proxy › container', 'containerDefinitions[1]'],
      ['removed', 'containers', 'web › container', 'containerDefinitions[0]'],
    ]);
  });

  it('sees no change between describe output and the register input it came from', () => {
    const input = definition({ tags: [{ key: 'team', value: 'storefront' }] });
    const described = {
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/storefront:3',
        family: 'storefront',
        revision: 3,
        status: 'ACTIVE',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        compatibilities: ['EC2', 'FARGATE'],
        requiresAttributes: [{ name: 'ecs.capability.task-eni' }],
        cpu: '1024',
        memory: '2048',
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        volumes: [],
        placementConstraints: [],
        registeredAt: '2026-03-01T10:00:00.000Z',
        registeredBy: 'arn:aws:sts::123456789012:assumed-role/deploy/ci',
        containerDefinitions: [
          {
            name: 'web',
            image: `${ECR}/web:1.4.2`,
            cpu: 0,
            essential: true,
            portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
            environment: [
              { name: 'NODE_ENV', value: 'production' },
              { name: 'PASSWORD', value: 'hunter2' },
            ],
            mountPoints: [],
            volumesFrom: [],
            systemControls: [],
            secrets: [
              { name: 'DB_URL', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/db' },
            ],
          },
          {
            name: 'worker',
            image: `${ECR}/worker:2`,
            cpu: 0,
            essential: false,
            environment: [],
            mountPoints: [],
            volumesFrom: [],
          },
        ],
      },
      tags: [{ key: 'team', value: 'storefront' }],
    };
    expect(diffTaskDefinitions(described, input).changes).toEqual([]);
    expect(diffTaskDefinitions(described.taskDefinition, definition()).changes).toEqual([]);
  });

  it('matches port mappings by containerPort and protocol', () => {
    const after = withWeb((web) => ({
      ...web,
      portMappings: [
        { containerPort: 8080, protocol: 'tcp' },
        { containerPort: 9090, protocol: 'udp' },
      ],
    }));
    const changes = diffTaskDefinitions(definition(), after).changes;
    expect(changes.map((c) => [c.kind, c.category, c.label, c.path])).toEqual([
      ['added', 'ports', 'web › port 9090/udp', 'containerDefinitions[0].portMappings[1]'],
    ]);

    const moved = withWeb((web) => ({ ...web, portMappings: [{ containerPort: 8081 }] }));
    expect(diffTaskDefinitions(definition(), moved).changes.map((c) => [c.kind, c.label])).toEqual([
      ['added', 'web › port 8081/tcp'],
      ['removed', 'web › port 8080/tcp'],
    ]);
  });

  it('matches volumes by name and mount points by volume and path', () => {
    const volumes = { volumes: [{ name: 'data', host: { sourcePath: '/srv/data' } }] };
    const mounted = (containerPath: string) =>
      definition({
        ...volumes,
        networkMode: 'bridge',
        containerDefinitions: [
          { name: 'web', image: 'web:1', mountPoints: [{ sourceVolume: 'data', containerPath }] },
        ],
      });
    const changes = diffTaskDefinitions(mounted('/data'), mounted('/var/data')).changes;
    expect(changes.map((c) => [c.kind, c.category, c.label])).toEqual([
      ['added', 'volumes', 'web › mount data:/var/data'],
      ['removed', 'volumes', 'web › mount data:/data'],
    ]);
    const other = mounted('/data');
    other.volumes = [{ name: 'data', host: { sourcePath: '/srv/other' } }];
    expect(
      diffTaskDefinitions(mounted('/data'), other).changes.map((c) => [c.kind, c.label, c.path]),
    ).toEqual([['changed', 'task › volume data', 'volumes[0]']]);
  });

  it('compares nested objects member by member', () => {
    const logs = (group: string) => ({
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': group } },
    });
    const before = withWeb((web) => ({ ...web, ...logs('/ecs/web') }));
    const after = withWeb((web) => ({ ...web, ...logs('/ecs/web-v2') }));
    expect(diffTaskDefinitions(before, after).changes).toEqual([
      {
        kind: 'changed',
        category: 'logging',
        path: 'containerDefinitions[0].logConfiguration.options["awslogs-group"]',
        label: 'web › logConfiguration.options["awslogs-group"]',
        container: 'web',
        before: '/ecs/web',
        after: '/ecs/web-v2',
      },
    ]);
  });

  it('compares a malformed list whole', () => {
    const after = withWeb((web) => ({ ...web, environment: 'NODE_ENV=production' }));
    const changes = diffTaskDefinitions(definition(), after).changes;
    expect(changes.map((c) => [c.kind, c.category, c.label, c.path])).toEqual([
      ['changed', 'environment', 'web › environment', 'containerDefinitions[0].environment'],
    ]);
  });

  it('returns the normalised sides', () => {
    const result = diffTaskDefinitions(
      { taskDefinition: definition({ revision: 4 }) },
      definition(),
    );
    expect(result.before).toEqual(result.after);
    expect(result.before.cpu).toBe('1024');
  });

  it('reads a non-document as empty, and two differing non-documents as one change', () => {
    const added = diffTaskDefinitions(null, { family: 'a' }).changes;
    expect(added).toEqual([
      { kind: 'added', category: 'other', path: 'family', label: 'task › family', after: 'a' },
    ]);
    expect(diffTaskDefinitions(1, 'two').changes).toEqual([
      { kind: 'changed', category: 'other', path: '', label: 'document', before: 1, after: 'two' },
    ]);
    expect(diffTaskDefinitions(undefined, undefined).changes).toEqual([]);
  });

  it('never throws, and finds nothing between a value and itself (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const result = diffTaskDefinitions(a, b);
        expect(Array.isArray(result.changes)).toBe(true);
        expect(diffTaskDefinitions(a, a).changes).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        diffTaskDefinitions(a, b);
        expect(diffTaskDefinitions(a, structuredClone(a)).changes).toEqual([]);
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (x) => {
        expect(diffTaskDefinitions(x, x).changes).toEqual([]);
      }),
    );
  });

  it('finds a change for every edit of a container field (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (from, to) => {
        fc.pre(from !== to);
        const before = withWeb((web) => ({ ...web, command: [from] }));
        const after = withWeb((web) => ({ ...web, command: [to] }));
        const changes = diffTaskDefinitions(before, after).changes;
        expect(changes).toHaveLength(1);
        expect(changes[0]?.label).toBe('web › command');
      }),
    );
  });
});
