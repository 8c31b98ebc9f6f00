import type {
  Deployment,
  LiveEvent,
  ServiceDetailResponse,
  ServicesResponse,
  TasksResponse,
} from '@deckhand/shared';
import { buildService, buildServiceDetail, buildTask } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { applyToServiceDetail, applyToServices, applyToTasks, replaceTask } from './live-reducers';

const fresh = { stale: false, asOf: '2026-11-26T10:00:00.000Z' };
const where = { region: 'us-east-1', cluster: 'prod' };

const deployment = (overrides: Partial<Deployment> = {}): Deployment => ({
  id: 'ecs-svc/2',
  status: 'PRIMARY',
  taskDefinition: 'web:2',
  desiredCount: 2,
  runningCount: 1,
  pendingCount: 1,
  failedTasks: 0,
  rolloutState: 'IN_PROGRESS',
  ...overrides,
});

const servicesList = (): ServicesResponse => ({
  ...fresh,
  services: [buildService({ name: 'web' }), buildService({ name: 'api' })],
});

const detail = (): ServiceDetailResponse => ({
  ...fresh,
  service: buildServiceDetail({ name: 'web', healthCheckGracePeriodSeconds: 30 }),
});

const taskA = buildTask({ id: 'a' });
const taskB = buildTask({ id: 'b' });
const stoppedA: LiveEvent = {
  type: 'task.stopped',
  ...where,
  service: 'web',
  task: { ...taskA, lastStatus: 'STOPPED', desiredStatus: 'STOPPED' },
  diagnosis: { kind: 'out-of-memory', summary: 'Container web was killed (exit 137).' },
};
const startedB: LiveEvent = { type: 'task.started', ...where, service: 'web', task: taskB };

describe('applyToServices', () => {
  it('replaces the row of an updated service by name', () => {
    const data = servicesList();
    const event: LiveEvent = {
      type: 'service.updated',
      ...where,
      service: buildService({ name: 'web', runningCount: 5, desiredCount: 5 }),
    };
    const next = applyToServices(data, event);
    expect(next.services.map((s) => [s.name, s.runningCount])).toEqual([
      ['web', 5],
      ['api', 2],
    ]);
    expect(next.services[1]).toBe(data.services[1]);
    expect(applyToServices(next, event)).toBe(next);
  });

  it('upserts a deployment inside its service', () => {
    const data = servicesList();
    const event: LiveEvent = {
      type: 'deployment.updated',
      ...where,
      service: 'web',
      deployment: deployment(),
    };
    const next = applyToServices(data, event);
    expect(next.services[0]?.deployments.map((d) => d.id)).toEqual([
      'ecs-svc/2',
      'ecs-svc/4011233451029338746',
    ]);
    const moved = applyToServices(next, {
      ...event,
      deployment: deployment({ runningCount: 2, rolloutState: 'COMPLETED' }),
    });
    expect(moved.services[0]?.deployments).toHaveLength(2);
    expect(moved.services[0]?.deployments[0]?.rolloutState).toBe('COMPLETED');
    expect(
      applyToServices(moved, {
        ...event,
        deployment: deployment({ runningCount: 2, rolloutState: 'COMPLETED' }),
      }),
    ).toBe(moved);
  });

  it('returns the same object for events it does not hold', () => {
    const data = servicesList();
    expect(applyToServices(data, startedB)).toBe(data);
    expect(
      applyToServices(data, {
        type: 'deployment.updated',
        ...where,
        service: 'unknown',
        deployment: deployment(),
      }),
    ).toBe(data);
  });
});

