import {
  ContainerInstanceStateResponse,
  ContainerInstancesResponse,
  ErrorBody,
  ServiceActionResponse,
  ServiceDetailResponse,
  StopTaskResponse,
  TaskDefinitionFamiliesResponse,
  TaskDefinitionResponse,
  TasksResponse,
} from '@deckhand/shared';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEcsServices } from '../ecs-routes.js';
import { MemoryAuditLog, MemoryIdempotencyStore } from '../../testing/memory-stores.js';
import { startSimulatedAws, type SimulatedAws } from '../../testing/simulated-aws.js';
import { buildTestApp } from '../../testing/test-app.js';
import { createActionsService } from './actions.service.js';
import { RegisterTaskDefinitionResponse } from './actions.mapper.js';

// The mutation routes against the simulator's demo, real SDK over real HTTP: what passes here
// holds against ECS. Reads go through the same app with a long-lived read cache, so each check
// after a change also proves the change invalidated what was cached before it.
let env: SimulatedAws;
const audit = new MemoryAuditLog();

beforeAll(async () => {
  env = await startSimulatedAws({}, { ttlMs: 60_000 });
});
afterAll(() => env.stop());

const app = () =>
  buildTestApp({
    ecs: createEcsServices(env.aws.ecs),
    actions: createActionsService({
      clients: env.aws.clients,
      reads: env.aws.ecs,
      audit,
      idempotency: new MemoryIdempotencyStore(),
    }),
  });
const get = (path: string) => request(app()).get(`/api/v1${path}`).expect(200);
const post = (path: string, body: object) =>
  request(app()).post(`/api/v1${path}`).set('x-deckhand-request', '1').send(body);

describe('mutation routes ↔ simulator', () => {
  it('scales prod-ec2/web up and answers the new desired count', async () => {
    const before = ServiceDetailResponse.parse(
      (await get('/clusters/prod-ec2/services/web')).body,
    ).service;
    const response = await post('/clusters/prod-ec2/services/web/scale', {
      desiredCount: before.desiredCount + 1,
    }).expect(200);
    const { service } = ServiceActionResponse.parse(response.body);
    expect(service).toMatchObject({ name: 'web', desiredCount: before.desiredCount + 1 });
    const after = ServiceDetailResponse.parse((await get('/clusters/prod-ec2/services/web')).body);
    expect(after.service.desiredCount).toBe(before.desiredCount + 1);
    const last = audit.entries.at(-1);
    expect(last).toMatchObject({ action: 'service.scale', phase: 'succeeded' });
    expect(last?.awsRequestId).toMatch(/\S/);
  });

  it('stops a running task once confirmed with its id', async () => {
    const { tasks } = TasksResponse.parse((await get('/clusters/prod-ec2/tasks?service=api')).body);
    const task = tasks.find((candidate) => candidate.lastStatus === 'RUNNING');
    expect(task).toBeDefined();
    const id = task?.id ?? '';
    const refused = await post(`/clusters/prod-ec2/tasks/${id}/stop`, { reason: 'x' }).expect(400);
    expect(refused.body.error.code).toBe('confirmation_required');
    const response = await post(`/clusters/prod-ec2/tasks/${id}/stop`, {
      reason: 'Stopped from Deckhand test',
      confirm: id,
    }).expect(200);
    expect(StopTaskResponse.parse(response.body).task).toMatchObject({
      id,
      desiredStatus: 'STOPPED',
    });
  });

  it('drains a container instance and activates it again', async () => {
    const { containerInstances } = ContainerInstancesResponse.parse(
      (await get('/clusters/prod-ec2/container-instances')).body,
    );
    const id = containerInstances[0]?.id ?? '';
    const path = `/clusters/prod-ec2/container-instances/${id}/state`;
    const drained = await post(path, { status: 'DRAINING', confirm: id }).expect(200);
    expect(ContainerInstanceStateResponse.parse(drained.body).containerInstance).toMatchObject({
      id,
      status: 'DRAINING',
    });
    const listed = ContainerInstancesResponse.parse(
      (await get('/clusters/prod-ec2/container-instances')).body,
    );
    expect(listed.containerInstances.find((instance) => instance.id === id)?.status).toBe(
      'DRAINING',
    );
    const active = await post(path, { status: 'ACTIVE' }).expect(200);
    expect(ContainerInstanceStateResponse.parse(active.body).containerInstance.status).toBe(
      'ACTIVE',
    );
  });

  it('registers a new revision of an existing family from what GET answered', async () => {
    const { families } = TaskDefinitionFamiliesResponse.parse(
      (await get('/task-definitions/families')).body,
    );
    const family = families.find((candidate) => candidate.name === 'storefront-web');
    const latest = family?.latestRevision ?? 0;
    expect(latest).toBeGreaterThan(0);
    const current = TaskDefinitionResponse.parse(
      (await get(`/task-definitions/storefront-web/${latest}`)).body,
    );
    const response = await post('/task-definitions', { taskDefinition: current }).expect(200);
    const { taskDefinition } = RegisterTaskDefinitionResponse.parse(response.body);
    expect(taskDefinition).toMatchObject({ family: 'storefront-web', revision: latest + 1 });
    expect(taskDefinition.containerDefinitions?.map((c) => c.image)).toEqual(
      current.taskDefinition.containerDefinitions?.map((c) => c.image),
    );
    // The family list is read again, not served from before the registration.
    const after = TaskDefinitionFamiliesResponse.parse(
      (await get('/task-definitions/families')).body,
    );
    expect(after.families.find((f) => f.name === 'storefront-web')?.latestRevision).toBe(
      latest + 1,
    );
  });

  it("answers AWS's own refusal verbatim as a 400, and records it", async () => {
    const response = await post('/clusters/prod-ec2/services/xray-daemon/scale', {
      desiredCount: 2,
    }).expect(400);
    expect(ErrorBody.parse(response.body).error.message).toBe(
      'Scaling service xray-daemon: The daemon scheduling strategy does not support a desired count for services.',
    );
    const unknown = await post('/clusters/prod-ec2/services/web/deploy', {
      taskDefinition: 'no-such-family:1',
    }).expect(400);
    expect(unknown.body.error.message).toBe('Deploying service web: TaskDefinition not found.');
    const failed = audit.entries.filter((entry) => entry.phase === 'failed');
    expect(failed.at(-1)?.awsRequestId).toMatch(/\S/);
  });
});
