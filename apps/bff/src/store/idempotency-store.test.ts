import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { IDEMPOTENCY_TTL_MS, SqliteIdempotencyStore } from './idempotency-store.js';
import { migrateToLatest } from './migrations.js';
import type { DatabaseSchema } from './schema.js';

const scale = 'service.scale us-east-1 prod-ec2/web {"desiredCount":3}';
const answer = { status: 200, body: { service: { name: 'web', desiredCount: 3 } } };

let db: Kysely<DatabaseSchema>;
let clock: number;
let keys: SqliteIdempotencyStore;
beforeEach(async () => {
  db = await openDatabase({ filename: ':memory:' });
  await migrateToLatest(db, ':memory:');
  clock = Date.parse('2026-11-26T12:00:00.000Z');
  keys = new SqliteIdempotencyStore(db, () => clock);
});
afterEach(async () => {
  await db.destroy();
});

describe('SqliteIdempotencyStore', () => {
  it('claims a new key, reports it in progress, then replays the stored answer', async () => {
    expect(await keys.begin('k1', scale)).toEqual({ state: 'new' });
    expect(await keys.begin('k1', scale)).toEqual({ state: 'in-progress' });
    await keys.complete('k1', answer);
    expect(await keys.begin('k1', scale)).toEqual({ state: 'replay', response: answer });
    expect(await keys.begin('k1', scale)).toEqual({ state: 'replay', response: answer });
  });

  it('replays an AWS refusal as well as a success', async () => {
    await keys.begin('k1', scale);
    const refusal = { status: 409, body: { error: { code: 'conflict', message: 'no' } } };
    await keys.complete('k1', refusal);
    expect(await keys.begin('k1', scale)).toEqual({ state: 'replay', response: refusal });
  });

  it('gives exactly one of two concurrent begins the key', async () => {
    const results = await Promise.all([keys.begin('k1', scale), keys.begin('k1', scale)]);
    expect(results.map((result) => result.state).sort()).toEqual(['in-progress', 'new']);
  });

  it('gives exactly one of many concurrent begins the key', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => keys.begin('k1', scale)));
    expect(results.filter((result) => result.state === 'new')).toHaveLength(1);
  });

  it('reports a mismatch for the same key with another request, pending or done', async () => {
    await keys.begin('k1', scale);
    expect(await keys.begin('k1', 'task.stop us-east-1 prod-ec2/task/abc')).toEqual({
      state: 'mismatch',
    });
    await keys.complete('k1', answer);
    expect(await keys.begin('k1', 'other')).toEqual({ state: 'mismatch' });
    expect(await keys.begin('k1', scale)).toEqual({ state: 'replay', response: answer });
  });

  it('forgets a key after 24 hours', async () => {
    await keys.begin('k1', scale);
    await keys.complete('k1', answer);
    clock += IDEMPOTENCY_TTL_MS;
    expect((await keys.begin('k1', scale)).state).toBe('replay');
    clock += 1;
    expect(await keys.begin('k1', 'a different request now')).toEqual({ state: 'new' });
  });

  it('purges expired keys only', async () => {
    await keys.begin('old', scale);
    clock += IDEMPOTENCY_TTL_MS / 2;
    await keys.begin('recent', scale);
    clock += IDEMPOTENCY_TTL_MS / 2 + 1;
    expect(await keys.purgeExpired()).toBe(1);
    const left = await db.selectFrom('idempotency_keys').select('key').execute();
    expect(left.map((row) => row.key)).toEqual(['recent']);
  });

  it('release frees a pending key but keeps a completed answer', async () => {
    await keys.begin('k1', scale);
    await keys.release('k1');
    expect(await keys.begin('k1', scale)).toEqual({ state: 'new' });
    await keys.complete('k1', answer);
    await keys.release('k1');
    expect(await keys.begin('k1', scale)).toEqual({ state: 'replay', response: answer });
  });

  it('keeps keys apart', async () => {
    await keys.begin('k1', scale);
    expect(await keys.begin('k2', scale)).toEqual({ state: 'new' });
  });
});
