import {
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  StopTaskCommand,
  UpdateContainerInstancesStateCommand,
  UpdateServiceCommand,
  type UpdateServiceCommandOutput,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpError } from '../../http/errors.js';
import {
  instanceArn,
  sdkBridgeTask,
  sdkContainerInstance,
  sdkService,
  sdkTaskDefinition,
  taskArn,
} from '../../testing/ecs-sdk-fixtures.js';
import { MemoryAuditLog, MemoryIdempotencyStore } from '../../testing/memory-stores.js';
import { awsError, mockedAwsLayer } from '../../testing/mocked-aws.js';
import type { ActionContext } from './action-runner.js';
import { createActionsService } from './actions.service.js';

const ecsMock = mockClient(ECSClient);
const TASK = '0f1e2d3c4b5a49687766554433221100';
const INSTANCE = 'a1b2c3d4e5f6478899aabbccddeeff00';
const T0 = Date.parse('2026-11-26T10:00:00.000Z');

function setup() {
  const aws = mockedAwsLayer();
  const audit = new MemoryAuditLog();
  const idempotency = new MemoryIdempotencyStore();
  const afterMutation = vi.fn();
  const invalidateCluster = vi.spyOn(aws.ecs, 'invalidateCluster');
  const invalidateTaskDefinitions = vi.spyOn(aws.ecs, 'invalidateTaskDefinitions');
  const actions = createActionsService({
    clients: aws.clients,
    reads: aws.ecs,
    audit,
    idempotency,
    afterMutation,
    now: () => T0,
  });
  return {
    actions,
    audit,
    idempotency,
    afterMutation,
    invalidateCluster,
    invalidateTaskDefinitions,
  };
}

const context = (overrides: Partial<ActionContext> = {}): ActionContext => ({
  region: 'us-east-1',
  requestId: 'req-1',
  actor: 'local',
  ...overrides,
});

/** What the SDK throws for an AWS refusal: the code as name, AWS's message, its request id. */
const refusal = (name: string, message: string, requestId = 'aws-err-1') =>
  Object.assign(awsError(name, message), { $metadata: { httpStatusCode: 400, requestId } });

const updated = (overrides = {}): UpdateServiceCommandOutput => ({
  service: sdkService({ desiredCount: 5, ...overrides }),
  $metadata: { requestId: 'aws-ok-1' },
});

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('scale', () => {
  it('sends desiredCount, audits before and after, invalidates and answers the service', async () => {
    const { actions, audit, afterMutation, invalidateCluster } = setup();
    ecsMock.on(UpdateServiceCommand).callsFake(() => {
      // The request is on record before AWS is called.
      expect(audit.entries.map((entry) => entry.phase)).toEqual(['requested']);
      return updated();
    });

    const outcome = await actions.scaleService(context(), 'prod-ec2', 'web', { desiredCount: 5 });

    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod-ec2',
      service: 'web',
      desiredCount: 5,
    });
    expect(outcome).toMatchObject({ status: 200, replayed: false });
    expect(outcome.body).toMatchObject({
      service: { name: 'web', desiredCount: 5, events: [{ id: 'e2' }, { id: 'e1' }] },
    });
    expect(audit.entries).toEqual([
      {
        at: '2026-11-26T10:00:00.000Z',
        requestId: 'req-1',
        actor: 'local',
        action: 'service.scale',
        region: 'us-east-1',
        target: 'prod-ec2/web',
        phase: 'requested',
        params: { desiredCount: 5 },
      },
      expect.objectContaining({
        phase: 'succeeded',
        requestId: 'req-1',
        awsRequestId: 'aws-ok-1',
        result: expect.objectContaining({ desiredCount: 5 }),
      }),
    ]);
    expect(invalidateCluster).toHaveBeenCalledWith('us-east-1', 'prod-ec2');
    expect(afterMutation).toHaveBeenCalledWith('us-east-1', 'prod-ec2');
  });

  it("surfaces AWS's refusal as a 400 with AWS's message, audited as failed with its request id", async () => {
    const { actions, audit, afterMutation } = setup();
    const message = 'The daemon scheduling strategy does not support a desired count for services.';
    ecsMock.on(UpdateServiceCommand).rejects(refusal('InvalidParameterException', message));

    const error = await actions
      .scaleService(context(), 'prod-ec2', 'xray-daemon', { desiredCount: 2 })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      status: 400,
      code: 'bad_request',
      message: `Scaling service xray-daemon: ${message}`,
    });
    expect(audit.entries.map((entry) => entry.phase)).toEqual(['requested', 'failed']);
    expect(audit.entries[1]).toMatchObject({
      awsRequestId: 'aws-err-1',
      error: { code: 'bad_request', message: `Scaling service xray-daemon: ${message}` },
    });
    expect(afterMutation).not.toHaveBeenCalled();
  });

  it('refuses scaling to 0 without the service name, before any AWS call or audit line', async () => {
    const { actions, audit } = setup();
    for (const confirm of [undefined, 'api']) {
      await expect(
        actions.scaleService(context(), 'prod-ec2', 'web', { desiredCount: 0, confirm }),
      ).rejects.toMatchObject({ status: 400, code: 'confirmation_required' });
    }
    expect(ecsMock.calls()).toHaveLength(0);
    expect(audit.entries).toHaveLength(0);
    ecsMock.on(UpdateServiceCommand).resolves(updated({ desiredCount: 0 }));
    await actions.scaleService(context(), 'prod-ec2', 'web', { desiredCount: 0, confirm: 'web' });
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });
});

