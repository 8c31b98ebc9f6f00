import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ImportResult,
  importTaskDefinition,
  importTaskDefinitionText,
  READ_ONLY_MEMBERS,
} from './import.js';
import type { ConversionNote, JsonObject } from './types.js';

/** A Fargate revision as the ECS console's JSON tab exports it: read-only members, nulls, empties. */
const consoleExport = () => ({
  taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/checkout-api:14',
  containerDefinitions: [
    {
      name: 'checkout-api',
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/checkout-api:2.4.1',
      cpu: 0,
      portMappings: [
        {
          name: 'checkout-api-8080-tcp',
          containerPort: 8080,
          hostPort: 8080,
          protocol: 'tcp',
          appProtocol: 'http',
        },
      ],
      essential: true,
      environment: [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }],
      environmentFiles: [],
      mountPoints: [],
      volumesFrom: [],
      secrets: [
        {
          name: 'DB_PASSWORD',
          valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:checkout/db-AbCdEf',
        },
      ],
      user: null,
      ulimits: [],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/checkout-api',
          'awslogs-region': 'eu-west-1',
          'awslogs-stream-prefix': 'ecs',
        },
        secretOptions: [],
      },
      healthCheck: {
        command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],
        interval: 30,
        timeout: 5,
        retries: 3,
        startPeriod: null,
      },
      systemControls: [],
    },
  ],
  family: 'checkout-api',
  taskRoleArn: 'arn:aws:iam::123456789012:role/checkout-api-task',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  networkMode: 'awsvpc',
  revision: 14,
  volumes: [],
  status: 'ACTIVE',
  requiresAttributes: [
    { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
    { name: 'ecs.capability.execution-role-awslogs' },
    { name: 'com.amazonaws.ecs.capability.ecr-auth' },
    { name: 'ecs.capability.secrets.asm.environment-variables' },
    { name: 'ecs.capability.task-eni' },
  ],
  placementConstraints: [],
  compatibilities: ['EC2', 'FARGATE'],
  requiresCompatibilities: ['FARGATE'],
  cpu: '512',
  memory: '1024',
  proxyConfiguration: null,
  runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
  registeredAt: '2025-03-04T10:12:45.123Z',
  registeredBy: 'arn:aws:sts::123456789012:assumed-role/deploy/ci',
  enableFaultInjection: false,
});

/** An EC2 bridge-mode RegisterTaskDefinition input with a sidecar, as a repository keeps it. */
const bridgeInput = () => ({
  family: 'legacy-web',
  networkMode: 'bridge',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [
    {
      name: 'web',
      image: 'registry.example.com/legacy/web:7.2.0',
      memoryReservation: 512,
      cpu: 256,
      essential: true,
      links: ['xray-daemon'],
      portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }],
      environment: [{ name: 'AWS_XRAY_DAEMON_ADDRESS', value: 'xray-daemon:2000' }],
      mountPoints: [{ sourceVolume: 'uploads', containerPath: '/srv/uploads' }],
      dockerLabels: { 'com.example.team': 'web', 'com.example.tier': 'frontend' },
      ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
      dependsOn: [{ containerName: 'xray-daemon', condition: 'START' }],
    },
    {
      name: 'xray-daemon',
      image: 'public.ecr.aws/xray/aws-xray-daemon:3.3.12',
      cpu: 32,
      memoryReservation: 256,
      essential: false,
      portMappings: [{ containerPort: 2000, hostPort: 0, protocol: 'udp' }],
    },
  ],
  volumes: [{ name: 'uploads', host: { sourcePath: '/mnt/uploads' } }],
  tags: [{ key: 'team', value: 'web' }],
});

