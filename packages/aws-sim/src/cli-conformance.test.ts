// An outside check: the real AWS CLI v2 (Python, botocore: a client we did not write) against the
// simulator. Every assertion is what AWS itself answers, so the CLI's parsing is held to AWS's
// shapes, not to the simulator's idea of them.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from './simulator.js';

const AWS_CLI = '/usr/bin/aws';
const ACCOUNT = '000000000000';
const REGION = 'us-east-1';
const CLUSTER = 'prod-ec2';
const SERVICE = 'cli-check';
const FAMILY = 'cli-check-web';

/** `aws --version` prints `aws-cli/2.x.y Python/...`; v1 differs in flags and output. */
function cliV2(): boolean {
  try {
    return execFileSync(AWS_CLI, ['--version'], { encoding: 'utf8', timeout: 30_000 }).startsWith(
      'aws-cli/2',
    );
  } catch {
    return false;
  }
}

const run = promisify(execFile);
const arn = (resource: string) => `arn:aws:ecs:${REGION}:${ACCOUNT}:${resource}`;
const TASK_ARN = new RegExp(`^arn:aws:ecs:${REGION}:${ACCOUNT}:task/${CLUSTER}/[0-9a-f]{32}$`);

type Json = Record<string, unknown>;

let simulator: Simulator;
let home: string;

/** Runs `aws ecs <args>` with dummy credentials and no profile, config or pager. */
async function aws(...args: string[]): Promise<Json> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'AKIDCLICHECK',
    AWS_SECRET_ACCESS_KEY: 'not-checked-by-the-simulator',
    AWS_REGION: REGION,
    AWS_PAGER: '',
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const { stdout } = await run(
    AWS_CLI,
    ['--endpoint-url', simulator.endpoint, '--output', 'json', 'ecs', ...args],
    { env, timeout: 60_000 },
  );
  return JSON.parse(stdout) as Json;
}

/**
 * Repeats a CLI call until `done` holds: AWS's scheduler acts asynchronously, so does the
 * simulator's. The clock is paused, so each try first moves simulated time on by a few seconds;
 * after ten tries (50 simulated seconds) the last answer is the test's to judge.
 */
async function until<T>(call: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    simulator.clock.advance(5_000);
    const value = await call();
    if (done(value) || tries >= 10) return value;
  }
}

const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : []);

const SLOW = 90_000;