describe('idempotency', () => {
  it('replays a completed request without calling AWS again', async () => {
    const { actions, audit } = setup();
    ecsMock.on(UpdateServiceCommand).resolves(updated());
    const first = await actions.scaleService(context({ idempotencyKey: 'k1' }), 'prod-ec2', 'web', {
      desiredCount: 5,
    });
    const second = await actions.scaleService(
      context({ idempotencyKey: 'k1', requestId: 'req-2' }),
      'prod-ec2',
      'web',
      { desiredCount: 5 },
    );
    expect(second).toEqual({ ...first, replayed: true });
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
    expect(audit.entries).toHaveLength(2);
    expect(audit.entries[0]?.idempotencyKey).toBe('k1');
  });

  it('answers 409 while the same request is still running, and for another request', async () => {
    const { actions } = setup();
    let finish: (value: UpdateServiceCommandOutput) => void = () => undefined;
    ecsMock
      .on(UpdateServiceCommand)
      .callsFake(() => new Promise<UpdateServiceCommandOutput>((resolve) => (finish = resolve)));
    const key = context({ idempotencyKey: 'k2' });
    const running = actions.scaleService(key, 'prod-ec2', 'web', { desiredCount: 5 });
    await vi.waitFor(() => expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1));

    await expect(
      actions.scaleService(key, 'prod-ec2', 'web', { desiredCount: 5 }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('still running') });
    await expect(
      actions.scaleService(key, 'prod-ec2', 'web', { desiredCount: 6 }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('different request') });
    await expect(
      actions.scaleService(key, 'prod-ec2', 'api', { desiredCount: 5 }),
    ).rejects.toMatchObject({ status: 409, message: expect.stringContaining('different request') });

    finish(updated());
    await expect(running).resolves.toMatchObject({ status: 200 });
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(1);
  });

  it('stores an AWS refusal for replay, but releases the key when AWS throttled', async () => {
    const { actions, idempotency } = setup();
    ecsMock
      .on(UpdateServiceCommand)
      .rejectsOnce(refusal('ServiceNotActiveException', 'Service was not ACTIVE.'))
      .rejectsOnce(awsError('ThrottlingException', 'Rate exceeded'));
    const input = { desiredCount: 2 };
    const refused = () => actions.scaleService(context({ idempotencyKey: 'r' }), 'c', 'old', input);
    await expect(refused()).rejects.toMatchObject({ status: 400 });
    const replay = await refused();
    expect(replay).toMatchObject({
      status: 400,
      replayed: true,
      body: {
        error: { code: 'bad_request', message: 'Scaling service old: Service was not ACTIVE.' },
      },
    });

    const throttled = () =>
      actions.scaleService(context({ idempotencyKey: 't' }), 'c', 'web', input);
    await expect(throttled()).rejects.toMatchObject({ status: 429 });
    expect(idempotency.released).toEqual(['t']);
    ecsMock.on(UpdateServiceCommand).resolves(updated());
    await expect(throttled()).resolves.toMatchObject({ status: 200, replayed: false });
    expect(ecsMock.commandCalls(UpdateServiceCommand)).toHaveLength(3);
  });

  it('releases the key and calls no AWS when the request cannot be put on record', async () => {
    const { actions, audit, idempotency } = setup();
    vi.spyOn(audit, 'append').mockRejectedValueOnce(new Error('disk full'));
    await expect(
      actions.scaleService(context({ idempotencyKey: 'a' }), 'prod-ec2', 'web', {
        desiredCount: 1,
      }),
    ).rejects.toThrow('disk full');
    expect(idempotency.released).toEqual(['a']);
    expect(ecsMock.calls()).toHaveLength(0);
  });
});