function expectOk(result: ImportResult) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.error}`);
  return result;
}

const kinds = (notes: readonly ConversionNote[], kind: ConversionNote['kind']) =>
  notes.filter((note) => note.kind === kind).map((note) => note.path);

describe('importTaskDefinition: the four shapes', () => {
  it('takes a clean RegisterTaskDefinition input as it is, without notes', () => {
    const input = bridgeInput();
    const before = JSON.stringify(input);
    const result = expectOk(importTaskDefinition(input));
    expect(result.shape).toBe('register-input');
    expect(result.notes).toEqual([]);
    expect(JSON.stringify(result.taskDefinition)).toBe(before);
    expect(result.taskDefinition).not.toBe(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('unwraps describe-task-definition output and carries its tags over', () => {
    const result = expectOk(
      importTaskDefinition({
        taskDefinition: consoleExport(),
        tags: [{ key: 'team', value: 'payments' }],
        stale: false,
        asOf: '2025-03-04T10:20:00.000Z',
      }),
    );
    expect(result.shape).toBe('describe-output');
    expect(result.taskDefinition.tags).toEqual([{ key: 'team', value: 'payments' }]);
    expect(Object.keys(result.taskDefinition).at(-1)).toBe('tags');
    expect(kinds(result.notes, 'shape')).toHaveLength(1);
    const ignored = result.notes.filter((note) => note.message.startsWith('Ignored'));
    expect(ignored.map((note) => note.message)).toEqual([
      'Ignored stale of the describe output.',
      'Ignored asOf of the describe output.',
    ]);
    for (const member of READ_ONLY_MEMBERS)
      expect(result.taskDefinition).not.toHaveProperty(member);
  });

  it('leaves tags out when the describe output has none', () => {
    const result = expectOk(importTaskDefinition({ taskDefinition: bridgeInput(), tags: [] }));
    expect(result.taskDefinition.tags).toEqual([{ key: 'team', value: 'web' }]);
    const untagged = expectOk(
      importTaskDefinition({ taskDefinition: { ...consoleExport() }, tags: [] }),
    );
    expect(untagged.taskDefinition).not.toHaveProperty('tags');
    expect(untagged.notes.some((note) => note.message.includes('tags'))).toBe(false);
  });

  it('drops the read-only members of unwrapped describe output, one note each, keeping the order', () => {
    const input = consoleExport();
    const result = expectOk(importTaskDefinition(input));
    expect(result.shape).toBe('describe-output-unwrapped');
    expect(kinds(result.notes, 'read-only-removed')).toEqual([
      'taskDefinitionArn',
      'revision',
      'status',
      'requiresAttributes',
      'compatibilities',
      'registeredAt',
      'registeredBy',
    ]);
    expect(Object.keys(result.taskDefinition)).toEqual(
      Object.keys(input).filter(
        (key) => !READ_ONLY_MEMBERS.includes(key) && key !== 'proxyConfiguration',
      ),
    );
    expect(result.taskDefinition.cpu).toBe('512');
    expect(result.taskDefinition.requiresCompatibilities).toEqual(['FARGATE']);
    // Empty arrays are what the user (or the console) wrote; the importer keeps them.
    expect(result.taskDefinition.volumes).toEqual([]);
  });

  it('wraps a bare containerDefinitions array, naming the family after the first container', () => {
    const containers = bridgeInput().containerDefinitions;
    const result = expectOk(importTaskDefinition(containers));
    expect(result.shape).toBe('container-array');
    expect(result.taskDefinition).toEqual({ family: 'web', containerDefinitions: containers });
    expect(Object.keys(result.taskDefinition)).toEqual(['family', 'containerDefinitions']);
    expect(result.notes.map((note) => note.kind)).toEqual(['shape', 'info']);
    expect(result.notes[1]?.path).toBe('family');

    const named = expectOk(importTaskDefinition(containers, { family: 'from-options' }));
    expect(named.taskDefinition.family).toBe('from-options');
  });

  it('derives a family ECS accepts from any first container', () => {
    const family = (containers: unknown) => {
      const result = expectOk(importTaskDefinition(containers));
      return result.taskDefinition.family;
    };
    expect(family([{ name: 'my app.v2', image: 'x' }])).toBe('my-app-v2');
    expect(family([{ image: 'x' }])).toBe('imported-task');
    expect(family([{ name: '...', image: 'x' }])).toBe('imported-task');
    expect(family([{ name: 'a'.repeat(300), image: 'x' }])).toBe('a'.repeat(255));
  });

  it('uses the family option only when the document has none', () => {
    const { family: _family, ...rest } = bridgeInput();
    const filled = expectOk(importTaskDefinition(rest, { family: 'given' }));
    expect(Object.keys(filled.taskDefinition)[0]).toBe('family');
    expect(filled.taskDefinition.family).toBe('given');
    const kept = expectOk(importTaskDefinition(bridgeInput(), { family: 'given' }));
    expect(kept.taskDefinition.family).toBe('legacy-web');
  });
});

describe('importTaskDefinition: what it notes', () => {
  it('strips nulls everywhere, one note per null with its path', () => {
    const result = expectOk(
      importTaskDefinition({
        family: 'web',
        cpu: null,
        containerDefinitions: [
          {
            name: 'web',
            image: 'nginx:1.27',
            command: ['nginx', null, '-g'],
            dockerLabels: { a: null, b: 'x' },
            linuxParameters: { capabilities: null, initProcessEnabled: true },
          },
          null,
        ],
      }),
    );
    expect(kinds(result.notes, 'null-removed')).toEqual([
      'cpu',
      'containerDefinitions[0].command[1]',
      'containerDefinitions[0].dockerLabels.a',
      'containerDefinitions[0].linuxParameters.capabilities',
      'containerDefinitions[1]',
    ]);
    expect(result.taskDefinition).toEqual({
      family: 'web',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx:1.27',
          command: ['nginx', '-g'],
          dockerLabels: { b: 'x' },
          linuxParameters: { initProcessEnabled: true },
        },
      ],
    });
  });

  it('notes each value holding a placeholder once, and keeps it', () => {
    const input = {
      family: '{{family}}',
      executionRoleArn: 'arn:aws:iam::<account-id>:role/ecsTaskExecutionRole',
      containerDefinitions: [
        {
          name: 'web',
          image: '<account-id>.dkr.ecr.us-east-1.amazonaws.com/web:${IMAGE_TAG}',
          environment: [{ name: 'VERSION', value: '#{Octopus.Release.Number}' }],
          command: ['echo', '<b>not html</b> is a placeholder shape too'],
        },
      ],
    };
    const result = expectOk(importTaskDefinition(input));
    expect(result.taskDefinition).toEqual(input);
    expect(kinds(result.notes, 'placeholder')).toEqual([
      'family',
      'executionRoleArn',
      'containerDefinitions[0].image',
      'containerDefinitions[0].environment[0].value',
      'containerDefinitions[0].command[1]',
    ]);
    const image = result.notes.find((note) => note.path === 'containerDefinitions[0].image');
    expect(image?.message).toContain('<account-id>');
  });

  it('keeps members the model does not know, with a note and a suggestion', () => {
    const input = {
      family: 'web',
      containerDefinitions: [
        { name: 'web', Image: 'nginx', portMapping: [{ containerPort: 80 }], x: 1 },
      ],
      futureTopLevel: { enabled: true },
    };
    const result = expectOk(importTaskDefinition(input));
    expect(result.taskDefinition).toEqual(input);
    expect(kinds(result.notes, 'unknown-field')).toEqual([
      'containerDefinitions[0].Image',
      'containerDefinitions[0].portMapping',
      'containerDefinitions[0].x',
      'futureTopLevel',
    ]);
    const messages = result.notes.map((note) => note.message);
    expect(messages[0]).toContain('Did you mean image?');
    expect(messages[1]).toContain('Did you mean portMappings?');
    expect(messages[2]).not.toContain('Did you mean');
  });

  it('drops values JSON cannot hold, with a note', () => {
    const result = expectOk(
      importTaskDefinition({
        family: 'web',
        containerDefinitions: [{ name: 'web', image: 'nginx', cpu: Number.NaN, memory: undefined }],
        when: new Date(0),
        run: () => 1,
      }),
    );
    expect(result.taskDefinition).toEqual({
      family: 'web',
      containerDefinitions: [{ name: 'web', image: 'nginx' }],
    });
    expect(kinds(result.notes, 'dropped')).toEqual(['containerDefinitions[0].cpu', 'when', 'run']);
  });
});

describe('importTaskDefinition: preserving what the user wrote', () => {
  it('round-trips: importing its own output gives the same document', () => {
    for (const input of [
      bridgeInput(),
      consoleExport(),
      { taskDefinition: consoleExport(), tags: [{ key: 'a', value: 'b' }] },
      bridgeInput().containerDefinitions,
    ]) {
      const first = expectOk(importTaskDefinition(input));
      const second = expectOk(importTaskDefinition(first.taskDefinition));
      expect(second.shape).toBe('register-input');
      expect(JSON.stringify(second.taskDefinition)).toBe(JSON.stringify(first.taskDefinition));
    }
  });

  it('keeps a taskDefinition member of a register input instead of unwrapping it again', () => {
    const input = {
      taskDefinition: { family: 'outer', containerDefinitions: [{ name: 'a', image: 'a' }] },
    };
    const first = expectOk(importTaskDefinition(input));
    expect(first.shape).toBe('describe-output');
    const nested = { ...first.taskDefinition, taskDefinition: { containerDefinitions: [] } };
    const second = expectOk(importTaskDefinition(nested));
    expect(second.shape).toBe('register-input');
    expect(second.taskDefinition).toEqual(nested);
  });

  it('treats __proto__ and constructor keys as plain data', () => {
    const input: unknown = JSON.parse(
      '{"family":"web","__proto__":{"polluted":true},"containerDefinitions":[{"name":"a","__proto__":{"image":"evil"},"constructor":{"prototype":{"polluted":true}}}]}',
    );
    const result = expectOk(importTaskDefinition(input));
    const definition = result.taskDefinition;
    expect(Object.keys(definition)).toEqual(['family', '__proto__', 'containerDefinitions']);
    expect(Object.getPrototypeOf(definition)).toBe(Object.prototype);
    expect(Object.hasOwn(definition, '__proto__')).toBe(true);
    const container = (definition.containerDefinitions as JsonObject[])[0];
    expect(container?.image).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(definition)).toBe(JSON.stringify(input));
    expect(kinds(result.notes, 'unknown-field')).toEqual([
      '__proto__',
      'containerDefinitions[0].__proto__',
      'containerDefinitions[0].constructor',
    ]);
  });
});

describe('importTaskDefinition: what it refuses', () => {
  it.each([
    [null, /not null/],
    [42, /not number/],
    ['{"family":"x"}', /not string/],
    [{}, /no containerDefinitions/],
    [{ family: 'web', cpu: '256' }, /no containerDefinitions/],
    [{ family: 'web', containerDefinitions: null }, /no containerDefinitions/],
    [{ taskDefinition: { family: 'web' }, tags: [] }, /taskDefinition .* no containerDefinitions/],
    [{ AWSEBDockerrunVersion: 2, containerDefinitions: [] }, /Dockerrun import/],
    [{ Family: 'web', ContainerDefinitions: [] }, /CloudFormation/],
    [{ name: 'web', image: 'nginx' }, /single container definition/],
    [[], /empty/],
    [[null], /empty/],
    [[1, 2], /every element/],
    [[{ name: 'a' }, 'b'], /every element/],
    [[bridgeInput()], /array of task definitions/],
  ])('refuses %j', (input, message) => {
    const result = importTaskDefinition(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses deep and cyclic input without throwing', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const result = importTaskDefinition({ family: 'x', containerDefinitions: [{ deep }] });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/nested/) as unknown });

    const cyclic: Record<string, unknown> = { family: 'x', containerDefinitions: [] };
    cyclic.self = cyclic;
    expect(importTaskDefinition(cyclic).ok).toBe(false);

    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no');
        },
      },
    );
    expect(importTaskDefinition(hostile).ok).toBe(false);
  });
});

describe('importTaskDefinitionText', () => {
  it('parses and imports', () => {
    const text = `\uFEFF${JSON.stringify({ taskDefinition: consoleExport(), tags: [] }, null, 2)}`;
    const result = expectOk(importTaskDefinitionText(text));
    expect(result.shape).toBe('describe-output');
    expect(result.taskDefinition.family).toBe('checkout-api');
  });

  it.each([
    [
      '{\n  "family": "web",\n  "containerDefinitions": [\n  ]\n  "cpu": "256"\n}',
      'line 5, column 3: expected "," or "}" but found "\\""',
    ],
    ['{"family": "web",}', 'line 1, column 18: a trailing comma before "}"'],
    ['[1,\n2,\n]', 'line 3, column 1: a trailing comma before "]"'],
    [
      "{'family': 'web'}",
      "line 1, column 2: expected a member name in double quotes but found ': JSON strings use double quotes",
    ],
    [
      '{"a": 1} // note',
      'line 1, column 10: expected the end of the text but found /: JSON has no comments',
    ],
    ['{"family": "web', 'line 1, column 12: a string that is not closed or has a bad escape'],
    ['{"family": tru}', 'line 1, column 12: expected a value but found "t"'],
    ['{"containerDefinitions": [', 'line 1, column 27: expected a value but the text ends'],
    ['{"a" 1}', 'line 1, column 6: expected ":" but found "1"'],
    ['[01]', 'line 1, column 3: expected "," or "]" but found "1"'],
  ])('names line and column of a syntax error in %j', (text, message) => {
    const result = importTaskDefinitionText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBe(`Not valid JSON at ${message}.`);
  });

  it('refuses empty text and what is not text', () => {
    expect(importTaskDefinitionText('   \n')).toMatchObject({
      ok: false,
      error: 'The text is empty.',
    });
    expect(importTaskDefinitionText(undefined as unknown as string).ok).toBe(false);
    expect(importTaskDefinitionText('"just a string"').ok).toBe(false);
  });

  it('refuses deeply nested text without throwing', () => {
    const deep = `{"family":"x","containerDefinitions":[${'['.repeat(50_000)}${']'.repeat(50_000)}]}`;
    expect(importTaskDefinitionText(deep).ok).toBe(false);
  });
});

describe('importTaskDefinition: properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.anything(),
          fc.anything({
            key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype')),
            withBoxedValues: true,
            withMap: true,
            withSet: true,
            withNullPrototype: true,
            withObjectString: true,
            withSparseArray: true,
            withTypedArray: true,
            withBigInt: true,
            withDate: true,
          }),
        ),
        (input) => {
          const result = importTaskDefinition(input);
          expect(typeof result.ok).toBe('boolean');
          if (result.ok) expect(() => JSON.stringify(result.taskDefinition)).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const result = importTaskDefinitionText(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  const container = fc.record(
    {
      name: fc.string(),
      image: fc.oneof(fc.string(), fc.constant('<account-id>.dkr.ecr/x:${TAG}')),
      cpu: fc.oneof(fc.integer(), fc.constant(null)),
      essential: fc.boolean(),
      portMappings: fc.array(fc.record({ containerPort: fc.integer(), hostPort: fc.jsonValue() })),
      extra: fc.jsonValue(),
    },
    { requiredKeys: [] },
  );
  const document = fc.oneof(
    fc.array(container, { minLength: 1 }),
    fc.record({ family: fc.string(), containerDefinitions: fc.array(container) }),
    fc.record({
      revision: fc.integer(),
      containerDefinitions: fc.array(container, { minLength: 1 }),
      status: fc.constant('ACTIVE'),
      extra: fc.dictionary(fc.string(), fc.jsonValue()),
    }),
    fc.record({
      taskDefinition: fc.record({ containerDefinitions: fc.array(container), cpu: fc.jsonValue() }),
      tags: fc.array(fc.record({ key: fc.string(), value: fc.string() })),
      stale: fc.boolean(),
    }),
    fc.jsonValue(),
  );

  it('is idempotent on its own output, and text import agrees', () => {
    fc.assert(
      fc.property(document, (input) => {
        const first = importTaskDefinition(input);
        if (!first.ok) return;
        const second = expectOk(importTaskDefinition(first.taskDefinition));
        expect(second.shape).toBe('register-input');
        expect(second.taskDefinition).toEqual(first.taskDefinition);
        expect(JSON.stringify(second.taskDefinition)).toBe(JSON.stringify(first.taskDefinition));
        expect(kinds(second.notes, 'null-removed')).toEqual([]);
        expect(kinds(second.notes, 'read-only-removed')).toEqual([]);
        const viaText = expectOk(importTaskDefinitionText(JSON.stringify(input)));
        expect(viaText.taskDefinition).toEqual(first.taskDefinition);
      }),
      { numRuns: 300 },
    );
  });
});
