import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { TasksResponse } from '@deckhand/shared';
import Database from 'better-sqlite3';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../http/logging.js';
import { createActionsService } from '../modules/actions/actions.service.js';
import { createEcsServices } from '../modules/ecs-routes.js';
import { AUDIT_FILE, readAuditFile } from '../store/audit-log.js';
import { DATABASE_FILE } from '../store/database.js';
import { openStores } from '../store/stores.js';
import type { AuditEntry, Stores } from '../store/types.js';
import { startSimulatedAws, type SimulatedAws } from '../testing/simulated-aws.js';
import { buildTestApp } from '../testing/test-app.js';
import { BATCH_SIZE } from './data-constants.js';
import { bundleEntry, spawnNode } from './streams-spawn.js';

// Issue 12, data: the history database and the audit log against crashes, tampering and forged
// log lines. Every check reads back through the real stores (or the raw file/database).
const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  at: '2026-11-26T12:00:00.000Z',
  requestId: 'req-1',
  actor: 'local',
  action: 'service.scale',
  region: 'us-east-1',
  target: 'prod-ec2/web',
  phase: 'requested',
  params: { desiredCount: 3 },
  ...overrides,
});

const ref = { region: 'us-east-1', cluster: 'crash', service: 'svc' };

describe('adversarial: kill -9 mid-write', () => {
  let writer: string;
  beforeAll(async () => {
    writer = await bundleEntry('src/adversarial/data-writer.ts', 'data-writer');
  }, 60_000);
  afterAll(() => rmSync(writer, { force: true }));

  it('keeps the database intact, every acknowledged write, no partial batch and a readable audit file', async () => {
    const dataDir = tempDir('deckhand-crash-');
    const acked = { E: new Set<string>(), D: new Set<string>(), A: new Set<string>() };
    const lives = 7;
    for (let life = 0; life < lives; life += 1) {
      // Odd lives write 1.5 MiB audit lines: several write() calls each, so a kill can tear one.
      const auditBytes = life % 2 === 1 ? 1_536 * 1024 : 200;
      const child = spawnNode(writer, {}, [dataDir, `L${life}`, String(auditBytes)]);
      const wanted = 3 + life;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`writer made no progress:\n${child.output()}`)),
          30_000,
        );
        const check = () => {
          const audits = child.output().match(/^A /gm)?.length ?? 0;
          if (audits < wanted) return;
          clearTimeout(timer);
          child.child.stdout?.off('data', check);
          resolve();
        };
        child.child.stdout?.on('data', check);
        child.exited.then(
          () => reject(new Error(`writer exited early:\n${child.output()}`)),
          reject,
        );
      });
      // Somewhere inside the next writes (seeded by the life, not by the clock).
      await new Promise((resolve) => setTimeout(resolve, (life * 7) % 13));
      child.child.kill('SIGKILL');
      const exit = await child.exited;
      expect(exit.signal).toBe('SIGKILL');
      for (const line of child.output().split('\n')) {
        const [kind, batch] = line.split(' ');
        if ((kind === 'E' || kind === 'D' || kind === 'A') && batch) acked[kind].add(batch);
      }
      expect(child.output()).toMatch(/^READY$/m);
    }
    expect(acked.A.size).toBeGreaterThanOrEqual(lives * 3);

    // The file as SQLite sees it, before anything of ours opens (and recovers) it.
    const raw = new Database(join(dataDir, DATABASE_FILE));
    expect(raw.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    const eventIds = raw.prepare('SELECT id FROM service_events').pluck().all() as string[];
    raw.close();

    // Every batch of events is all there or not at all: a transaction is never half visible.
    const perBatch = new Map<string, number>();
    for (const id of eventIds) {
      const batch = id.slice(0, id.lastIndexOf('-'));
      perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
    }
    for (const [batch, count] of perBatch)
      expect({ batch, count }).toEqual({ batch, count: BATCH_SIZE });
    for (const batch of acked.E) expect(perBatch.get(batch)).toBe(BATCH_SIZE);

    const stores = await openStores({ dataDir, retentionDays: 3650 });
    try {
      const events = await stores.history.serviceEvents(ref, { limit: 100_000 });
      expect(events).toHaveLength(eventIds.length);
      const deployments = await stores.history.deployments(ref, { limit: 100_000 });
      const deployed = new Set(deployments.map((d) => d.id.replace('ecs-svc/', '')));
      for (const batch of acked.D) expect(deployed.has(batch)).toBe(true);

      const inTable = (await stores.audit.recent({ limit: 100_000 })).map((e) => e.requestId);
      const file = await readAuditFile(join(dataDir, AUDIT_FILE));
      const inFile = file.entries.map((e) => (e as AuditEntry).requestId);
      // Acknowledged means in both; the file never has what the table has not (it is written
      // second), nor anything twice; at most the one entry in flight per kill is table-only, at
      // most one torn fragment per kill is skipped.
      for (const batch of acked.A) {
        expect(inTable).toContain(batch);
        expect(inFile).toContain(batch);
      }
      expect(new Set(inFile).size).toBe(inFile.length);
      expect(new Set(inTable).size).toBe(inTable.length);
      for (const id of inFile) expect(inTable).toContain(id);
      expect(inTable.length - inFile.length).toBeLessThanOrEqual(lives);
      expect(file.skipped).toBeLessThanOrEqual(lives);

      // And the next entry after all that lands on a line of its own, whole.
      const next = entry({ requestId: 'after-the-crashes' });
      await stores.audit.append(next);
      const lines = readFileSync(join(dataDir, AUDIT_FILE), 'utf8').split('\n');
      expect(lines.at(-1)).toBe('');
      expect(JSON.parse(lines.at(-2) ?? '')).toEqual(next);
    } finally {
      await stores.close();
    }
  }, 80_000);

  it('closes a line torn by a crash, so the next entry is not glued onto it', async () => {
    const dataDir = tempDir('deckhand-torn-');
    const first = entry({ requestId: 'before' });
    const second = entry({ requestId: 'after', phase: 'succeeded', result: { desiredCount: 3 } });
    let stores = await openStores({ dataDir, retentionDays: 30 });
    await stores.audit.append(first);
    await stores.close();
    // What a kill between two chunks of a large append leaves: a line without its end.
    const path = join(dataDir, AUDIT_FILE);
    appendFileSync(path, JSON.stringify(entry({ requestId: 'torn' })).slice(0, 57));

    stores = await openStores({ dataDir, retentionDays: 30 });
    await stores.audit.append(second);
    await stores.close();
    const file = await readAuditFile(path);
    expect(file).toEqual({ entries: [first, second], skipped: 1 });
    const lines = readFileSync(path, 'utf8').split('\n');
    expect(JSON.parse(lines.at(-2) ?? '')).toEqual(second);

    // Opening a whole file changes nothing: no stray empty lines.
    const before = readFileSync(path, 'utf8');
    stores = await openStores({ dataDir, retentionDays: 30 });
    await stores.close();
    expect(readFileSync(path, 'utf8')).toBe(before);
  });
});

