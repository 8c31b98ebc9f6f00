import type { Deployment, ServiceEvent, TaskStopDiagnosis } from '@deckhand/shared';
import { buildTask } from '@deckhand/shared/testing';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { SqliteHistoryStore } from './history-store.js';
import { migrateToLatest } from './migrations.js';
import type { DatabaseSchema } from './schema.js';

const web = { region: 'us-east-1', cluster: 'prod-ec2', service: 'web' };
const cluster = { region: 'us-east-1', cluster: 'prod-ec2' };
const oom: TaskStopDiagnosis = { kind: 'out-of-memory', summary: 'Container web was killed.' };

function event(id: string, createdAt: string): ServiceEvent {
  return { id, createdAt, message: `(service web) event ${id}`, kind: 'other' };
}

function deployment(overrides: Partial<Deployment> = {}): Deployment {
  return {
    id: 'ecs-svc/1',
    status: 'PRIMARY',
    taskDefinition: 'web:1',
    desiredCount: 2,
    runningCount: 0,
    pendingCount: 2,
    failedTasks: 0,
    createdAt: '2026-11-26T09:00:00.000Z',
    updatedAt: '2026-11-26T09:00:00.000Z',
    ...overrides,
  };
}

function stoppedTask(id: string, stoppedAt: string, group = 'service:web') {
  return buildTask({ id, lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedAt, group });
}

let db: Kysely<DatabaseSchema>;
let history: SqliteHistoryStore;
beforeEach(async () => {
  db = await openDatabase({ filename: ':memory:' });
  await migrateToLatest(db, ':memory:');
  history = new SqliteHistoryStore(db, () => Date.parse('2026-11-26T12:00:00.000Z'));
});
afterEach(async () => {
  await db.destroy();
});

describe('service events', () => {
  it('returns only the events not seen before, oldest first', async () => {
    // DescribeServices lists events newest first.
    const first = [event('c', '2026-11-26T09:03:00.000Z'), event('b', '2026-11-26T09:02:00Z')];
    expect((await history.recordServiceEvents(web, first)).map((e) => e.id)).toEqual(['b', 'c']);

    const second = [event('d', '2026-11-26T09:04:00.000Z'), ...first];
    const fresh = await history.recordServiceEvents(web, second);
    expect(fresh.map((e) => e.id)).toEqual(['d']);
    expect(await history.recordServiceEvents(web, second)).toEqual([]);
    expect(await history.recordServiceEvents(web, [])).toEqual([]);
  });

  it('stores an event id repeated within one batch once', async () => {
    const twice = [event('a', '2026-11-26T09:00:00.000Z'), event('a', '2026-11-26T09:00:00.000Z')];
    expect(await history.recordServiceEvents(web, twice)).toHaveLength(1);
    expect(await history.serviceEvents(web, { limit: 10 })).toHaveLength(1);
  });

  it('keeps services apart', async () => {
    const shared = [event('a', '2026-11-26T09:00:00.000Z')];
    await history.recordServiceEvents(web, shared);
    const api = { ...web, service: 'api' };
    expect(await history.recordServiceEvents(api, shared)).toHaveLength(1);
    expect(await history.serviceEvents({ ...web, region: 'eu-west-1' }, { limit: 10 })).toEqual([]);
  });

  it('reads events newest first within the limit', async () => {
    const events = Array.from({ length: 5 }, (_, index) =>
      event(`e${index}`, `2026-11-26T09:0${index}:00.000Z`),
    );
    await history.recordServiceEvents(web, events);
    const newest = await history.serviceEvents(web, { limit: 3 });
    expect(newest.map((e) => e.id)).toEqual(['e4', 'e3', 'e2']);
    expect(newest[0]).toEqual(events[4]);
    expect(await history.serviceEvents(web, { limit: 0 })).toEqual([]);
    await expect(history.serviceEvents(web, { limit: -1 })).rejects.toThrow(RangeError);
  });

  it('orders by time even when AWS omits the milliseconds', async () => {
    await history.recordServiceEvents(web, [
      event('late', '2026-11-26T09:00:00.500Z'),
      event('early', '2026-11-26T09:00:00Z'),
    ]);
    const read = await history.serviceEvents(web, { limit: 2 });
    expect(read.map((e) => e.id)).toEqual(['late', 'early']);
  });

  it('records more events than one statement can bind', async () => {
    const many = Array.from({ length: 1_250 }, (_, index) =>
      event(`e${index}`, new Date(Date.UTC(2026, 10, 26) + index * 1000).toISOString()),
    );
    expect(await history.recordServiceEvents(web, many)).toHaveLength(1_250);
    expect(await history.recordServiceEvents(web, many)).toHaveLength(0);
    expect(await history.serviceEvents(web, { limit: 5_000 })).toHaveLength(1_250);
  });
});

