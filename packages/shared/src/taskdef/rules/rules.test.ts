import { describe, expect, it } from 'vitest';
import { LINT_RULES, lintTaskDefinition, type LintContext } from '../lint.js';
import { applyFix } from '../paths.js';
import { LintFinding } from '../types.js';
import { ec2, EXECUTION_ROLE, fargate, sidecar } from './fixtures.test-util.js';

/**
 * Every rule, one by one: a document it passes, one it fails (at the expected path), and, where
 * it offers a fix, proof that the fix makes it pass. A rule without a row here fails the suite.
 */
interface Case {
  /** What the failing example shows. */
  name: string;
  pass: unknown;
  fail: unknown;
  path: string;
  context?: LintContext;
  /** The finding must carry a fix (and the fix must make the rule pass). */
  fix?: boolean;
}

const CASES: Record<string, Case[]> = {
  'not-an-object': [
    { name: 'an array', pass: fargate(), fail: [fargate()], path: '' },
    { name: 'a string', pass: ec2(), fail: 'family: web', path: '' },
  ],
  'family-invalid': [
    {
      name: 'a space',
      pass: fargate((d) => (d.family = 'web_api-2')),
      fail: fargate((d) => (d.family = 'web api')),
      path: 'family',
      fix: true,
    },
    { name: 'missing', pass: ec2(), fail: ec2((d) => delete d.family), path: 'family' },
    {
      name: 'too long',
      pass: ec2((d) => (d.family = 'a'.repeat(255))),
      fail: ec2((d) => (d.family = 'a'.repeat(256))),
      path: 'family',
      fix: true,
    },
  ],
  'container-count': [
    {
      name: 'none',
      pass: ec2(),
      fail: ec2((d) => (d.containerDefinitions = [])),
      path: 'containerDefinitions',
    },
    {
      name: 'eleven',
      pass: ec2((d, app) => {
        d.containerDefinitions = [app, ...range(9).map((i) => sidecar({ name: `s${i}` }))];
      }),
      fail: ec2((d, app) => {
        d.containerDefinitions = [app, ...range(10).map((i) => sidecar({ name: `s${i}` }))];
      }),
      path: 'containerDefinitions',
    },
  ],
  'network-mode-invalid': [
    {
      name: 'upper case',
      pass: ec2((d) => (d.networkMode = 'host')),
      fail: ec2((d) => (d.networkMode = 'Bridge')),
      path: 'networkMode',
      fix: true,
    },
  ],
  'task-size-format': [
    {
      name: 'not a size',
      pass: ec2((d) => ((d.cpu = '1 vCPU'), (d.memory = '2 GB'))),
      fail: ec2((d) => ((d.cpu = 'one'), (d.memory = '2048'))),
      path: 'cpu',
    },
  ],
  'ephemeral-storage-range': [
    {
      name: '20 GiB',
      pass: fargate((d) => (d.ephemeralStorage = { sizeInGiB: 21 })),
      fail: fargate((d) => (d.ephemeralStorage = { sizeInGiB: 20 })),
      path: 'ephemeralStorage.sizeInGiB',
      fix: true,
    },
  ],
  'tags-too-many': [
    {
      name: '51 tags',
      pass: ec2((d) => (d.tags = range(50).map((i) => ({ key: `k${i}`, value: 'v' })))),
      fail: ec2((d) => (d.tags = range(51).map((i) => ({ key: `k${i}`, value: 'v' })))),
      path: 'tags',
    },
  ],
  'tag-aws-prefix': [
    {
      name: 'aws:',
      pass: ec2((d) => (d.tags = [{ key: 'team', value: 'web' }])),
      fail: ec2(
        (d) =>
          (d.tags = [
            { key: 'team', value: 'web' },
            { key: 'aws:team', value: 'x' },
          ]),
      ),
      path: 'tags[1].key',
      fix: true,
    },
  ],
  'wrong-type': [
    {
      name: 'containerPort as a string',
      pass: fargate(),
      fail: fargate((_, app) => (app.portMappings = [{ containerPort: '8080' }])),
      path: 'containerDefinitions[0].portMappings[0].containerPort',
      fix: true,
    },
    {
      name: 'essential as a string',
      pass: ec2(),
      fail: ec2((_, app) => (app.essential = 'true')),
      path: 'containerDefinitions[0].essential',
      fix: true,
    },
    {
      name: 'an environment value as a number',
      pass: ec2((_, app) => (app.environment = [{ name: 'PORT', value: '3000' }])),
      fail: ec2((_, app) => (app.environment = [{ name: 'PORT', value: 3000 }])),
      path: 'containerDefinitions[0].environment[0].value',
      fix: true,
    },
    {
      name: 'containerDefinitions as an object',
      pass: ec2(),
      fail: { family: 'x', containerDefinitions: { name: 'web' } },
      path: 'containerDefinitions',
    },
  ],
  'container-name-invalid': [
    {
      name: 'a dot',
      pass: ec2((_, app) => (app.name = 'my_worker-1')),
      fail: ec2((_, app) => (app.name = 'my.worker')),
      path: 'containerDefinitions[0].name',
    },
  ],
  'container-name-duplicate': [
    {
      name: 'twice',
      pass: ec2((d) => d.containerDefinitions.push(sidecar())),
      fail: ec2((d) => d.containerDefinitions.push(sidecar({ name: 'worker' }))),
      path: 'containerDefinitions[1].name',
    },
  ],
  'image-missing': [
    {
      name: 'missing',
      pass: ec2(),
      fail: ec2((_, app) => delete app.image),
      path: 'containerDefinitions[0].image',
    },
  ],
  'image-invalid': [
    {
      name: 'a space',
      pass: ec2(
        (_, app) => (app.image = 'registry.example.com:5000/team/app@sha256:' + 'a'.repeat(64)),
      ),
      fail: ec2((_, app) => (app.image = 'nginx 1.25')),
      path: 'containerDefinitions[0].image',
    },
  ],
  'image-latest': [
    {
      name: ':latest',
      pass: ec2((_, app) => (app.image = 'nginx:1.25')),
      fail: ec2((_, app) => (app.image = 'nginx:latest')),
      path: 'containerDefinitions[0].image',
    },
    {
      name: 'untagged',
      pass: ec2((_, app) => (app.image = `nginx@sha256:${'b'.repeat(64)}`)),
      fail: ec2((_, app) => (app.image = 'registry.example.com:5000/team/app')),
      path: 'containerDefinitions[0].image',
    },
  ],
  'no-essential-container': [
    {
      name: 'all non-essential',
      pass: ec2((d) => d.containerDefinitions.push(sidecar())),
      fail: ec2((d, app) => {
        app.essential = false;
        d.containerDefinitions.push(sidecar());
      }),
      path: 'containerDefinitions[0].essential',
      fix: true,
    },
  ],
  'links-not-bridge': [
    {
      name: 'links in awsvpc',
      pass: ec2((d, app) => {
        app.links = ['sidecar'];
        d.containerDefinitions.push(sidecar());
      }),
      fail: fargate((d, app) => {
        app.links = ['sidecar'];
        d.containerDefinitions.push(sidecar());
      }),
      path: 'containerDefinitions[0].links',
      fix: true,
    },
  ],
  'hostname-awsvpc': [
    {
      name: 'hostname in awsvpc',
      pass: ec2((_, app) => (app.hostname = 'worker')),
      fail: fargate((_, app) => (app.hostname = 'web')),
      path: 'containerDefinitions[0].hostname',
      fix: true,
    },
  ],
  'extra-hosts-awsvpc': [
    {
      name: 'extraHosts in awsvpc',
      pass: ec2((_, app) => (app.extraHosts = [{ hostname: 'db', ipAddress: '10.0.0.5' }])),
      fail: fargate((_, app) => (app.extraHosts = [{ hostname: 'db', ipAddress: '10.0.0.5' }])),
      path: 'containerDefinitions[0].extraHosts',
      fix: true,
    },
  ],
  'fargate-network-mode': [
    {
      name: 'bridge',
      pass: ec2((d) => (d.networkMode = 'bridge')),
      fail: fargate((d) => (d.networkMode = 'bridge')),
      path: 'networkMode',
      fix: true,
    },
    {
      name: 'missing',
      pass: ec2((d) => delete d.networkMode),
      fail: fargate((d) => delete d.networkMode),
      path: 'networkMode',
      fix: true,
    },
  ],
  'fargate-invalid-size': [
    {
      name: '1024 / 1024',
      pass: fargate((d) => ((d.cpu = '1 vCPU'), (d.memory = '2 GB'))),
      fail: fargate((d) => ((d.cpu = '1024'), (d.memory = '1024'))),
      path: 'memory',
      fix: true,
    },
    {
      name: 'memory missing',
      pass: ec2((d) => ((d.cpu = '1024'), delete d.memory)),
      fail: fargate((d) => delete d.memory),
      path: 'memory',
      fix: true,
    },
    {
      name: 'cpu 300',
      pass: fargate((d) => ((d.cpu = 256), (d.memory = 512))),
      fail: fargate((d) => (d.cpu = '300')),
      path: 'cpu',
      fix: true,
    },
  ],
  'fargate-privileged': [
    {
      name: 'privileged',
      pass: fargate((_, app) => (app.privileged = false)),
      fail: fargate((_, app) => (app.privileged = true)),
      path: 'containerDefinitions[0].privileged',
      fix: true,
    },
  ],
  'fargate-devices': [
    {
      name: 'devices',
      pass: fargate((_, app) => (app.linuxParameters = { initProcessEnabled: true })),
      fail: fargate((_, app) => (app.linuxParameters = { devices: [{ hostPath: '/dev/fuse' }] })),
      path: 'containerDefinitions[0].linuxParameters.devices',
      fix: true,
    },
  ],
  'fargate-host-volume': [
    {
      name: 'sourcePath',
      pass: fargate((d) => (d.volumes = [{ name: 'scratch', host: {} }])),
      fail: fargate((d) => (d.volumes = [{ name: 'data', host: { sourcePath: '/data' } }])),
      path: 'volumes[0].host.sourcePath',
      fix: true,
    },
  ],
  'fargate-docker-volume': [
    {
      name: 'dockerVolumeConfiguration',
      pass: ec2(
        (d) => (d.volumes = [{ name: 'data', dockerVolumeConfiguration: { scope: 'task' } }]),
      ),
      fail: fargate(
        (d) => (d.volumes = [{ name: 'data', dockerVolumeConfiguration: { scope: 'task' } }]),
      ),
      path: 'volumes[0].dockerVolumeConfiguration',
    },
  ],
  'fargate-placement-constraints': [
    {
      name: 'memberOf',
      pass: ec2(
        (d) => (d.placementConstraints = [{ type: 'memberOf', expression: 'attribute:x' }]),
      ),
      fail: fargate(
        (d) => (d.placementConstraints = [{ type: 'memberOf', expression: 'attribute:x' }]),
      ),
      path: 'placementConstraints',
      fix: true,
    },
  ],
  'fargate-ipc-mode': [
    {
      name: 'ipcMode',
      pass: ec2((d) => (d.ipcMode = 'task')),
      fail: fargate((d) => (d.ipcMode = 'task')),
      path: 'ipcMode',
      fix: true,
    },
  ],
  'fargate-pid-mode': [
    {
      name: 'host',
      pass: fargate((d) => (d.pidMode = 'task')),
      fail: fargate((d) => (d.pidMode = 'host')),
      path: 'pidMode',
      fix: true,
    },
  ],
  'fargate-log-driver': [
    {
      name: 'json-file',
      pass: fargate((_, app) => (app.logConfiguration = { logDriver: 'splunk', options: {} })),
      fail: fargate((_, app) => (app.logConfiguration = { logDriver: 'json-file' })),
      path: 'containerDefinitions[0].logConfiguration.logDriver',
    },
  ],
  'container-memory-required': [
    {
      name: 'no memory anywhere',
      pass: ec2((_, app) => ((app.memory = 512), delete app.memoryReservation)),
      fail: ec2((_, app) => delete app.memoryReservation),
      path: 'containerDefinitions[0].memory',
    },
  ],
  'memory-below-reservation': [
    {
      name: 'reservation above the limit',
      pass: ec2((_, app) => ((app.memory = 512), (app.memoryReservation = 512))),
      fail: ec2((_, app) => ((app.memory = 256), (app.memoryReservation = 512))),
      path: 'containerDefinitions[0].memoryReservation',
      fix: true,
    },
  ],
  'container-memory-exceeds-task': [
    {
      name: 'container above task',
      pass: fargate((_, app) => (app.memory = 1024)),
      fail: fargate((_, app) => (app.memory = 2048)),
      path: 'containerDefinitions[0].memory',
      fix: true,
    },
  ],
  'memory-reservations-exceed-task': [
    {
      name: 'sum above task',
      pass: fargate((d, app) => {
        app.memoryReservation = 512;
        d.containerDefinitions.push(sidecar({ memoryReservation: 512 }));
      }),
      fail: fargate((d, app) => {
        app.memoryReservation = 768;
        d.containerDefinitions.push(sidecar({ memory: 512, memoryReservation: undefined }));
      }),
      path: 'memory',
    },
  ],
  'cpu-sum-exceeds-task': [
    {
      name: 'sum above task',
      pass: fargate((d, app) => {
        app.cpu = 480;
        d.containerDefinitions.push(sidecar({ cpu: 32 }));
      }),
      fail: fargate((d, app) => {
        app.cpu = 512;
        d.containerDefinitions.push(sidecar({ cpu: 32 }));
      }),
      path: 'cpu',
    },
  ],
  'port-out-of-range': [
    {
      name: 'containerPort 70000',
      pass: ec2((_, app) => (app.portMappings = [{ containerPort: 65535, hostPort: 0 }])),
      fail: ec2((_, app) => (app.portMappings = [{ containerPort: 70000 }])),
      path: 'containerDefinitions[0].portMappings[0].containerPort',
    },
    {
      name: 'no containerPort',
      pass: ec2((_, app) => (app.portMappings = [{ containerPortRange: '8000-8010' }])),
      fail: ec2((_, app) => (app.portMappings = [{ hostPort: 8080 }])),
      path: 'containerDefinitions[0].portMappings[0].containerPort',
    },
  ],
  'port-protocol-invalid': [
    {
      name: 'http',
      pass: ec2((_, app) => (app.portMappings = [{ containerPort: 53, protocol: 'udp' }])),
      fail: ec2((_, app) => (app.portMappings = [{ containerPort: 80, protocol: 'http' }])),
      path: 'containerDefinitions[0].portMappings[0].protocol',
      fix: true,
    },
  ],
  'host-port-mismatch': [
    {
      name: 'awsvpc',
      pass: fargate((_, app) => (app.portMappings = [{ containerPort: 80, hostPort: 80 }])),
      fail: fargate((_, app) => (app.portMappings = [{ containerPort: 80, hostPort: 8080 }])),
      path: 'containerDefinitions[0].portMappings[0].hostPort',
      fix: true,
    },
    {
      name: 'host',
      pass: ec2(
        (d, app) => ((d.networkMode = 'host'), (app.portMappings = [{ containerPort: 80 }])),
      ),
      fail: ec2(
        (d, app) => (
          (d.networkMode = 'host'),
          (app.portMappings = [{ containerPort: 80, hostPort: 0 }])
        ),
      ),
      path: 'containerDefinitions[0].portMappings[0].hostPort',
      fix: true,
    },
  ],
  'port-mappings-network-none': [
    {
      name: 'none',
      pass: ec2((d, app) => ((d.networkMode = 'none'), delete app.portMappings)),
      fail: ec2((d) => (d.networkMode = 'none')),
      path: 'containerDefinitions[0].portMappings',
      fix: true,
    },
  ],
  'host-port-reserved': [
    {
      name: 'bridge 2375',
      pass: ec2((_, app) => (app.portMappings = [{ containerPort: 80, hostPort: 8080 }])),
      fail: ec2((_, app) => (app.portMappings = [{ containerPort: 80, hostPort: 2375 }])),
      path: 'containerDefinitions[0].portMappings[0].hostPort',
      fix: true,
    },
    {
      name: 'host mode 22',
      pass: ec2((d, app) => ((d.networkMode = 'host'), (app.user = '1000'))),
      fail: ec2(
        (d, app) => (
          (d.networkMode = 'host'),
          (app.user = '1000'),
          (app.portMappings = [{ containerPort: 22 }])
        ),
      ),
      path: 'containerDefinitions[0].portMappings[0].containerPort',
    },
  ],
  'host-port-ephemeral': [
    {
      name: 'bridge 32768',
      pass: ec2((_, app) => (app.portMappings = [{ containerPort: 80, hostPort: 32767 }])),
      fail: ec2((_, app) => (app.portMappings = [{ containerPort: 80, hostPort: 32768 }])),
      path: 'containerDefinitions[0].portMappings[0].hostPort',
      fix: true,
    },
  ],
  'static-host-port-behind-lb': [
    {
      name: 'bridge 8080',
      pass: ec2((_, app) => (app.portMappings = [{ containerPort: 80, hostPort: 0 }])),
      fail: ec2((_, app) => (app.portMappings = [{ containerPort: 80, hostPort: 8080 }])),
      path: 'containerDefinitions[0].portMappings[0].hostPort',
      context: { behindLoadBalancer: true },
      fix: true,
    },
  ],
  'awslogs-options-missing': [
    {
      name: 'no group',
      pass: ec2(),
      fail: ec2((_, app) => (app.logConfiguration = { logDriver: 'awslogs', options: {} })),
      path: 'containerDefinitions[0].logConfiguration.options["awslogs-group"]',
    },
    {
      name: 'no stream prefix on Fargate',
      pass: fargate(),
      fail: fargate((_, app) => {
        app.logConfiguration = {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' },
        };
      }),
      path: 'containerDefinitions[0].logConfiguration.options["awslogs-stream-prefix"]',
      fix: true,
    },
    {
      name: 'no region (read from the ECR image)',
      pass: fargate(),
      fail: fargate((_, app) => {
        app.logConfiguration = {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'ecs' },
        };
      }),
      path: 'containerDefinitions[0].logConfiguration.options["awslogs-region"]',
      fix: true,
    },
  ],
  'essential-without-logging': [
    {
      name: 'essential, no logs',
      pass: ec2((d) => d.containerDefinitions.push(sidecar())),
      fail: ec2((_, app) => delete app.logConfiguration),
      path: 'containerDefinitions[0].logConfiguration',
    },
  ],
  'execution-role-required': [
    {
      name: 'Fargate awslogs and ECR',
      pass: ec2((d) => delete d.executionRoleArn),
      fail: fargate((d) => delete d.executionRoleArn),
      path: 'executionRoleArn',
    },
    {
      name: 'secrets on EC2',
      pass: ec2(),
      fail: ec2((_, app) => (app.secrets = [{ name: 'DB_PASSWORD', valueFrom: '/worker/db' }])),
      path: 'executionRoleArn',
    },
  ],
  'task-role-equals-execution-role': [
    {
      name: 'same role',
      pass: fargate(),
      fail: fargate((d) => (d.taskRoleArn = EXECUTION_ROLE)),
      path: 'taskRoleArn',
    },
  ],
  'secret-reference-invalid': [
    {
      name: 'an S3 ARN',
      pass: fargate((_, app) => {
        app.secrets = [
          { name: 'A', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:a-AbCdEf' },
          { name: 'B', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/prod/b' },
          { name: 'C', valueFrom: '/prod/c' },
          { name: 'D', valueFrom: 'prod.d' },
        ];
      }),
      fail: fargate((_, app) => {
        app.secrets = [{ name: 'A', valueFrom: 'arn:aws:s3:::bucket/a.env' }];
      }),
      path: 'containerDefinitions[0].secrets[0].valueFrom',
    },
    {
      name: 'a log secretOption without valueFrom',
      pass: fargate(),
      fail: fargate((_, app) => {
        app.logConfiguration = {
          logDriver: 'splunk',
          options: {},
          secretOptions: [{ name: 'splunk-token' }],
        };
      }),
      path: 'containerDefinitions[0].logConfiguration.secretOptions[0].valueFrom',
    },
  ],
  'plaintext-secret-env': [
    {
      name: 'DB_PASSWORD',
      pass: fargate((_, app) => {
        app.environment = [
          { name: 'KEYCLOAK_URL', value: 'https://auth.example.com' },
          { name: 'DB_PASSWORD', value: '{{db_password}}' },
          { name: 'TOKEN_TTL', value: '3600' },
          { name: 'API_KEY', value: '' },
        ];
      }),
      fail: fargate((_, app) => {
        app.environment = [
          { name: 'NODE_ENV', value: 'production' },
          { name: 'DB_PASSWORD', value: 'hunter2' },
        ];
      }),
      path: 'containerDefinitions[0].environment[1]',
      fix: true,
    },
  ],
  'health-check-command-invalid': [
    {
      name: 'no CMD',
      pass: ec2((_, app) => (app.healthCheck = { command: ['CMD', 'wget', '-q', 'localhost'] })),
      fail: ec2((_, app) => (app.healthCheck = { command: ['curl -f http://localhost/'] })),
      path: 'containerDefinitions[0].healthCheck.command',
      fix: true,
    },
    {
      name: 'no command',
      pass: ec2((_, app) => (app.healthCheck = { command: ['NONE'] })),
      fail: ec2((_, app) => (app.healthCheck = { interval: 30 })),
      path: 'containerDefinitions[0].healthCheck.command',
    },
  ],
  'health-check-range': [
    {
      name: 'interval 1',
      pass: ec2((_, app) => {
        app.healthCheck = {
          command: ['CMD-SHELL', 'true'],
          interval: 5,
          timeout: 60,
          retries: 10,
          startPeriod: 0,
        };
      }),
      fail: ec2((_, app) => (app.healthCheck = { command: ['CMD-SHELL', 'true'], interval: 1 })),
      path: 'containerDefinitions[0].healthCheck.interval',
      fix: true,
    },
    {
      name: 'retries 11',
      pass: ec2(),
      fail: ec2((_, app) => (app.healthCheck = { command: ['CMD-SHELL', 'true'], retries: 11 })),
      path: 'containerDefinitions[0].healthCheck.retries',
      fix: true,
    },
  ],
  'depends-on-unknown-container': [
    {
      name: 'a typo',
      pass: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'sidecar', condition: 'START' }];
        d.containerDefinitions.push(sidecar());
      }),
      fail: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'side-car', condition: 'START' }];
        d.containerDefinitions.push(sidecar());
      }),
      path: 'containerDefinitions[0].dependsOn[0].containerName',
    },
  ],
  'depends-on-condition-invalid': [
    {
      name: 'lower case',
      pass: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'sidecar', condition: 'START' }];
        d.containerDefinitions.push(sidecar());
      }),
      fail: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'sidecar', condition: 'start' }];
        d.containerDefinitions.push(sidecar());
      }),
      path: 'containerDefinitions[0].dependsOn[0].condition',
      fix: true,
    },
  ],
  'depends-on-essential-target': [
    {
      name: 'SUCCESS of an essential container',
      pass: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'migrate', condition: 'SUCCESS' }];
        d.containerDefinitions.push(sidecar({ name: 'migrate' }));
      }),
      fail: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'migrate', condition: 'SUCCESS' }];
        d.containerDefinitions.push(sidecar({ name: 'migrate', essential: undefined }));
      }),
      path: 'containerDefinitions[0].dependsOn[0].condition',
      fix: true,
    },
  ],
  'depends-on-healthy-without-check': [
    {
      name: 'HEALTHY without a healthCheck',
      pass: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'sidecar', condition: 'HEALTHY' }];
        d.containerDefinitions.push(sidecar({ healthCheck: { command: ['CMD-SHELL', 'true'] } }));
      }),
      fail: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'sidecar', condition: 'HEALTHY' }];
        d.containerDefinitions.push(sidecar());
      }),
      path: 'containerDefinitions[0].dependsOn[0].condition',
    },
  ],
  'depends-on-cycle': [
    {
      name: 'a → b → a',
      pass: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'sidecar', condition: 'START' }];
        d.containerDefinitions.push(sidecar());
      }),
      fail: ec2((d, app) => {
        app.dependsOn = [{ containerName: 'sidecar', condition: 'START' }];
        d.containerDefinitions.push(
          sidecar({ dependsOn: [{ containerName: 'worker', condition: 'START' }] }),
        );
      }),
      path: 'containerDefinitions[1].dependsOn[0].containerName',
    },
  ],
  'mount-source-volume-undeclared': [
    {
      name: 'undeclared',
      pass: ec2((d, app) => {
        d.volumes = [{ name: 'data', host: { sourcePath: '/data' } }];
        app.mountPoints = [{ sourceVolume: 'data', containerPath: '/data' }];
      }),
      fail: ec2((_, app) => (app.mountPoints = [{ sourceVolume: 'data', containerPath: '/data' }])),
      path: 'containerDefinitions[0].mountPoints[0].sourceVolume',
      fix: true,
    },
  ],
  'volumes-from-unknown-container': [
    {
      name: 'unknown',
      pass: ec2((d, app) => {
        app.volumesFrom = [{ sourceContainer: 'sidecar' }];
        d.containerDefinitions.push(sidecar());
      }),
      fail: ec2((_, app) => (app.volumesFrom = [{ sourceContainer: 'sidecar' }])),
      path: 'containerDefinitions[0].volumesFrom[0].sourceContainer',
    },
  ],
  'docker-socket-mount': [
    {
      name: 'docker.sock',
      pass: ec2(
        (d) => (d.volumes = [{ name: 'docker', host: { sourcePath: '/var/run/docker.sock' } }]),
      ),
      fail: ec2((d, app) => {
        d.volumes = [{ name: 'docker', host: { sourcePath: '/var/run/docker.sock' } }];
        app.mountPoints = [{ sourceVolume: 'docker', containerPath: '/var/run/docker.sock' }];
      }),
      path: 'containerDefinitions[0].mountPoints[0].sourceVolume',
    },
  ],
  'efs-transit-encryption': [
    {
      name: 'DISABLED',
      pass: fargate((d) => {
        d.volumes = [
          {
            name: 'efs',
            efsVolumeConfiguration: { fileSystemId: 'fs-1', transitEncryption: 'ENABLED' },
          },
        ];
      }),
      fail: fargate((d) => {
        d.volumes = [{ name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-1' } }];
      }),
      path: 'volumes[0].efsVolumeConfiguration.transitEncryption',
      fix: true,
    },
  ],
  'privileged-container': [
    {
      name: 'privileged on EC2',
      pass: ec2((_, app) => (app.privileged = false)),
      fail: ec2((_, app) => (app.privileged = true)),
      path: 'containerDefinitions[0].privileged',
    },
  ],
  'pid-mode-host': [
    {
      name: 'host on EC2',
      pass: ec2((d) => (d.pidMode = 'task')),
      fail: ec2((d) => (d.pidMode = 'host')),
      path: 'pidMode',
    },
  ],
  'host-network-root': [
    {
      name: 'no user',
      pass: ec2((d, app) => ((d.networkMode = 'host'), (app.user = 'nginx'))),
      fail: ec2((d) => (d.networkMode = 'host')),
      path: 'containerDefinitions[0].user',
    },
    {
      name: 'uid 0',
      pass: ec2((d, app) => ((d.networkMode = 'host'), (app.user = '1000:1000'))),
      fail: ec2((d, app) => ((d.networkMode = 'host'), (app.user = '0:0'))),
      path: 'containerDefinitions[0].user',
    },
  ],
  'app-mesh-proxy': [
    {
      name: 'APPMESH',
      pass: fargate(),
      fail: fargate((d) => (d.proxyConfiguration = { type: 'APPMESH', containerName: 'envoy' })),
      path: 'proxyConfiguration',
    },
  ],
  'xray-daemon-sidecar': [
    {
      name: 'the daemon image',
      pass: fargate(),
      fail: fargate((d) =>
        d.containerDefinitions.push(
          sidecar({ name: 'xray-daemon', image: 'public.ecr.aws/xray/aws-xray-daemon:3.3.10' }),
        ),
      ),
      path: 'containerDefinitions[1].image',
    },
  ],
};

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

const findingsOf = (ruleId: string, doc: unknown, context?: LintContext) =>
  lintTaskDefinition(doc, context).filter((finding) => finding.ruleId === ruleId);

describe('LINT_RULES', () => {
  it('has unique, kebab-case ids, each with a title and an AWS doc link', () => {
    const ids = LINT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(rule.title).not.toBe('');
      expect(rule.docUrl).toMatch(/^https:\/\//);
    }
  });

  it('has pass and fail examples for every rule (a new rule needs a row here)', () => {
    expect(Object.keys(CASES).sort()).toEqual(LINT_RULES.map((rule) => rule.id).sort());
  });
});

describe.each(Object.entries(CASES))('%s', (ruleId, cases) => {
  const rule = LINT_RULES.find((candidate) => candidate.id === ruleId);

  it.each(cases)('passes the near miss of "$name"', ({ pass, context }) => {
    expect(findingsOf(ruleId, pass, context)).toEqual([]);
  });

  it.each(cases)('reports $name at $path', ({ fail, path, context }) => {
    const findings = findingsOf(ruleId, fail, context);
    expect(findings.map((finding) => finding.path)).toContain(path);
    for (const finding of findings) {
      expect(() => LintFinding.parse(finding)).not.toThrow();
      expect(finding.severity).toBe(
        ruleId === 'efs-transit-encryption' ? finding.severity : rule?.severity,
      );
      expect(finding.docUrl).toBe(rule?.docUrl);
      expect(finding.message.length).toBeGreaterThan(10);
    }
  });

  const withFix = cases.filter((example) => example.fix);
  if (withFix.length > 0) {
    it.each(withFix)('fixes $name', ({ fail, path, context }) => {
      const finding = findingsOf(ruleId, fail, context).find((f) => f.path === path);
      expect(finding?.fix).toBeDefined();
      if (!finding?.fix) return;
      const fixed = applyFix(fail, finding.fix);
      expect(findingsOf(ruleId, fixed, context)).toEqual([]);
      // …and breaks nothing else: no error the document did not have before.
      const errors = (doc: unknown) =>
        new Set(
          lintTaskDefinition(doc, context)
            .filter((f) => f.severity === 'error')
            .map((f) => `${f.ruleId} ${f.path}`),
        );
      const before = errors(fail);
      expect([...errors(fixed)].filter((error) => !before.has(error))).toEqual([]);
    });
  }
});