describe('adversarial: the audit log is append-only', () => {
  let env: SimulatedAws;
  let stores: Stores;
  let dataDir: string;
  beforeAll(async () => {
    env = await startSimulatedAws({}, { ttlMs: 60_000 });
    dataDir = tempDir('deckhand-append-only-');
    stores = await openStores({ dataDir, retentionDays: 30 });
  });
  afterAll(async () => {
    await stores.close();
    await env.stop();
  });

  it('offers no way to change or remove an entry: not the store, not the database, not the API', async () => {
    // The store: append, read, flush — nothing else, on the instance or its prototype.
    const methods = new Set<string>();
    for (
      let o: object | null = stores.audit;
      o && o !== Object.prototype;
      o = Object.getPrototypeOf(o) as object | null
    )
      for (const name of Object.getOwnPropertyNames(o))
        if (typeof (o as Record<string, unknown>)[name] === 'function') methods.add(name);
    methods.delete('constructor');
    expect([...methods].sort()).toEqual(['append', 'flush', 'recent']);

    const app = buildTestApp({
      ecs: createEcsServices(env.aws.ecs),
      actions: createActionsService({
        clients: env.aws.clients,
        reads: env.aws.ecs,
        audit: stores.audit,
        idempotency: stores.idempotency,
      }),
    });
    await request(app)
      .post('/api/v1/clusters/prod-ec2/services/web/scale')
      .set('x-deckhand-request', '1')
      .send({ desiredCount: 3 })
      .expect(200);
    const entries = await stores.audit.recent({ limit: 100 });
    expect(entries.map((e) => e.phase)).toEqual(['succeeded', 'requested']);
    const fileBefore = readFileSync(join(dataDir, AUDIT_FILE), 'utf8');

    const paths = [
      '/api/v1/audit',
      '/api/v1/audit/1',
      '/api/v1/audit-log',
      '/api/v1/audit-log/1',
      '/api/v1/audit/entries/1',
      '/api/v1/audit.jsonl',
      `/api/v1/audit/${entries[0]?.requestId ?? ''}`,
      '/audit.jsonl',
      '/deckhand.db',
      '/api/v1/%2e%2e/audit.jsonl',
    ];
    const statuses = new Set<number>();
    for (const path of paths)
      for (const method of ['put', 'patch', 'delete', 'post'] as const) {
        const agent = request(app);
        const response = await agent[method](path)
          .set('x-deckhand-request', '1')
          .set('content-type', 'application/json')
          .send(JSON.stringify({ actor: 'someone-else', phase: 'failed' }));
        statuses.add(response.status);
        expect({ method, path, status: response.status }).toEqual({
          method,
          path,
          status: expect.toBeOneOf([403, 404, 405]) as number,
        });
      }
    expect([...statuses].every((status) => status >= 400 && status < 500)).toBe(true);
    expect(await stores.audit.recent({ limit: 100 })).toEqual(entries);
    expect(readFileSync(join(dataDir, AUDIT_FILE), 'utf8')).toBe(fileBefore);

    // Below the API: the database refuses to update or delete an audit row, whoever asks.
    const raw = new Database(join(dataDir, DATABASE_FILE));
    try {
      expect(() => raw.prepare("UPDATE audit_log SET actor = 'someone-else'").run()).toThrow(
        /append-only/,
      );
      expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
      expect(raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(2);
    } finally {
      raw.close();
    }
    // The retention purge still runs (it never touches the audit log).
    await stores.purge();
    expect(await stores.audit.recent({ limit: 100 })).toEqual(entries);
  });
});

describe('adversarial: forged log lines', () => {
  let env: SimulatedAws;
  beforeAll(async () => {
    env = await startSimulatedAws({}, { ttlMs: 60_000 });
  });
  afterAll(() => env.stop());
  let stores: Stores | undefined;
  afterEach(async () => {
    await stores?.close();
  });

  it('keeps every log and audit line one JSON entry, whatever newlines and JSON the names carry', async () => {
    const dataDir = tempDir('deckhand-forge-');
    stores = await openStores({ dataDir, retentionDays: 30 });
    let raw = '';
    let writes = 0;
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        raw += chunk.toString('utf8');
        writes += 1;
        callback();
      },
    });
    const logger = createLogger('debug', destination);
    const app = buildTestApp({
      logger,
      ecs: createEcsServices(env.aws.ecs),
      actions: createActionsService({
        clients: env.aws.clients,
        reads: env.aws.ecs,
        audit: stores.audit,
        idempotency: stores.idempotency,
      }),
    });
    const forged = '\n{"level":60,"msg":"forged"}\r\n","level":"fatal","msg":"forged';
    const enc = encodeURIComponent(forged);
    const requests: { method: 'get' | 'post'; path: string; body?: object; key?: string }[] = [
      { method: 'get', path: `/api/v1/clusters/${enc}` },
      { method: 'get', path: `/api/v1/clusters/prod-ec2${enc}/services` },
      { method: 'get', path: `/api/v1/clusters/prod-ec2/services/web${enc}` },
      { method: 'get', path: `/api/v1/clusters/prod-ec2/tasks?service=${enc}` },
      { method: 'get', path: `/api/v1/repositories/${enc}/images` },
      { method: 'get', path: `/api/v1/nothing-here/${enc}` },
      {
        method: 'post',
        path: `/api/v1/clusters/prod-ec2/services/${enc}/scale`,
        body: { desiredCount: 1 },
      },
      {
        method: 'post',
        path: '/api/v1/clusters/prod-ec2/services/web/scale',
        body: { desiredCount: forged },
      },
      {
        method: 'post',
        path: '/api/v1/task-definitions',
        body: { taskDefinition: { family: forged, containerDefinitions: [] } },
      },
      {
        method: 'post',
        path: '/api/v1/clusters/prod-ec2/services/web/scale',
        body: { desiredCount: 2 },
        key: 'k","level":60,"msg":"forged',
      },
    ];
    // A real stop, audited twice, whose reason carries the forgery into the audit log.
    const { tasks } = TasksResponse.parse(
      (await request(app).get('/api/v1/clusters/prod-ec2/tasks?service=api').expect(200)).body,
    );
    const task = tasks.find((candidate) => candidate.lastStatus === 'RUNNING');
    expect(task).toBeDefined();
    const reason = `Stop${forged}`.slice(0, 200);
    requests.push({
      method: 'post',
      path: `/api/v1/clusters/prod-ec2/tasks/${task?.id ?? ''}/stop`,
      body: { reason, confirm: task?.id ?? '' },
    });
    const statuses: number[] = [];
    for (const { method, path, body, key } of requests) {
      let call = request(app)[method](path).set('x-deckhand-request', '1');
      call = call.set('x-request-id', 'id","level":60,"msg":"forged');
      if (key) call = call.set('idempotency-key', key);
      const response = body ? await call.send(body) : await call;
      statuses.push(response.status);
      expect(response.status).toBeLessThan(500);
    }
    expect(statuses.slice(-1)).toEqual([200]);
    await stores.close();

    // Pino: one write per entry, one line per write, each a JSON object; no forged entry.
    const lines = raw.split('\n');
    expect(lines.at(-1)).toBe('');
    const entries = lines.slice(0, -1).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries).toHaveLength(writes);
    expect(
      entries.filter((e) => e.msg === 'forged' || e.level === 60 || e.level === 'fatal'),
    ).toEqual([]);
    // Every API request logged exactly once (the task list and the 11 attacks).
    expect(entries.filter((e) => e.req !== undefined && e.res !== undefined)).toHaveLength(
      requests.length + 1,
    );
    // The names reached the log as data, escaped inside one string.
    expect(raw).toContain(JSON.stringify(enc).slice(1, -1));

    // The audit file: one parseable line per entry; the forgery is kept verbatim, as data.
    const auditLines = readFileSync(join(dataDir, AUDIT_FILE), 'utf8').split('\n');
    expect(auditLines.at(-1)).toBe('');
    const audited = auditLines.slice(0, -1).map((line) => JSON.parse(line) as AuditEntry);
    const reopened = await openStores({ dataDir, retentionDays: 30 });
    stores = reopened;
    const inTable = await reopened.audit.recent({ limit: 100 });
    expect(audited).toEqual([...inTable].reverse());
    const stops = audited.filter((e) => e.action === 'task.stop');
    expect(stops.map((e) => e.phase)).toEqual(['requested', 'succeeded']);
    for (const stop of stops) expect(stop.params).toMatchObject({ reason });
    expect(audited.some((e) => e.idempotencyKey === 'k","level":60,"msg":"forged')).toBe(true);
  });
});