describe('stopped tasks', () => {
  it('upserts by task ARN and returns the latest diagnosis', async () => {
    const task = stoppedTask('t1', '2026-11-26T10:00:00.000Z');
    await history.recordTaskStop(cluster, task, { kind: 'other', summary: 'Stopping.' });
    await history.recordTaskStop(cluster, { ...task, stopCode: 'EssentialContainerExited' }, oom);

    const stored = await history.stoppedTasks(cluster, { limit: 10 });
    expect(stored).toEqual([
      { task: { ...task, stopCode: 'EssentialContainerExited' }, diagnosis: oom },
    ]);
  });

  it('filters by the service taken from the task group, most recent stop first', async () => {
    await history.recordTaskStop(cluster, stoppedTask('w1', '2026-11-26T10:00:00.000Z'), oom);
    await history.recordTaskStop(cluster, stoppedTask('w2', '2026-11-26T11:00:00.000Z'), oom);
    await history.recordTaskStop(
      cluster,
      stoppedTask('a1', '2026-11-26T10:30:00.000Z', 'service:api'),
      oom,
    );
    await history.recordTaskStop(
      cluster,
      stoppedTask('r1', '2026-11-26T10:45:00.000Z', 'family:batch'),
      oom,
    );

    const ids = async (options: { service?: string; limit: number }) =>
      (await history.stoppedTasks(cluster, options)).map((entry) => entry.task.id);
    expect(await ids({ limit: 10 })).toEqual(['w2', 'r1', 'a1', 'w1']);
    expect(await ids({ service: 'web', limit: 10 })).toEqual(['w2', 'w1']);
    expect(await ids({ service: 'web', limit: 1 })).toEqual(['w2']);
    expect(await ids({ service: 'api', limit: 10 })).toEqual(['a1']);
    expect(await ids({ service: 'batch', limit: 10 })).toEqual([]);
    expect(await history.stoppedTasks({ ...cluster, cluster: 'other' }, { limit: 10 })).toEqual([]);
  });

  it('looks one stopped task up by ARN, within its cluster only', async () => {
    const task = stoppedTask('t1', '2026-11-26T10:00:00.000Z');
    await history.recordTaskStop(cluster, task, oom);
    expect(await history.stoppedTask(cluster, task.arn)).toEqual({ task, diagnosis: oom });
    expect(await history.stoppedTask({ ...cluster, cluster: 'other' }, task.arn)).toBeUndefined();
    expect(await history.stoppedTask(cluster, `${task.arn}0`)).toBeUndefined();
  });

  it('skips rows that no longer parse instead of failing the read', async () => {
    await history.recordTaskStop(cluster, stoppedTask('good', '2026-11-26T10:00:00.000Z'), oom);
    await db
      .insertInto('task_stops')
      .values([
        {
          ...cluster,
          task_arn: 'arn:broken-json',
          service: 'web',
          stopped_at: '2026-11-26T11:00:00.000Z',
          stop_code: null,
          stopped_reason: null,
          task_json: '{not json',
          diagnosis_json: JSON.stringify(oom),
        },
        {
          ...cluster,
          task_arn: 'arn:wrong-shape',
          service: 'web',
          stopped_at: '2026-11-26T11:30:00.000Z',
          stop_code: null,
          stopped_reason: null,
          task_json: JSON.stringify({ id: 'x' }),
          diagnosis_json: JSON.stringify(oom),
        },
      ])
      .execute();
    const stored = await history.stoppedTasks(cluster, { service: 'web', limit: 10 });
    expect(stored.map((entry) => entry.task.id)).toEqual(['good']);
  });
});

describe('deployments', () => {
  it('upserts by id and reads the newest (last created) first', async () => {
    const old = deployment({ id: 'ecs-svc/1', status: 'ACTIVE' });
    await history.recordDeployment(web, old);
    await history.recordDeployment(
      web,
      deployment({ id: 'ecs-svc/2', taskDefinition: 'web:2', createdAt: '2026-11-26T10:00:00Z' }),
    );
    const done = deployment({
      id: 'ecs-svc/2',
      taskDefinition: 'web:2',
      runningCount: 2,
      pendingCount: 0,
      rolloutState: 'COMPLETED',
      createdAt: '2026-11-26T10:00:00Z',
      updatedAt: '2026-11-26T10:05:00.000Z',
    });
    await history.recordDeployment(web, done);
    // The old deployment, drained, is updated after the new one completed: still listed second.
    const drained = { ...old, status: 'INACTIVE' as const, updatedAt: '2026-11-26T10:06:00.000Z' };
    await history.recordDeployment(web, drained);

    const stored = await history.deployments(web, { limit: 10 });
    expect(stored).toEqual([done, drained]);
    expect(await history.deployments(web, { limit: 1 })).toEqual([done]);
    expect(await history.deployments({ ...web, service: 'api' }, { limit: 10 })).toEqual([]);
  });
});

describe('purgeBefore', () => {
  it('deletes events, stopped tasks and deployments older than the cut-off', async () => {
    await history.recordServiceEvents(web, [
      event('old', '2026-10-01T00:00:00.000Z'),
      event('new', '2026-11-26T00:00:00.000Z'),
    ]);
    await history.recordTaskStop(cluster, stoppedTask('old', '2026-10-01T00:00:00.000Z'), oom);
    await history.recordTaskStop(cluster, stoppedTask('new', '2026-11-26T00:00:00.000Z'), oom);
    await history.recordDeployment(
      web,
      deployment({ id: 'old', updatedAt: '2026-10-01T00:00:00Z' }),
    );
    await history.recordDeployment(
      web,
      deployment({ id: 'new', updatedAt: '2026-11-26T00:00:00Z' }),
    );

    const counts = await history.purgeBefore(new Date('2026-11-01T00:00:00.000Z'));
    expect(counts).toEqual({ events: 1, tasks: 1, deployments: 1 });
    expect((await history.serviceEvents(web, { limit: 10 })).map((e) => e.id)).toEqual(['new']);
    const tasks = await history.stoppedTasks(cluster, { limit: 10 });
    expect(tasks.map((entry) => entry.task.id)).toEqual(['new']);
    expect((await history.deployments(web, { limit: 10 })).map((d) => d.id)).toEqual(['new']);
  });
});
