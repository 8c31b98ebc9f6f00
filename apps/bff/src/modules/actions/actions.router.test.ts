import { createHash } from 'node:crypto';
import {
  ECSClient,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { ErrorBody } from '@deckhand/shared';
import { mockClient } from 'aws-sdk-client-mock';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../app.js';
import { SessionStore } from '../../http/auth.js';
import {
  sdkService,
  sdkTaskDefinition,
  taskDefinitionArn,
} from '../../testing/ecs-sdk-fixtures.js';
import { MemoryAuditLog, MemoryIdempotencyStore } from '../../testing/memory-stores.js';
import { mockedAwsLayer } from '../../testing/mocked-aws.js';
import { buildTestApp } from '../../testing/test-app.js';
import { createActionsService } from './actions.service.js';

// Every mutation through the real middleware chain (auth, CSRF/read-only guard, JSON parser)
// with the real service over stubbed SDK clients: each refusal must reach neither AWS nor the
// audit log, nor claim its Idempotency-Key.
const ecsMock = mockClient(ECSClient);
const TASK = '0f1e2d3c4b5a49687766554433221100';
const INSTANCE = 'a1b2c3d4e5f6478899aabbccddeeff00';

function setup(overrides: Partial<AppDeps> = {}) {
  const aws = mockedAwsLayer();
  const audit = new MemoryAuditLog();
  const idempotency = new MemoryIdempotencyStore();
  const actions = createActionsService({
    clients: aws.clients,
    reads: aws.ecs,
    audit,
    idempotency,
  });
  const app = buildTestApp({ actions, ...overrides });
  return { app, audit, idempotency };
}

const post = (app: ReturnType<typeof setup>['app'], path: string) =>
  request(app)
    .post(`/api/v1${path}`)
    .set('content-type', 'application/json')
    .set('idempotency-key', 'key-1');

interface Route {
  name: string;
  path: string;
  valid: object;
  /** A body with one wrong field, and the field the 400 must name. */
  bad: { body: object; field: string };
  /** A path with a wrong parameter, and the parameter the 400 must name. */
  badPath: { path: string; field: string };
  /** Bodies lacking the right `confirm`, for the destructive actions. */
  unconfirmed: object[];
}

const routes: Route[] = [
  {
    name: 'scale',
    path: '/clusters/prod-ec2/services/web/scale',
    valid: { desiredCount: 3 },
    bad: { body: { desiredCount: -1 }, field: 'desiredCount' },
    badPath: { path: '/clusters/prod-ec2/services/we.b/scale', field: 'service' },
    unconfirmed: [{ desiredCount: 0 }, { desiredCount: 0, confirm: 'api' }],
  },
  {
    name: 'deploy',
    path: '/clusters/prod-ec2/services/web/deploy',
    valid: { forceNewDeployment: true },
    bad: { body: { taskDefinition: 'web:latest' }, field: 'taskDefinition' },
    badPath: { path: '/clusters/prod%20ec2/services/web/deploy', field: 'cluster' },
    unconfirmed: [],
  },
  {
    name: 'stop task',
    path: `/clusters/prod-ec2/tasks/${TASK}/stop`,
    valid: { reason: 'stuck', confirm: TASK },
    bad: { body: { reason: '  ', confirm: TASK }, field: 'reason' },
    badPath: { path: '/clusters/prod-ec2/tasks/not-a-task/stop', field: 'task' },
    unconfirmed: [{ reason: 'stuck' }, { reason: 'stuck', confirm: `${TASK.slice(1)}0` }],
  },
  {
    name: 'container instance state',
    path: `/clusters/prod-ec2/container-instances/${INSTANCE}/state`,
    valid: { status: 'ACTIVE' },
    bad: { body: { status: 'PAUSED' }, field: 'status' },
    badPath: {
      path: '/clusters/prod-ec2/container-instances/i-0abc/state',
      field: 'container instance',
    },
    unconfirmed: [{ status: 'DRAINING' }, { status: 'DRAINING', confirm: 'yes' }],
  },
  {
    name: 'register task definition',
    path: '/task-definitions',
    valid: {
      taskDefinition: {
        family: 'web',
        containerDefinitions: [{ name: 'w', image: 'nginx:1.27', memory: 256 }],
      },
    },
    // A wrongly typed member is the lint's (422, below); what is no task definition is a 400.
    bad: { body: { taskDefinition: ['web'] }, field: 'taskDefinition' },
    badPath: { path: '/task-definitions?region=mars-1', field: 'region' },
    unconfirmed: [],
  },
];

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe.each(routes)('POST $name refusals', (route) => {
  function expectUntouched(env: ReturnType<typeof setup>) {
    expect(ecsMock.calls()).toHaveLength(0);
    expect(env.audit.entries).toHaveLength(0);
    expect(env.idempotency.claims.size).toBe(0);
  }

  it('403 without the x-deckhand-request header', async () => {
    const env = setup();
    const response = await post(env.app, route.path).send(route.valid).expect(403);
    expect(ErrorBody.parse(response.body).error.code).toBe('forbidden');
    expectUntouched(env);
  });

  it('403 for a cross-site fetch and for a foreign Origin', async () => {
    const env = setup();
    await post(env.app, route.path)
      .set('x-deckhand-request', '1')
      .set('sec-fetch-site', 'cross-site')
      .send(route.valid)
      .expect(403);
    await post(env.app, route.path)
      .set('x-deckhand-request', '1')
      .set('origin', 'https://evil.example')
      .send(route.valid)
      .expect(403);
    expectUntouched(env);
  });

  it('403 in read-only mode', async () => {
    const env = setup({
      info: { mode: 'simulator', regions: ['us-east-1'], readOnly: true, version: '9.9.9' },
    });
    const response = await post(env.app, route.path)
      .set('x-deckhand-request', '1')
      .send(route.valid)
      .expect(403);
    expect(response.body.error.message).toContain('read-only');
    expectUntouched(env);
  });

  it('400 naming the field for bad input, the path or the Idempotency-Key', async () => {
    const env = setup();
    const body = await post(env.app, route.path)
      .set('x-deckhand-request', '1')
      .send(route.bad.body)
      .expect(400);
    expect(ErrorBody.parse(body.body).error).toMatchObject({ code: 'bad_request' });
    expect(body.body.error.message).toContain(route.bad.field);
    const path = await post(env.app, route.badPath.path)
      .set('x-deckhand-request', '1')
      .send(route.valid)
      .expect(400);
    expect(path.body.error.message).toContain(route.badPath.field);
    const key = await post(env.app, route.path)
      .set('x-deckhand-request', '1')
      .set('idempotency-key', 'k'.repeat(129))
      .send(route.valid)
      .expect(400);
    expect(key.body.error.message).toContain('Idempotency-Key');
    expectUntouched(env);
  });
});

describe.each(routes.filter((route) => route.unconfirmed.length > 0))(
  'POST $name without the right confirm',
  (route) => {
    it('400 confirmation_required, no AWS call, no audit line, no key claimed', async () => {
      const env = setup();
      for (const body of route.unconfirmed) {
        const response = await post(env.app, route.path)
          .set('x-deckhand-request', '1')
          .send(body)
          .expect(400);
        expect(ErrorBody.parse(response.body).error.code).toBe('confirmation_required');
      }
      expect(ecsMock.calls()).toHaveLength(0);
      expect(env.audit.entries).toHaveLength(0);
      expect(env.idempotency.claims.size).toBe(0);
    });
  },
);

describe('POST …/scale accepted', () => {
  const scale = (env: ReturnType<typeof setup>) =>
    post(env.app, '/clusters/prod-ec2/services/web/scale')
      .set('x-deckhand-request', '1')
      .send({ desiredCount: 5 });

  it('answers the service, and replays a repeated Idempotency-Key without AWS', async () => {
    const env = setup();
    ecsMock.on(UpdateServiceCommand).resolves({ service: sdkService({ desiredCount: 5 }) });
    const first = await scale(env).expect(200);
    expect(first.body.service).toMatchObject({ name: 'web', desiredCount: 5 });
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await scale(env).expect(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(env.audit.entries.map((entry) => [entry.phase, entry.requestId])).toEqual([
      ['requested', first.headers['x-request-id']],
      ['succeeded', first.headers['x-request-id']],
    ]);
  });

  it('409 for an Idempotency-Key reused for another request', async () => {
    const env = setup();
    ecsMock.on(UpdateServiceCommand).resolves({ service: sdkService() });
    await scale(env).expect(200);
    const response = await post(env.app, '/clusters/prod-ec2/services/api/scale')
      .set('x-deckhand-request', '1')
      .send({ desiredCount: 5 })
      .expect(409);
    expect(response.body.error.code).toBe('conflict');
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });

  it('audits who asked: local, bearer, or a hash of the session', async () => {
    ecsMock.on(UpdateServiceCommand).resolves({ service: sdkService() });
    const local = setup();
    await scale(local).expect(200);
    expect(local.audit.entries[0]?.actor).toBe('local');

    const sessions = new SessionStore('the-token');
    const env = setup({ sessions });
    await scale(env).set('authorization', 'Bearer the-token').expect(200);
    const session = sessions.create();
    await scale(env).set('cookie', `deckhand_session=${session}`).set('idempotency-key', 'k2');
    const hash = createHash('sha256').update(session).digest('hex').slice(0, 8);
    expect(env.audit.entries.map((entry) => entry.actor)).toEqual([
      'bearer',
      'bearer',
      `session:${hash}`,
      `session:${hash}`,
    ]);
    await scale(env).set('idempotency-key', 'k3').expect(401);
    expect(env.audit.entries).toHaveLength(4);
  });
});

describe('POST /task-definitions input', () => {
  const register = (env: ReturnType<typeof setup>, taskDefinition: unknown) =>
    post(env.app, '/task-definitions').set('x-deckhand-request', '1').send({ taskDefinition });

  it('takes what GET answered (describe output) and registers it without the read-only members', async () => {
    const env = setup();
    ecsMock
      .on(RegisterTaskDefinitionCommand)
      .resolves({ taskDefinition: sdkTaskDefinition({ family: 'web', revision: 8 }) });
    const described = {
      taskDefinition: {
        taskDefinitionArn: taskDefinitionArn('web:7'),
        family: 'web',
        revision: 7,
        status: 'ACTIVE',
        compatibilities: ['EC2'],
        requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
        registeredAt: '2026-11-20T08:00:00.000Z',
        registeredBy: 'arn:aws:iam::123456789012:user/ci',
        cpu: 256,
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256 }],
      },
      tags: [{ key: 'team', value: 'web' }],
      stale: false,
      asOf: '2026-11-26T10:00:00.000Z',
    };
    const response = await register(env, described).expect(200);
    expect(response.body.taskDefinition).toMatchObject({ family: 'web', revision: 8 });
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input).toEqual({
      family: 'web',
      cpu: '256',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256 }],
      tags: [{ key: 'team', value: 'web' }],
    });
  });

  it('re-runs the lint: errors answer 422 lint_failed with every finding, before AWS is asked', async () => {
    const env = setup();
    const response = await register(env, {
      family: 'web',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '4096',
      executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
      containerDefinitions: [{ name: 'web', image: 'nginx:1.27' }],
    }).expect(422);
    const body = ErrorBody.parse(response.body);
    expect(body.error.code).toBe('lint_failed');
    expect(body.error.message).toContain('lint error');
    const errors = (body.error.findings ?? []).filter((finding) => finding.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((finding) => /^(cpu|memory)$/.test(finding.path))).toBe(true);
    expect(ecsMock.calls()).toHaveLength(0);
    expect(env.audit.entries).toHaveLength(0);
  });

  it('refuses a member ECS does not know anywhere in the document, naming its path', async () => {
    const env = setup();
    const response = await register(env, {
      family: 'web',
      containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', memory: 256, portMapping: [{ containerPort: 80 }] },
      ],
    }).expect(400);
    expect(ErrorBody.parse(response.body).error.message).toContain(
      'containerDefinitions[0].portMapping',
    );
    expect(ecsMock.calls()).toHaveLength(0);
  });

  it('refuses unknown members and a missing family by name', async () => {
    const env = setup();
    const typo = await register(env, {
      family: 'web',
      containerDefinition: [{ name: 'web', image: 'nginx' }],
    }).expect(400);
    expect(typo.body.error.message).toContain('containerDefinition');
    // A missing family is a lint error, answered with the finding at `family`.
    const nameless = await register(env, { containerDefinitions: [{ image: 'nginx' }] });
    expect(nameless.status).toBe(422);
    expect(ErrorBody.parse(nameless.body).error.findings?.map((f) => f.path)).toContain('family');
    const missing = await post(env.app, '/task-definitions')
      .set('x-deckhand-request', '1')
      .send({})
      .expect(400);
    expect(missing.body.error.message).toContain('taskDefinition');
    expect(ecsMock.calls()).toHaveLength(0);
  });
});
