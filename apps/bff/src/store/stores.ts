import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AUDIT_FILE, closeTornLine, SqliteAuditLog } from './audit-log.js';
import { databaseFile, DatabaseError, describeFailure, openDatabase } from './database.js';
import { SqliteHistoryStore } from './history-store.js';
import { SqliteIdempotencyStore } from './idempotency-store.js';
import { migrateToLatest } from './migrations.js';
import type { Stores } from './types.js';

export { DatabaseError } from './database.js';

interface CommonOptions {
  /** History (events, stopped tasks, deployments) older than this many days is deleted. */
  retentionDays: number;
  /** The clock, injectable for tests. */
  now?: () => number;
  /** Told when a background (hourly) purge fails; the purge run at open throws instead. */
  onPurgeError?: (error: unknown) => void;
}

export type OpenStoresOptions =
  | (CommonOptions & { dataDir: string })
  | (CommonOptions & { filename: ':memory:'; jsonlPath?: string });

const DAY_MS = 24 * 60 * 60 * 1000;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Opens the database in `dataDir` (or in memory), migrates it, builds the stores and purges
 * what is past the retention, now and then hourly.
 * @throws DatabaseError when the database or the audit file cannot be used; the BFF must not
 * start without its history and audit log.
 */
export async function openStores(options: OpenStoresOptions): Promise<Stores> {
  const now = options.now ?? Date.now;
  const file = databaseFile(options);
  const jsonlPath = 'dataDir' in options ? join(options.dataDir, AUDIT_FILE) : options.jsonlPath;
  if (!(options.retentionDays > 0)) {
    throw new RangeError(`retentionDays must be positive, got ${String(options.retentionDays)}`);
  }

  const db = await openDatabase(options);
  try {
    await migrateToLatest(db, file);
    if (jsonlPath !== undefined) await proveAppendable(jsonlPath);
  } catch (error) {
    await db.destroy();
    throw error instanceof DatabaseError ? error : describeFailure(file, error);
  }

  const history = new SqliteHistoryStore(db, now);
  const audit = new SqliteAuditLog(db, jsonlPath);
  const idempotency = new SqliteIdempotencyStore(db, now);

  const purge = async (): Promise<void> => {
    await history.purgeBefore(new Date(now() - options.retentionDays * DAY_MS));
    await idempotency.purgeExpired();
  };
  // One purge at a time: close() waits for it rather than destroying the database under it.
  let running: Promise<void> | undefined;
  const purgeOnce = (): Promise<void> => {
    running ??= purge().finally(() => {
      running = undefined;
    });
    return running;
  };

  try {
    await purgeOnce();
  } catch (error) {
    await db.destroy();
    throw describeFailure(file, error);
  }

  const timer = setInterval(() => {
    purgeOnce().catch((error: unknown) => options.onPurgeError?.(error));
  }, PURGE_INTERVAL_MS);
  // The purge must never keep the process alive on its own.
  timer.unref();

  let closed: Promise<void> | undefined;
  return {
    history,
    audit,
    idempotency,
    purge: purgeOnce,
    close() {
      closed ??= (async () => {
        clearInterval(timer);
        await running?.catch(() => undefined);
        await audit.flush();
        await db.destroy();
      })();
      return closed;
    },
  };
}

/**
 * The audit file must be appendable before the first mutation needs it, not after; a line torn
 * by a crash is closed off first, so the next entry starts on a line of its own.
 */
async function proveAppendable(path: string): Promise<void> {
  try {
    await appendFile(path, '', { encoding: 'utf8', mode: 0o600 });
    await closeTornLine(path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DatabaseError(path, `The audit log ${path} is not writable: ${detail}`, {
      cause: error,
    });
  }
}
