import { LiveEvent, type Deployment, type Service } from '@deckhand/shared';
import { buildService, buildTask } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  changedDeployments,
  diffServices,
  diffTasks,
  isBusy,
  serviceEventMessages,
  tasksToDescribe,
  unseenServiceEvents,
  type KnownTask,
} from './diff.js';

const where = { region: 'us-east-1', cluster: 'prod-ec2' };
const byName = (...services: Service[]) => new Map(services.map((s) => [s.name, s]));
const typesOf = (events: LiveEvent[]) => events.map((event) => event.type);
const primary = (service: Service): Deployment => {
  const deployment = service.deployments[0];
  if (!deployment) throw new Error('builder has a deployment');
  return deployment;
};

describe('diffServices', () => {
  it('reports nothing when nothing a client shows changed', () => {
    const web = buildService({ name: 'web' });
    const later = { ...web, deployments: [{ ...primary(web), updatedAt: '2027-01-01T00:00:00Z' }] };
    expect(diffServices(where, byName(web), [later])).toEqual({ events: [], deployments: [] });
  });

  it('reports a scale-out as a service update and a deployment update', () => {
    const web = buildService({ name: 'web' });
    const scaled = {
      ...web,
      desiredCount: 4,
      deployments: [{ ...primary(web), desiredCount: 4 }],
    };
    const { events, deployments } = diffServices(where, byName(web), [scaled]);
    expect(typesOf(events)).toEqual(['deployment.updated', 'service.updated']);
    expect(events[1]).toEqual({ type: 'service.updated', ...where, service: scaled });
    expect(deployments).toEqual([{ service: 'web', deployment: scaled.deployments[0] }]);
    for (const event of events) expect(LiveEvent.safeParse(event).success).toBe(true);
  });

  it('reports a new service with each of its deployments', () => {
    const api = buildService({ name: 'api' });
    expect(typesOf(diffServices(where, new Map(), [api]).events)).toEqual([
      'deployment.updated',
      'service.updated',
    ]);
  });

  it('reports a deleted service once as INACTIVE', () => {
    const api = buildService({ name: 'api' });
    const { events } = diffServices(where, byName(api), []);
    expect(events).toEqual([
      { type: 'service.updated', ...where, service: { ...api, status: 'INACTIVE' } },
    ]);
    const inactive = { ...api, status: 'INACTIVE' };
    expect(diffServices(where, byName(inactive), []).events).toEqual([]);
  });

  it('reports a running-count change without a deployment change only as a service update', () => {
    const web = buildService({ name: 'web', runningCount: 1 });
    const { events } = diffServices(where, byName(web), [{ ...web, runningCount: 2 }]);
    expect(typesOf(events)).toEqual(['service.updated']);
  });
});

describe('changedDeployments', () => {
  const old = primary(buildService());
  it('reports a new deployment and a finished one as INACTIVE', () => {
    const next: Deployment = { ...old, id: 'ecs-svc/2', rolloutState: 'IN_PROGRESS' };
    expect(changedDeployments([old], [next, { ...old, status: 'ACTIVE' }])).toEqual([
      next,
      { ...old, status: 'ACTIVE' },
    ]);
    expect(changedDeployments([old, next], [next])).toEqual([{ ...old, status: 'INACTIVE' }]);
  });

  it('reports a rollout state change', () => {
    const failed = { ...old, rolloutState: 'FAILED', rolloutStateReason: 'circuit breaker' };
    expect(changedDeployments([old], [failed])).toEqual([failed]);
  });
});

describe('isBusy', () => {
  it('is busy while counts differ, deployments overlap or a rollout runs', () => {
    const web = buildService();
    expect(isBusy(web)).toBe(false);
    expect(isBusy({ ...web, runningCount: 1 })).toBe(true);
    expect(isBusy({ ...web, deployments: [...web.deployments, primary(web)] })).toBe(true);
    expect(
      isBusy({ ...web, deployments: [{ ...primary(web), rolloutState: 'IN_PROGRESS' }] }),
    ).toBe(true);
  });
});

