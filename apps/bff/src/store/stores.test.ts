import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServiceEvent, TaskStopDiagnosis } from '@deckhand/shared';
import { buildTask } from '@deckhand/shared/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_FILE } from './audit-log.js';
import { DATABASE_FILE } from './database.js';
import { DatabaseError, openStores } from './stores.js';
import type { AuditEntry } from './types.js';

const web = { region: 'us-east-1', cluster: 'prod-ec2', service: 'web' };
const cluster = { region: 'us-east-1', cluster: 'prod-ec2' };
const DAY = 24 * 60 * 60 * 1000;
const start = Date.parse('2026-11-26T12:00:00.000Z');
const diagnosis: TaskStopDiagnosis = { kind: 'health-check', summary: 'Failed health checks.' };
const audit: AuditEntry = {
  at: '2026-11-26T12:00:00.000Z',
  requestId: 'req-1',
  actor: 'local',
  action: 'task.stop',
  region: 'us-east-1',
  target: 'prod-ec2/task/t1',
  phase: 'requested',
  params: { reason: 'stuck' },
};

function eventAt(id: string, time: number): ServiceEvent {
  return { id, createdAt: new Date(time).toISOString(), message: `event ${id}`, kind: 'other' };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-stores-'));
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('openStores', () => {
  it('keeps history, audit and idempotency keys across a restart', async () => {
    const task = buildTask({ lastStatus: 'STOPPED', stoppedAt: '2026-11-26T11:00:00.000Z' });
    const first = await openStores({ dataDir: dir, retentionDays: 30, now: () => start });
    await first.history.recordServiceEvents(web, [eventAt('e1', start - 1000)]);
    await first.history.recordTaskStop(cluster, task, diagnosis);
    await first.audit.append(audit);
    await first.idempotency.begin('k1', 'stop t1');
    await first.idempotency.complete('k1', { status: 200, body: { stopped: true } });
    await first.close();
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);

    const second = await openStores({ dataDir: dir, retentionDays: 30, now: () => start });
    try {
      expect(await second.history.serviceEvents(web, { limit: 10 })).toEqual([
        eventAt('e1', start - 1000),
      ]);
      expect(await second.history.recordServiceEvents(web, [eventAt('e1', start - 1000)])).toEqual(
        [],
      );
      expect(await second.history.stoppedTasks(cluster, { service: 'web', limit: 10 })).toEqual([
        { task, diagnosis },
      ]);
      expect(await second.audit.recent({ limit: 10 })).toEqual([audit]);
      expect(await second.idempotency.begin('k1', 'stop t1')).toEqual({
        state: 'replay',
        response: { status: 200, body: { stopped: true } },
      });
    } finally {
      await second.close();
    }
    expect(readFileSync(join(dir, AUDIT_FILE), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('purges history past the retention when it opens', async () => {
    const first = await openStores({ dataDir: dir, retentionDays: 30, now: () => start });
    await first.history.recordServiceEvents(web, [eventAt('a', start), eventAt('b', start - DAY)]);
    await first.close();

    // 29.5 days on, 'a' is inside the 30 days and 'b' (a day older) is past them.
    const later = await openStores({
      dataDir: dir,
      retentionDays: 30,
      now: () => start + 29.5 * DAY,
    });
    const left = await later.history.serviceEvents(web, { limit: 10 });
    await later.close();
    expect(left.map((event) => event.id)).toEqual(['a']);
  });

  it('purges on demand with the injected clock, including expired idempotency keys', async () => {
    let clock = start;
    const stores = await openStores({ filename: ':memory:', retentionDays: 7, now: () => clock });
    await stores.history.recordServiceEvents(web, [
      eventAt('old', start),
      eventAt('new', start + 3 * DAY),
    ]);
    await stores.idempotency.begin('k1', 'scale');
    clock = start + 8 * DAY;
    await stores.purge();
    const left = await stores.history.serviceEvents(web, { limit: 10 });
    expect(left.map((event) => event.id)).toEqual(['new']);
    // The key is gone, not merely ignored: another request may now use it.
    expect(await stores.idempotency.begin('k1', 'another')).toEqual({ state: 'new' });
    await stores.close();
  });

  it('purges hourly until closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = start;
    const onPurgeError = vi.fn();
    const stores = await openStores({
      filename: ':memory:',
      retentionDays: 1,
      now: () => clock,
      onPurgeError,
    });
    await stores.history.recordServiceEvents(web, [eventAt('e1', start)]);
    clock = start + 2 * DAY;
    vi.advanceTimersByTime(60 * 60 * 1000);
    await vi.waitFor(async () => {
      expect(await stores.history.serviceEvents(web, { limit: 10 })).toEqual([]);
    });

    await stores.close();
    // A purge after close would fail on the destroyed database and report it here.
    vi.advanceTimersByTime(3 * 60 * 60 * 1000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onPurgeError).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects a retention that is not positive', async () => {
    await expect(openStores({ filename: ':memory:', retentionDays: 0 })).rejects.toThrow(
      RangeError,
    );
  });

  it('rejects an audit file it cannot append to, naming it', async () => {
    mkdirSync(join(dir, AUDIT_FILE));
    const error: unknown = await openStores({ dataDir: dir, retentionDays: 30 }).catch(
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DatabaseError);
    expect((error as DatabaseError).message).toContain(join(dir, AUDIT_FILE));
  });

  it('can be closed twice', async () => {
    const stores = await openStores({ filename: ':memory:', retentionDays: 30 });
    await stores.close();
    await expect(stores.close()).resolves.toBeUndefined();
  });
});