describe('deploy, stop, state, register', () => {
  it('deploys a revision and answers the new PRIMARY deployment', async () => {
    const { actions, audit } = setup();
    ecsMock.on(UpdateServiceCommand).resolves(updated());
    await actions.deployService(context(), 'prod-ec2', 'web', {
      taskDefinition: 'web:8',
      forceNewDeployment: true,
    });
    expect(ecsMock.commandCalls(UpdateServiceCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod-ec2',
      service: 'web',
      taskDefinition: 'web:8',
      forceNewDeployment: true,
    });
    expect(audit.entries[1]).toMatchObject({ action: 'service.deploy', phase: 'succeeded' });
  });

  it('stops a confirmed task with its reason and answers the task', async () => {
    const { actions, audit } = setup();
    const stopped = sdkBridgeTask({ desiredStatus: 'STOPPED', stoppedReason: 'stuck' });
    ecsMock.on(StopTaskCommand).resolves({ task: stopped, $metadata: { requestId: 's-1' } });
    await expect(
      actions.stopTask(context(), 'prod-ec2', TASK, { reason: 'stuck' }),
    ).rejects.toMatchObject({ code: 'confirmation_required' });
    const outcome = await actions.stopTask(context(), 'prod-ec2', TASK, {
      reason: 'stuck',
      confirm: TASK,
    });
    expect(ecsMock.commandCalls(StopTaskCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod-ec2',
      task: TASK,
      reason: 'stuck',
    });
    expect(outcome.body).toMatchObject({ task: { id: TASK, desiredStatus: 'STOPPED' } });
    expect(audit.entries[1]).toMatchObject({
      target: `prod-ec2/task/${TASK}`,
      awsRequestId: 's-1',
      result: { desiredStatus: 'STOPPED' },
    });
  });

  it('drains a confirmed instance and answers it with the tasks it runs', async () => {
    const { actions } = setup();
    const arn = instanceArn('prod-ec2', INSTANCE);
    ecsMock.on(UpdateContainerInstancesStateCommand).resolves({
      containerInstances: [sdkContainerInstance({ status: 'DRAINING' })],
      failures: [],
    });
    ecsMock.on(ListTasksCommand).resolves({ taskArns: [taskArn('prod-ec2', TASK)] });
    ecsMock
      .on(DescribeTasksCommand)
      .resolves({ tasks: [sdkBridgeTask({ containerInstanceArn: arn })] });
    await expect(
      actions.setContainerInstanceState(context(), 'prod-ec2', INSTANCE, { status: 'DRAINING' }),
    ).rejects.toMatchObject({ code: 'confirmation_required' });
    expect(ecsMock.calls()).toHaveLength(0);

    const outcome = await actions.setContainerInstanceState(context(), 'prod-ec2', INSTANCE, {
      status: 'DRAINING',
      confirm: INSTANCE,
    });
    expect(outcome.body).toMatchObject({
      containerInstance: { id: INSTANCE, status: 'DRAINING', tasks: [TASK] },
    });
  });

  it('answers 404 when ECS reports the instance MISSING, audited as failed', async () => {
    const { actions, audit } = setup();
    ecsMock.on(UpdateContainerInstancesStateCommand).resolves({
      containerInstances: [],
      failures: [{ arn: INSTANCE, reason: 'MISSING' }],
      $metadata: { requestId: 'u-1' },
    });
    await expect(
      actions.setContainerInstanceState(context(), 'prod-ec2', INSTANCE, { status: 'ACTIVE' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(audit.entries[1]).toMatchObject({ phase: 'failed', awsRequestId: 'u-1' });
  });

  it('registers a revision, answers it in the AWS shape, and drops the task definition lists', async () => {
    const { actions, audit, invalidateTaskDefinitions, afterMutation } = setup();
    ecsMock.on(RegisterTaskDefinitionCommand).resolves({
      taskDefinition: sdkTaskDefinition({ family: 'web', revision: 8 }),
      tags: [{ key: 'team', value: 'web' }],
    });
    const input = {
      family: 'web',
      containerDefinitions: [
        { name: 'web', image: 'nginx', environment: [{ name: 'TOKEN', value: 's3cret' }] },
      ],
    };
    const outcome = await actions.registerTaskDefinition(context(), input);
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input).toEqual(input);
    expect(outcome.body).toMatchObject({
      taskDefinition: { family: 'web', revision: 8 },
      tags: [{ key: 'team', value: 'web' }],
    });
    expect(invalidateTaskDefinitions).toHaveBeenCalledWith('us-east-1');
    expect(afterMutation).not.toHaveBeenCalled();
    // Environment values may be secrets: the audit log keeps what identifies the revision only.
    expect(JSON.stringify(audit.entries)).not.toContain('s3cret');
    expect(audit.entries[0]?.params).toMatchObject({
      family: 'web',
      containers: [{ name: 'web', image: 'nginx' }],
    });
  });
});