describe('service events', () => {
  const events = [
    { id: 'e3', createdAt: '2026-11-26T09:03:00.000Z', message: 'c', kind: 'other' as const },
    { id: 'e2', createdAt: '2026-11-26T09:02:00.000Z', message: 'b', kind: 'other' as const },
    { id: 'e1', createdAt: '2026-11-26T09:01:00.000Z', message: 'a', kind: 'other' as const },
  ];
  it('keeps the unseen ones, oldest first', () => {
    expect(unseenServiceEvents(new Set(['e1']), events).map((e) => e.id)).toEqual(['e2', 'e3']);
    expect(unseenServiceEvents(new Set(['e1', 'e2', 'e3']), events)).toEqual([]);
  });
  it('makes valid service.event messages', () => {
    const messages = serviceEventMessages(where, 'web', events.slice(0, 1));
    expect(messages).toEqual([
      { type: 'service.event', ...where, service: 'web', event: events[0] },
    ]);
    expect(LiveEvent.safeParse(messages[0]).success).toBe(true);
  });
});

describe('tasksToDescribe', () => {
  const known = new Map<string, KnownTask>([
    ['running', { lastStatus: 'RUNNING' }],
    ['pending', { lastStatus: 'PENDING' }],
    ['stopping', { lastStatus: 'RUNNING' }],
    ['stopped', { lastStatus: 'STOPPED' }],
  ]);
  it('describes new tasks and those not yet settled for their list, nothing else', () => {
    expect(tasksToDescribe(known, ['running', 'pending', 'new'], ['stopping', 'stopped'])).toEqual([
      'pending',
      'new',
      'stopping',
    ]);
    expect(tasksToDescribe(known, ['running'], ['stopped'])).toEqual([]);
  });
  it('describes a task listed twice (moving between lists mid-cycle) once', () => {
    expect(tasksToDescribe(new Map(), ['a'], ['a'])).toEqual(['a']);
  });
});

describe('diffTasks', () => {
  const pending = buildTask({ id: 't1', lastStatus: 'PENDING' });
  const running = { ...pending, lastStatus: 'RUNNING' };
  const stopped = {
    ...pending,
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    containers: [{ name: 'web', image: 'web:1', exitCode: 137, portMappings: [] }],
  };
  const knownAs = (status: string) => new Map([[pending.arn, { lastStatus: status }]]);

  it('emits task.started when a task reaches RUNNING, with its service', () => {
    const diff = diffTasks(where, knownAs('PENDING'), [pending.arn], [running], false);
    expect(diff.events).toEqual([
      { type: 'task.started', ...where, service: 'web', task: running },
    ]);
    expect(diff.known.get(pending.arn)).toEqual({ lastStatus: 'RUNNING' });
    expect(diff.stopped).toEqual([]);
  });

  it('emits task.stopped with a diagnosis, and reports it for history', () => {
    const diff = diffTasks(where, knownAs('RUNNING'), [pending.arn], [stopped], false);
    expect(diff.events).toHaveLength(1);
    const [event] = diff.events;
    expect(event).toMatchObject({ type: 'task.stopped', service: 'web' });
    expect(event?.type === 'task.stopped' && event.diagnosis.kind).toBe('out-of-memory');
    expect(diff.stopped.map((s) => s.diagnosis.kind)).toEqual(['out-of-memory']);
    expect(LiveEvent.safeParse(event).success).toBe(true);
  });

  it('emits nothing on the baseline but still reports stopped tasks', () => {
    const other = buildTask({ id: 't2', lastStatus: 'RUNNING' });
    const diff = diffTasks(where, new Map(), [pending.arn, other.arn], [stopped, other], true);
    expect(diff.events).toEqual([]);
    expect(diff.stopped).toHaveLength(1);
    expect(diff.known.size).toBe(2);
  });

  it('emits nothing for an unchanged status, and forgets tasks no longer listed', () => {
    const known = new Map([
      [pending.arn, { lastStatus: 'PENDING' }],
      ['gone', { lastStatus: 'STOPPED' }],
    ]);
    const diff = diffTasks(where, known, [pending.arn], [pending], false);
    expect(diff.events).toEqual([]);
    expect([...diff.known.keys()]).toEqual([pending.arn]);
  });

  it('leaves the service out for a standalone task', () => {
    const standalone = { ...running, group: 'family:batch' };
    const [event] = diffTasks(where, new Map(), [standalone.arn], [standalone], false).events;
    expect(event).toMatchObject({ type: 'task.started', service: undefined });
  });
});
