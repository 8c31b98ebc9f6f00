import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { z } from 'zod';
import type { DatabaseSchema } from './schema.js';

/** The database file inside `DECKHAND_DATA_DIR`. */
export const DATABASE_FILE = 'deckhand.db';

export type OpenDatabaseOptions = { dataDir: string } | { filename: ':memory:' };

/**
 * The database cannot be used: corrupt, not a database, not writable, or its directory cannot
 * be created. Raised at start so an operator learns it then, not when history silently stops.
 */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
  constructor(
    /** The database file (or `:memory:`) the message is about. */
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Where the database of these options lives. */
export function databaseFile(options: OpenDatabaseOptions): string {
  return 'dataDir' in options ? join(options.dataDir, DATABASE_FILE) : ':memory:';
}

/**
 * Opens (creating when missing) the SQLite database, checks that it is intact and writable, and
 * wraps it in Kysely. Only this module knows it is SQLite; the stores use portable Kysely queries.
 * @throws DatabaseError naming the file and what is wrong with it.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Kysely<DatabaseSchema>> {
  const file = databaseFile(options);
  if ('dataDir' in options) createDataDir(options.dataDir, file);
  const sqlite = openSqlite(file);
  const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await proveWritable(db);
  } catch (error) {
    await db.destroy();
    throw describeFailure(file, error);
  }
  return db;
}

function createDataDir(dataDir: string, file: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DatabaseError(
      file,
      `Cannot create the data directory ${dataDir} for the database ${file}: ${reason(error)}`,
      { cause: error },
    );
  }
}

const QuickCheckRows = z.array(z.object({ quick_check: z.string() }));

function openSqlite(file: string): Database.Database {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (error) {
    throw describeFailure(file, error);
  }
  try {
    // Another Deckhand (or a backup tool) may hold a lock for a moment; wait rather than fail.
    sqlite.pragma('busy_timeout = 5000');
    // quick_check reads every page (O(size), no index cross-check): a damaged file is reported
    // at start instead of surfacing later as missing history.
    const problems = QuickCheckRows.parse(sqlite.pragma('quick_check'))
      .map((row) => row.quick_check)
      .filter((message) => message !== 'ok');
    if (problems.length > 0) {
      throw new DatabaseError(file, `The database ${file} is corrupt: ${problems.join('; ')}`);
    }
    // WAL lets the pollers write while routes read; :memory: databases stay in `memory` mode.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw describeFailure(file, error);
  }
  return sqlite;
}

/**
 * SQLite silently opens a file it may not write read-only, and reads never notice; only a write
 * does. So every open writes one row, inside a transaction like every later write.
 */
async function proveWritable(db: Kysely<DatabaseSchema>): Promise<void> {
  await db.schema
    .createTable('deckhand_meta')
    .ifNotExists()
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('value', 'text', (column) => column.notNull())
    .execute();
  const openedAt = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('deckhand_meta')
      .values({ key: 'last_opened_at', value: openedAt })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: openedAt }))
      .execute();
  });
}

/** Turns a SQLite or file-system failure into a DatabaseError an operator can act on. */
export function describeFailure(file: string, error: unknown): DatabaseError {
  if (error instanceof DatabaseError) return error;
  const code = errorCode(error) ?? '';
  const detail = reason(error);
  let message: string;
  if (code === 'SQLITE_NOTADB') {
    message = `The file ${file} is not a SQLite database (or it is encrypted): ${detail}`;
  } else if (code.startsWith('SQLITE_CORRUPT')) {
    message = `The database ${file} is corrupt: ${detail}`;
  } else if (
    code.startsWith('SQLITE_READONLY') ||
    code.startsWith('SQLITE_CANTOPEN') ||
    code.startsWith('SQLITE_IOERR') ||
    ['SQLITE_PERM', 'EACCES', 'EPERM', 'EROFS'].includes(code)
  ) {
    message = `The database ${file} is not writable or cannot be opened: ${detail}`;
  } else if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    message = `The database ${file} is locked by another process: ${detail}`;
  } else {
    message = `Cannot use the database ${file}: ${detail}`;
  }
  return new DatabaseError(file, message, { cause: error });
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  return code !== undefined && !message.includes(code) ? `${message} (${code})` : message;
}
