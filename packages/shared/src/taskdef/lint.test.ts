import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLintErrors, LINT_RULES, lintTaskDefinition } from './lint.js';
import { applyFix } from './paths.js';
import { fargate } from './rules/fixtures.test-util.js';
import { LintFinding } from './types.js';

const ACCOUNT = '123456789012';
const EXECUTION_ROLE = `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`;

/** Real-world shapes that register as they are: none of them may produce an error. */
const VALID: Record<string, unknown> = {
  'Fargate web app with awslogs, an execution role and Secrets Manager secrets': {
    family: 'orders-api',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '1024',
    memory: '2048',
    runtimePlatform: { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' },
    executionRoleArn: EXECUTION_ROLE,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/orders-api-task`,
    ephemeralStorage: { sizeInGiB: 30 },
    containerDefinitions: [
      {
        name: 'api',
        image: `${ACCOUNT}.dkr.ecr.eu-central-1.amazonaws.com/orders-api:2024.06.1`,
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp', name: 'http', appProtocol: 'http' }],
        environment: [
          { name: 'SPRING_PROFILES_ACTIVE', value: 'prod' },
          { name: 'KEYCLOAK_URL', value: 'https://auth.example.com/realms/shop' },
          { name: 'JWT_SECRET_ARN', value: 'arn:aws:secretsmanager:eu-central-1:123:secret:x' },
          { name: 'TOKEN_TTL', value: '3600' },
        ],
        secrets: [
          {
            name: 'DB_PASSWORD',
            valueFrom: `arn:aws:secretsmanager:eu-central-1:${ACCOUNT}:secret:prod/orders/db-Ab12Cd:password::`,
          },
          {
            name: 'STRIPE_API_KEY',
            valueFrom: `arn:aws:ssm:eu-central-1:${ACCOUNT}:parameter/prod/orders/stripe-key`,
          },
          { name: 'SENTRY_DSN', valueFrom: '/prod/orders/sentry-dsn' },
        ],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/orders-api',
            'awslogs-region': 'eu-central-1',
            'awslogs-stream-prefix': 'ecs',
            'awslogs-create-group': 'true',
          },
        },
        healthCheck: {
          command: ['CMD-SHELL', 'curl -fsS http://localhost:8080/actuator/health || exit 1'],
          interval: 30,
          timeout: 5,
          retries: 3,
          startPeriod: 60,
        },
        readonlyRootFilesystem: true,
        ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
      },
    ],
    tags: [{ key: 'team', value: 'orders' }],
  },
  'EC2 bridge app with a dynamic host port, memoryReservation and links': {
    family: 'legacy-shop',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [
      {
        name: 'nginx',
        image: 'nginx:1.25.4-alpine',
        memoryReservation: 128,
        cpu: 128,
        essential: true,
        links: ['php'],
        portMappings: [{ containerPort: 80, hostPort: 0 }],
        mountPoints: [{ sourceVolume: 'app', containerPath: '/var/www/html', readOnly: true }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/legacy-shop', 'awslogs-region': 'us-east-1' },
        },
      },
      {
        name: 'php',
        image: 'php:8.3-fpm',
        memory: 1024,
        memoryReservation: 512,
        essential: true,
        mountPoints: [{ sourceVolume: 'app', containerPath: '/var/www/html' }],
        environment: [{ name: 'APP_ENV', value: 'production' }],
        logConfiguration: { logDriver: 'json-file', options: { 'max-size': '10m' } },
      },
    ],
    volumes: [{ name: 'app', host: { sourcePath: '/var/app/current' } }],
    placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.*' }],
  },
  'Fargate app with an X-Ray daemon sidecar': {
    family: 'checkout',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '512',
    memory: '1024',
    executionRoleArn: EXECUTION_ROLE,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/checkout-task`,
    containerDefinitions: [
      {
        name: 'checkout',
        image: `${ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/checkout:3.2.0`,
        essential: true,
        cpu: 480,
        memoryReservation: 768,
        portMappings: [{ containerPort: 3000, hostPort: 3000, protocol: 'tcp' }],
        environment: [{ name: 'AWS_XRAY_DAEMON_ADDRESS', value: 'localhost:2000' }],
        dependsOn: [{ containerName: 'xray-daemon', condition: 'START' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/checkout',
            'awslogs-region': 'us-west-2',
            'awslogs-stream-prefix': 'checkout',
          },
        },
      },
      {
        name: 'xray-daemon',
        image: 'public.ecr.aws/xray/aws-xray-daemon:3.3.12',
        essential: false,
        cpu: 32,
        memoryReservation: 256,
        portMappings: [{ containerPort: 2000, protocol: 'udp' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/checkout',
            'awslogs-region': 'us-west-2',
            'awslogs-stream-prefix': 'xray',
          },
        },
      },
    ],
  },
  'FireLens with a Fluent Bit log router': {
    family: 'catalog',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: EXECUTION_ROLE,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/catalog-task`,
    containerDefinitions: [
      {
        name: 'log_router',
        image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2',
        essential: true,
        memoryReservation: 50,
        user: '0',
        firelensConfiguration: {
          type: 'fluentbit',
          options: { 'enable-ecs-log-metadata': 'true' },
        },
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': 'firelens-container',
            'awslogs-region': 'us-east-1',
            'awslogs-stream-prefix': 'firelens',
          },
        },
      },
      {
        name: 'app',
        image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/catalog:v41`,
        essential: true,
        portMappings: [{ containerPort: 80 }],
        dependsOn: [{ containerName: 'log_router', condition: 'START' }],
        logConfiguration: {
          logDriver: 'awsfirelens',
          options: {
            Name: 'cloudwatch_logs',
            region: 'us-east-1',
            log_group_name: '/ecs/catalog',
            log_stream_prefix: 'app-',
            auto_create_group: 'true',
          },
          secretOptions: [
            {
              name: 'apikey',
              valueFrom: `arn:aws:ssm:us-east-1:${ACCOUNT}:parameter/catalog/log-api-key`,
            },
          ],
        },
      },
    ],
  },
  'EFS volume with transit encryption and IAM': {
    family: 'uploads',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '2 vCPU',
    memory: '4 GB',
    executionRoleArn: EXECUTION_ROLE,
    taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/uploads-task`,
    containerDefinitions: [
      {
        name: 'uploads',
        image: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/uploads@sha256:${'c'.repeat(64)}`,
        portMappings: [{ containerPort: 8000 }],
        mountPoints: [{ sourceVolume: 'shared', containerPath: '/mnt/shared' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/uploads',
            'awslogs-region': 'us-east-1',
            'awslogs-stream-prefix': 'ecs',
          },
        },
      },
    ],
    volumes: [
      {
        name: 'shared',
        efsVolumeConfiguration: {
          fileSystemId: 'fs-0123456789abcdef0',
          rootDirectory: '/',
          transitEncryption: 'ENABLED',
          transitEncryptionPort: 2999,
          authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0', iam: 'ENABLED' },
        },
      },
    ],
  },
  'a pipeline template full of placeholders': {
    family: '{{family}}',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '{{cpu}}',
    memory: '${MEMORY}',
    executionRoleArn: 'arn:aws:iam::<account-id>:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'app',
        image: '<image>',
        essential: true,
        memoryReservation: '{{memory_reservation}}',
        portMappings: [{ containerPort: '#{Port}' }],
        environment: [{ name: 'DB_PASSWORD', value: '${DB_PASSWORD}' }],
        secrets: [
          { name: 'API_KEY', valueFrom: 'arn:aws:ssm:<region>:<account-id>:parameter/key' },
        ],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/{{family}}',
            'awslogs-region': '${AWS_REGION}',
            'awslogs-stream-prefix': 'ecs',
          },
        },
      },
    ],
  },
};

