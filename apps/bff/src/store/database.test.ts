import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, DatabaseError, openDatabase } from './database.js';
import { migrateToLatest } from './migrations.js';
import { openStores } from './stores.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-db-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Awaits a rejection and returns it as a DatabaseError (failing the test otherwise). */
async function databaseError(promise: Promise<unknown>): Promise<DatabaseError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DatabaseError);
  return error as DatabaseError;
}

describe('openDatabase', () => {
  it('creates the data directory and a WAL database with foreign keys on', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const db = await openDatabase({ dataDir });
    const foreignKeys = await sql<{ foreign_keys: number }>`PRAGMA foreign_keys`.execute(db);
    expect(foreignKeys.rows[0]?.foreign_keys).toBe(1);
    await db.destroy();

    const raw = new Database(join(dataDir, DATABASE_FILE));
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('opens an in-memory database', async () => {
    const db = await openDatabase({ filename: ':memory:' });
    const meta = await db.selectFrom('deckhand_meta').selectAll().execute();
    expect(meta.map((row) => row.key)).toEqual(['last_opened_at']);
    await db.destroy();
  });

  it('rejects a text file in place of the database, naming it', async () => {
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, 'these are notes, not a database\n'.repeat(200));
    const error = await databaseError(openDatabase({ dataDir: dir }));
    expect(error.file).toBe(file);
    expect(error.message).toContain(file);
    expect(error.message).toContain('not a SQLite database');
  });

  it('rejects random bytes in place of the database', async () => {
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, randomBytes(16_384));
    const error = await databaseError(openStores({ dataDir: dir, retentionDays: 30 }));
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not a SQLite database|corrupt/);
  });

  it('rejects a database whose pages are damaged as corrupt', async () => {
    const file = join(dir, DATABASE_FILE);
    const raw = new Database(file);
    raw.exec('CREATE TABLE filler (k TEXT PRIMARY KEY, v TEXT)');
    const insert = raw.prepare('INSERT INTO filler VALUES (?, ?)');
    raw.transaction(() => {
      for (let index = 0; index < 2000; index += 1) insert.run(`k${index}`, 'x'.repeat(100));
    })();
    raw.close();
    const bytes = readFileSync(file);
    // Leave the header page intact so SQLite recognises the file, then overwrite table pages.
    for (let index = 4096 * 2; index < 4096 * 6; index += 1) bytes[index] = (index * 7) & 255;
    writeFileSync(file, bytes);

    const error = await databaseError(openDatabase({ dataDir: dir }));
    expect(error.message).toContain(file);
    expect(error.message).toContain('corrupt');
  });

  it('rejects a data directory that cannot be created (its parent is a file)', async () => {
    const parent = join(dir, 'not-a-directory');
    writeFileSync(parent, 'plain file');
    const dataDir = join(parent, 'data');
    const error = await databaseError(openStores({ dataDir, retentionDays: 30 }));
    expect(error.file).toBe(join(dataDir, DATABASE_FILE));
    expect(error.message).toContain(join(dataDir, DATABASE_FILE));
    expect(error.message).toContain('Cannot create the data directory');
  });

  it('rejects a database path that is a directory', async () => {
    mkdirSync(join(dir, DATABASE_FILE));
    const error = await databaseError(openDatabase({ dataDir: dir }));
    expect(error.message).toContain(join(dir, DATABASE_FILE));
  });

  it('rejects a database migrated by a newer Deckhand', async () => {
    const db = await openDatabase({ dataDir: dir });
    await migrateToLatest(db, 'deckhand.db');
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01T00:00:00.000Z')`.execute(
      db,
    );
    await db.destroy();

    const error = await databaseError(openStores({ dataDir: dir, retentionDays: 30 }));
    expect(error.message).toContain('Cannot migrate');
    expect(error.message).toContain(join(dir, DATABASE_FILE));
  });
});