describe.skipIf(!cliV2())('AWS CLI v2 against the simulator', () => {
  let taskArns: string[] = [];

  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'deckhand-cli-'));
    simulator = createSimulator({ port: 0, scenario: 'demo', throttling: 'off' });
    await simulator.start();
    // Each CLI call takes a second or more: on a paused clock the fleet moves only when `until`
    // says, however slow the machine.
    simulator.clock.pause();
  });
  afterAll(async () => {
    await simulator.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it(
    'list-clusters',
    async () => {
      const { clusterArns } = await aws('list-clusters');
      expect(clusterArns).toEqual(
        expect.arrayContaining([
          arn('cluster/prod-ec2'),
          arn('cluster/prod-fargate'),
          arn('cluster/awseb-storefront-prod-mp3jzqk2xd'),
        ]),
      );
    },
    SLOW,
  );

  it(
    'describe-clusters',
    async () => {
      const { clusters, failures } = await aws(
        'describe-clusters',
        '--clusters',
        CLUSTER,
        'no-such-cluster',
        '--include',
        'TAGS',
      );
      expect(clusters).toEqual([
        expect.objectContaining({
          clusterArn: arn(`cluster/${CLUSTER}`),
          clusterName: CLUSTER,
          status: 'ACTIVE',
          registeredContainerInstancesCount: 3,
          tags: expect.arrayContaining([{ key: 'team', value: 'platform' }]) as unknown,
        }),
      ]);
      expect(failures).toEqual([{ arn: arn('cluster/no-such-cluster'), reason: 'MISSING' }]);
    },
    SLOW,
  );

  it(
    'create-cluster',
    async () => {
      const { cluster } = await aws('create-cluster', '--cluster-name', 'cli-made');
      expect(cluster).toMatchObject({
        clusterArn: arn('cluster/cli-made'),
        clusterName: 'cli-made',
        status: 'ACTIVE',
        registeredContainerInstancesCount: 0,
        runningTasksCount: 0,
        pendingTasksCount: 0,
        activeServicesCount: 0,
      });
    },
    SLOW,
  );

  it(
    'register-task-definition (bridge, EC2, from --cli-input-json)',
    async () => {
      const input = {
        family: FAMILY,
        networkMode: 'bridge',
        requiresCompatibilities: ['EC2'],
        containerDefinitions: [
          {
            name: 'web',
            image: 'public.ecr.aws/nginx/nginx:1.27',
            cpu: 128,
            memory: 128,
            essential: true,
            portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
          },
        ],
      };
      const { taskDefinition } = await aws(
        'register-task-definition',
        '--cli-input-json',
        JSON.stringify(input),
      );
      expect(taskDefinition).toMatchObject({
        taskDefinitionArn: arn(`task-definition/${FAMILY}:1`),
        family: FAMILY,
        revision: 1,
        status: 'ACTIVE',
        networkMode: 'bridge',
        requiresCompatibilities: ['EC2'],
        compatibilities: expect.arrayContaining(['EC2']) as unknown,
        containerDefinitions: [
          expect.objectContaining({
            name: 'web',
            image: 'public.ecr.aws/nginx/nginx:1.27',
            cpu: 128,
            memory: 128,
            essential: true,
            portMappings: [
              expect.objectContaining({ containerPort: 80, hostPort: 0, protocol: 'tcp' }),
            ],
          }),
        ],
      });
    },
    SLOW,
  );

  it(
    'create-service',
    async () => {
      const { service } = await aws(
        'create-service',
        '--cluster',
        CLUSTER,
        '--service-name',
        SERVICE,
        '--task-definition',
        FAMILY,
        '--desired-count',
        '1',
        '--launch-type',
        'EC2',
      );
      expect(service).toMatchObject({
        serviceArn: arn(`service/${CLUSTER}/${SERVICE}`),
        serviceName: SERVICE,
        clusterArn: arn(`cluster/${CLUSTER}`),
        status: 'ACTIVE',
        desiredCount: 1,
        launchType: 'EC2',
        schedulingStrategy: 'REPLICA',
        taskDefinition: arn(`task-definition/${FAMILY}:1`),
        deploymentConfiguration: expect.objectContaining({
          maximumPercent: 200,
          minimumHealthyPercent: 100,
        }) as unknown,
        deployments: [
          expect.objectContaining({
            status: 'PRIMARY',
            desiredCount: 1,
            taskDefinition: arn(`task-definition/${FAMILY}:1`),
          }),
        ],
      });
    },
    SLOW,
  );

  it(
    'update-service --desired-count (scale)',
    async () => {
      const { service } = await aws(
        'update-service',
        '--cluster',
        CLUSTER,
        '--service',
        SERVICE,
        '--desired-count',
        '3',
      );
      expect(service).toMatchObject({ serviceName: SERVICE, desiredCount: 3, status: 'ACTIVE' });
      // Scaling alone starts no new deployment.
      const deployments = list((service as Json).deployments);
      expect(deployments).toHaveLength(1);
      expect(deployments[0]).toMatchObject({ status: 'PRIMARY', desiredCount: 3 });
    },
    SLOW,
  );

  it(
    'list-tasks',
    async () => {
      const { taskArns: listed } = await until(
        () => aws('list-tasks', '--cluster', CLUSTER, '--service-name', SERVICE),
        (answer) => Array.isArray(answer.taskArns) && answer.taskArns.length >= 3,
      );
      expect(listed).toHaveLength(3);
      taskArns = (listed as string[]).slice();
      for (const taskArn of taskArns) expect(taskArn).toMatch(TASK_ARN);
    },
    SLOW,
  );

  it(
    'describe-tasks',
    async () => {
      expect(taskArns).toHaveLength(3);
      const { tasks, failures } = await aws(
        'describe-tasks',
        '--cluster',
        CLUSTER,
        '--tasks',
        ...taskArns,
      );
      expect(failures).toEqual([]);
      expect(
        list(tasks)
          .map((task) => task.taskArn)
          .sort(),
      ).toEqual(taskArns.slice().sort());
      for (const task of list(tasks)) {
        expect(task).toMatchObject({
          clusterArn: arn(`cluster/${CLUSTER}`),
          taskDefinitionArn: arn(`task-definition/${FAMILY}:1`),
          group: `service:${SERVICE}`,
          launchType: 'EC2',
          desiredStatus: 'RUNNING',
          containerInstanceArn: expect.stringMatching(
            new RegExp(
              `^arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/${CLUSTER}/[0-9a-f]{32}$`,
            ),
          ) as unknown,
          containers: [expect.objectContaining({ name: 'web' })],
        });
        expect(task.startedBy).toMatch(/^ecs-svc\//);
        expect(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']).toContain(task.lastStatus);
      }
    },
    SLOW,
  );

  it(
    'stop-task',
    async () => {
      const taskArn = taskArns[0];
      expect(taskArn).toBeDefined();
      const { task } = await aws(
        'stop-task',
        '--cluster',
        CLUSTER,
        '--task',
        taskArn ?? '',
        '--reason',
        'stopped by the CLI check',
      );
      expect(task).toMatchObject({
        taskArn,
        desiredStatus: 'STOPPED',
        stoppedReason: 'stopped by the CLI check',
      });
    },
    SLOW,
  );

  it(
    'describe-services',
    async () => {
      const { services, failures } = await until(
        () =>
          aws('describe-services', '--cluster', CLUSTER, '--services', SERVICE, 'no-such-service'),
        // The scheduler reports what it started in AWS's event wording.
        (answer) =>
          list(list(answer.services)[0]?.events).some((event) =>
            String(event.message).startsWith(`(service ${SERVICE}) has started`),
          ),
      );
      expect(failures).toEqual([
        {
          arn: expect.stringMatching(/:service\/(prod-ec2\/)?no-such-service$/) as unknown,
          reason: 'MISSING',
        },
      ]);
      expect(services).toEqual([
        expect.objectContaining({
          serviceArn: arn(`service/${CLUSTER}/${SERVICE}`),
          serviceName: SERVICE,
          status: 'ACTIVE',
          desiredCount: 3,
          launchType: 'EC2',
        }),
      ]);
      const events = list(list(services)[0]?.events);
      expect(
        events.some((event) =>
          /^\(service cli-check\) has started \d+ tasks?: (\(task [0-9a-f]{32}\) ?)+\.$/.test(
            String(event.message),
          ),
        ),
      ).toBe(true);
    },
    SLOW,
  );
});