const errorsOf = (doc: unknown) =>
  lintTaskDefinition(doc).filter((finding) => finding.severity === 'error');

describe('lintTaskDefinition on real-world task definitions', () => {
  it.each(Object.entries(VALID))('finds no errors in: %s', (_, doc) => {
    expect(errorsOf(doc)).toEqual([]);
  });

  it('only suggests ADOT for the X-Ray sidecar', () => {
    const findings = lintTaskDefinition(VALID['Fargate app with an X-Ray daemon sidecar']);
    expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.path])).toEqual([
      ['xray-daemon-sidecar', 'info', 'containerDefinitions[1].image'],
    ]);
  });

  it('finds nothing at all in the Fargate web app', () => {
    const doc =
      VALID['Fargate web app with awslogs, an execution role and Secrets Manager secrets'];
    expect(lintTaskDefinition(doc)).toEqual([]);
  });
});

describe('lintTaskDefinition', () => {
  it('answers a non-object with one not-an-object error', () => {
    for (const input of [null, undefined, 42, 'text', [], [{ family: 'x' }], true]) {
      expect(lintTaskDefinition(input)).toEqual([
        expect.objectContaining({ ruleId: 'not-an-object', severity: 'error', path: '' }),
      ]);
    }
  });

  it('sorts errors, then warnings, then info, each by path with indexes in numeric order', () => {
    const doc = fargate((d, app) => {
      app.image = 'nginx';
      app.privileged = true;
      d.containerDefinitions.push(
        ...Array.from({ length: 10 }, (_, i) => ({
          name: `c${i}`,
          image: i === 9 ? 'public.ecr.aws/xray/aws-xray-daemon:3.3.12' : 'busybox',
          essential: false,
        })),
      );
      d.networkMode = 'bridge';
    });
    const findings = lintTaskDefinition(doc);
    const ranks = findings.map((finding) => ['error', 'warning', 'info'].indexOf(finding.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const latest = findings
      .filter((finding) => finding.ruleId === 'image-latest')
      .map((finding) => finding.path);
    expect(latest).toEqual([
      'containerDefinitions[0].image',
      ...Array.from({ length: 9 }, (_, i) => `containerDefinitions[${i + 1}].image`),
    ]);
    expect(findings.at(-1)?.ruleId).toBe('xray-daemon-sidecar');
  });

  it('names the container and the values in its messages', () => {
    const doc = fargate((_, app) => (app.portMappings = [{ containerPort: 80, hostPort: 8080 }]));
    const [finding] = lintTaskDefinition(doc).filter((f) => f.ruleId === 'host-port-mismatch');
    expect(finding?.message).toBe(
      'Container "web": hostPort 8080 must equal containerPort 80 in awsvpc mode, or be omitted.',
    );
  });

  it('titles the Fargate size fix with vCPU, GB and units', () => {
    const doc = fargate((d) => ((d.cpu = '1024'), (d.memory = '1536')));
    const [finding] = lintTaskDefinition(doc).filter((f) => f.ruleId === 'fargate-invalid-size');
    expect(finding?.fix).toEqual({
      title: 'Use 1 vCPU / 2 GB (1024 / 2048)',
      operations: [
        { op: 'set', path: 'cpu', value: '1024' },
        { op: 'set', path: 'memory', value: '2048' },
      ],
    });
  });

  it('moves a plaintext secret into secrets as an SSM parameter of the family', () => {
    const doc = fargate((_, app) => (app.environment = [{ name: 'githubToken', value: 'ghp_x' }]));
    const [finding] = lintTaskDefinition(doc).filter((f) => f.ruleId === 'plaintext-secret-env');
    expect(finding?.fix?.title).toMatch(/store the value there first/);
    const fixed = applyFix(doc, finding?.fix ?? []);
    expect(fixed.containerDefinitions[0]).toMatchObject({
      environment: [],
      secrets: [{ name: 'githubToken', valueFrom: '/web/githubToken' }],
    });
    expect(errorsOf(fixed)).toEqual([]);
  });

  it('reports a dependency cycle with its path', () => {
    const doc = fargate((d, app) => {
      app.dependsOn = [{ containerName: 'b', condition: 'START' }];
      d.containerDefinitions.push(
        { name: 'b', image: 'busybox:1', dependsOn: [{ containerName: 'c', condition: 'START' }] },
        {
          name: 'c',
          image: 'busybox:1',
          dependsOn: [{ containerName: 'web', condition: 'START' }],
        },
      );
    });
    const cycles = lintTaskDefinition(doc).filter((f) => f.ruleId === 'depends-on-cycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.message).toContain('web → b → c → web');
  });

  it('does not cascade from a wrong type or a placeholder', () => {
    const doc = fargate((d, app) => {
      d.cpu = '{{cpu}}';
      app.memory = '512';
      app.image = 42;
    });
    expect(errorsOf(doc).map((finding) => [finding.ruleId, finding.path])).toEqual([
      ['wrong-type', 'containerDefinitions[0].image'],
      ['wrong-type', 'containerDefinitions[0].memory'],
    ]);
  });

  it('warns about static host ports behind a load balancer only when told so', () => {
    const doc = fargate((d, app) => {
      d.requiresCompatibilities = ['EC2'];
      d.networkMode = 'bridge';
      app.portMappings = [{ containerPort: 80, hostPort: 8080 }];
    });
    const rule = (context?: { behindLoadBalancer?: boolean }) =>
      lintTaskDefinition(doc, context).filter((f) => f.ruleId === 'static-host-port-behind-lb');
    expect(rule()).toEqual([]);
    expect(rule({ behindLoadBalancer: false })).toEqual([]);
    expect(rule({ behindLoadBalancer: true })).toHaveLength(1);
  });

  it('reads __proto__ and other inherited names as plain members', () => {
    const doc: unknown = JSON.parse(
      '{"family":"x","__proto__":{"containerDefinitions":[]},"constructor":1,"containerDefinitions":[{"name":"__proto__","image":"a:1","essential":true,"memory":128,"__proto__":{"privileged":true}}]}',
    );
    expect(errorsOf(doc)).toEqual([]);
    expect(Object.prototype).not.toHaveProperty('containerDefinitions');
  });

  it('hasLintErrors is true only with an error', () => {
    expect(hasLintErrors([])).toBe(false);
    expect(
      hasLintErrors(lintTaskDefinition(VALID['Fargate app with an X-Ray daemon sidecar'])),
    ).toBe(false);
    expect(hasLintErrors(lintTaskDefinition({}))).toBe(true);
  });

  it('stays fast: a big document lints in well under a keystroke budget', () => {
    const big = fargate((d) => {
      d.containerDefinitions = Array.from({ length: 1000 }, (_, i) => ({
        name: `c${i}`,
        image: 'busybox',
        memory: 'x',
        environment: Array.from({ length: 10 }, (__, j) => ({ name: `SECRET_${j}`, value: 'v' })),
        dependsOn: [{ containerName: `c${(i + 1) % 1000}`, condition: 'START' }],
        portMappings: [{ containerPort: 80, hostPort: 90 }],
      }));
    });
    const started = performance.now();
    const findings = lintTaskDefinition(big);
    // 1,000 containers (100 times the limit) and ~15,000 findings: linear, not quadratic.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(findings.length).toBeGreaterThan(10000);

    const typical =
      VALID['Fargate web app with awslogs, an execution role and Secrets Manager secrets'];
    const start = performance.now();
    for (let i = 0; i < 100; i += 1) lintTaskDefinition(typical);
    expect((performance.now() - start) / 100).toBeLessThan(5);
  });
});

describe('lintTaskDefinition never throws', () => {
  const check = (input: unknown, context?: { behindLoadBalancer?: boolean }) => {
    const findings = lintTaskDefinition(input, context);
    for (const finding of findings) {
      LintFinding.parse(finding);
      // A fix applies to the document it was made for without throwing.
      if (finding.fix) applyFix(input, finding.fix);
    }
    return findings;
  };

  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void check(value)),
      { numRuns: 300 },
    );
  });

  it('on anything at all', () => {
    fc.assert(
      fc.property(
        fc.anything({ withNullPrototype: true, withObjectString: true }),
        (value) => void check(value),
      ),
      { numRuns: 300 },
    );
  });

  const TASK_KEYS = Object.keys(fargate()).concat([
    'volumes',
    'pidMode',
    'ipcMode',
    'tags',
    'ephemeralStorage',
    'placementConstraints',
    'proxyConfiguration',
  ]);
  const CONTAINER_KEYS = [
    'name',
    'image',
    'cpu',
    'memory',
    'memoryReservation',
    'essential',
    'links',
    'portMappings',
    'environment',
    'secrets',
    'mountPoints',
    'volumesFrom',
    'dependsOn',
    'logConfiguration',
    'healthCheck',
    'linuxParameters',
    'hostname',
    'extraHosts',
    'user',
    'privileged',
    'repositoryCredentials',
  ];

  it('on a valid document with members replaced by random values', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.array(fc.dictionary(fc.constantFrom(...CONTAINER_KEYS), fc.jsonValue({ maxDepth: 2 }))),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...TASK_KEYS), value),
        fc.dictionary(fc.constantFrom(...CONTAINER_KEYS), fc.jsonValue({ maxDepth: 3 })),
        fc.boolean(),
        (taskMembers, containerMembers, behindLoadBalancer) => {
          const doc = fargate((d, app) => {
            Object.assign(app, containerMembers);
            Object.assign(d, taskMembers);
          });
          check(doc, { behindLoadBalancer });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('on port mappings, dependencies and health checks of random shape', () => {
    const port = fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.constantFrom(0, 22, 32768, '80'));
    fc.assert(
      fc.property(
        fc.constantFrom('bridge', 'host', 'awsvpc', 'none', undefined, 'x'),
        fc.array(fc.record({ containerPort: port, hostPort: port }, { requiredKeys: [] })),
        fc.array(
          fc.record({
            containerName: fc.constantFrom('web', 'b', 'nope'),
            condition: fc.constantFrom('START', 'SUCCESS', 'HEALTHY', 'COMPLETE', 'bad'),
          }),
        ),
        fc.record(
          {
            command: fc.array(fc.string()),
            interval: fc.integer(),
            retries: fc.integer(),
            startPeriod: fc.double(),
          },
          { requiredKeys: [] },
        ),
        (networkMode, portMappings, dependsOn, healthCheck) => {
          const doc = fargate((d, app) => {
            d.networkMode = networkMode;
            Object.assign(app, { portMappings, dependsOn, healthCheck });
            d.containerDefinitions.push({ name: 'b', image: 'b:1', dependsOn });
          });
          check(doc, { behindLoadBalancer: true });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('LINT_RULES', () => {
  it('covers every error and warning of REFERENCE §5', () => {
    expect(LINT_RULES.length).toBeGreaterThanOrEqual(60);
  });
});
