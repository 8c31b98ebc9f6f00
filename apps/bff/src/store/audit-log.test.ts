import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_FILE } from './audit-log.js';
import { openStores } from './stores.js';
import type { AuditEntry, Stores } from './types.js';

const requested: AuditEntry = {
  at: '2026-11-26T12:00:00.000Z',
  requestId: 'req-1',
  actor: 'session:1a2b3c4d',
  action: 'service.scale',
  region: 'us-east-1',
  target: 'prod-ec2/web',
  phase: 'requested',
  params: { desiredCount: 3 },
  idempotencyKey: 'key-1',
};
const succeeded: AuditEntry = {
  ...requested,
  at: '2026-11-26T12:00:01.000Z',
  phase: 'succeeded',
  awsRequestId: 'aws-1',
  result: { desiredCount: 3 },
};
const failed: AuditEntry = {
  ...requested,
  requestId: 'req-2',
  phase: 'failed',
  error: { code: 'throttled', message: 'AWS is throttling.' },
};

let dir: string;
let stores: Stores;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-audit-'));
  stores = await openStores({ dataDir: dir, retentionDays: 30 });
});
afterEach(async () => {
  await stores.close();
  rmSync(dir, { recursive: true, force: true });
});

function fileLines(): unknown[] {
  return readFileSync(join(dir, AUDIT_FILE), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}

describe('SqliteAuditLog', () => {
  it('appends every entry to the table and as one JSON line to the file', async () => {
    await stores.audit.append(requested);
    await stores.audit.append(succeeded);
    await stores.audit.append(failed);

    expect(await stores.audit.recent({ limit: 10 })).toEqual([failed, succeeded, requested]);
    expect(await stores.audit.recent({ limit: 1 })).toEqual([failed]);
    expect(fileLines()).toEqual([requested, succeeded, failed]);
  });

  it('keeps the file in the order of concurrent appends', async () => {
    const entries = Array.from({ length: 25 }, (_, index) => ({
      ...requested,
      requestId: `req-${index}`,
    }));
    await Promise.all(entries.map((entry) => stores.audit.append(entry)));
    const table = (await stores.audit.recent({ limit: 100 })).reverse();
    expect(table.map((entry) => entry.requestId)).toEqual(entries.map((entry) => entry.requestId));
    expect(fileLines()).toEqual(table);
  });

  it('records an action without parameters as null params', async () => {
    await stores.audit.append({ ...requested, params: undefined });
    const [entry] = await stores.audit.recent({ limit: 1 });
    expect(entry?.params).toBeNull();
    expect(fileLines()).toEqual([{ ...requested, params: null }]);
  });

  it('has no way to change or remove an entry', () => {
    expect(Object.getOwnPropertyNames(Object.getPrototypeOf(stores.audit)).sort()).toEqual([
      'append',
      'constructor',
      'flush',
      'recent',
    ]);
  });
});

describe('in memory', () => {
  it('works without a file, or writes one when given', async () => {
    const memory = await openStores({ filename: ':memory:', retentionDays: 30 });
    await memory.audit.append(requested);
    expect(await memory.audit.recent({ limit: 5 })).toEqual([requested]);
    await memory.close();

    const jsonlPath = join(dir, 'memory-audit.jsonl');
    const withFile = await openStores({ filename: ':memory:', retentionDays: 30, jsonlPath });
    await withFile.audit.append(failed);
    await withFile.close();
    expect(JSON.parse(readFileSync(jsonlPath, 'utf8'))).toEqual(failed);
  });
});