describe('applyToServiceDetail', () => {
  it('merges counts, status and revision, keeping the detail fields', () => {
    const data = detail();
    const next = applyToServiceDetail(data, {
      type: 'service.updated',
      ...where,
      service: buildService({
        name: 'web',
        runningCount: 1,
        pendingCount: 1,
        taskDefinition: 'web:2',
      }),
    });
    expect(next.service).toMatchObject({
      runningCount: 1,
      pendingCount: 1,
      taskDefinition: 'web:2',
    });
    expect(next.service.healthCheckGracePeriodSeconds).toBe(30);
    expect(next.service.events).toBe(data.service.events);
  });

  it('prepends a new service event once, newest first', () => {
    const data = detail();
    const event: LiveEvent = {
      type: 'service.event',
      ...where,
      service: 'web',
      event: {
        id: 'e2',
        createdAt: '2026-11-26T09:10:00.000Z',
        message: '(service web) has started 1 tasks: (task b).',
        kind: 'task-started',
      },
    };
    const next = applyToServiceDetail(data, event);
    expect(next.service.events.map((e) => e.id)).toEqual(['e2', 'e1']);
    expect(applyToServiceDetail(next, event)).toBe(next);
  });

  it('upserts deployments by id', () => {
    const data = detail();
    const event: LiveEvent = {
      type: 'deployment.updated',
      ...where,
      service: 'web',
      deployment: deployment(),
    };
    const next = applyToServiceDetail(data, event);
    expect(next.service.deployments.map((d) => d.id)).toEqual([
      'ecs-svc/2',
      'ecs-svc/4011233451029338746',
    ]);
    expect(applyToServiceDetail(next, event)).toBe(next);
  });

  it('ignores other services and task events', () => {
    const data = detail();
    expect(
      applyToServiceDetail(data, {
        type: 'service.updated',
        ...where,
        service: buildService({ name: 'api' }),
      }),
    ).toBe(data);
    expect(applyToServiceDetail(data, startedB)).toBe(data);
    expect(
      applyToServiceDetail(data, {
        type: 'service.updated',
        ...where,
        service: buildService({ name: 'web' }),
      }),
    ).toBe(data);
  });
});

describe('applyToTasks', () => {
  const running = (): TasksResponse => ({ ...fresh, tasks: [taskA] });
  const runningFilter = { service: 'web', desiredStatus: 'RUNNING' } as const;
  const stoppedFilter = { service: 'web', desiredStatus: 'STOPPED' } as const;

  it('adds started tasks to a RUNNING list once', () => {
    const next = applyToTasks(running(), startedB, runningFilter);
    expect(next.tasks.map((t) => t.id)).toEqual(['a', 'b']);
    expect(applyToTasks(next, startedB, runningFilter)).toBe(next);
  });

  it('removes stopped tasks from a RUNNING list', () => {
    const data = running();
    const next = applyToTasks(data, stoppedA, runningFilter);
    expect(next.tasks).toEqual([]);
    expect(applyToTasks(next, stoppedA, runningFilter)).toBe(next);
  });

  it('puts stopped tasks at the top of a STOPPED list, once', () => {
    const data: TasksResponse = {
      ...fresh,
      tasks: [buildTask({ id: 'old', lastStatus: 'STOPPED' })],
    };
    const next = applyToTasks(data, stoppedA, stoppedFilter);
    expect(next.tasks.map((t) => t.id)).toEqual(['a', 'old']);
    expect(applyToTasks(next, stoppedA, stoppedFilter)).toBe(next);
    expect(applyToTasks(next, startedB, stoppedFilter)).toBe(next);
  });

  it('leaves lists of another service alone, and takes any service in a cluster-wide list', () => {
    const data = running();
    expect(applyToTasks(data, startedB, { service: 'api', desiredStatus: 'RUNNING' })).toBe(data);
    const all = applyToTasks(data, startedB, { service: undefined, desiredStatus: 'RUNNING' });
    expect(all.tasks).toHaveLength(2);
  });
});

describe('replaceTask', () => {
  it('replaces a listed task and ignores others', () => {
    const data: TasksResponse = { ...fresh, tasks: [taskA] };
    const stopping = { ...taskA, desiredStatus: 'STOPPED' };
    expect(replaceTask(data, stopping).tasks[0]?.desiredStatus).toBe('STOPPED');
    expect(replaceTask(data, taskB)).toBe(data);
    expect(replaceTask(data, taskA)).toBe(data);
  });
});
