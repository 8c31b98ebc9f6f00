import { type Kysely, type Migration, Migrator, sql } from 'kysely';
import type { DatabaseSchema } from './schema.js';
import { DatabaseError } from './database.js';

/**
 * The schema as migrations kept in code (bundled with the BFF, no migration files to ship).
 * Applied in name order and never edited once released: a change is a new migration.
 * Column types are the portable `text`/`integer`; only the audit log's autoincrement id would
 * become an identity column on PostgreSQL.
 */
export const migrations: Record<string, Migration> = {
  '0001_history': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('service_events')
        .addColumn('region', 'text', (column) => column.notNull())
        .addColumn('cluster', 'text', (column) => column.notNull())
        .addColumn('service', 'text', (column) => column.notNull())
        .addColumn('id', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('message', 'text', (column) => column.notNull())
        .addColumn('kind', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('service_events_pk', ['region', 'cluster', 'service', 'id'])
        .execute();
      await db.schema
        .createIndex('service_events_by_time')
        .on('service_events')
        .columns(['region', 'cluster', 'service', 'created_at'])
        .execute();

      await db.schema
        .createTable('task_stops')
        .addColumn('region', 'text', (column) => column.notNull())
        .addColumn('cluster', 'text', (column) => column.notNull())
        .addColumn('task_arn', 'text', (column) => column.notNull())
        .addColumn('service', 'text')
        .addColumn('stopped_at', 'text', (column) => column.notNull())
        .addColumn('stop_code', 'text')
        .addColumn('stopped_reason', 'text')
        .addColumn('task_json', 'text', (column) => column.notNull())
        .addColumn('diagnosis_json', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('task_stops_pk', ['region', 'task_arn'])
        .execute();
      await db.schema
        .createIndex('task_stops_by_cluster_time')
        .on('task_stops')
        .columns(['region', 'cluster', 'stopped_at'])
        .execute();
      await db.schema
        .createIndex('task_stops_by_service_time')
        .on('task_stops')
        .columns(['region', 'cluster', 'service', 'stopped_at'])
        .execute();

      await db.schema
        .createTable('deployments')
        .addColumn('region', 'text', (column) => column.notNull())
        .addColumn('cluster', 'text', (column) => column.notNull())
        .addColumn('service', 'text', (column) => column.notNull())
        .addColumn('id', 'text', (column) => column.notNull())
        .addColumn('task_definition', 'text', (column) => column.notNull())
        .addColumn('status', 'text', (column) => column.notNull())
        // "Newest first" is by creation: an old deployment being drained is updated last.
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('updated_at', 'text', (column) => column.notNull())
        .addColumn('deployment_json', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('deployments_pk', ['region', 'cluster', 'service', 'id'])
        .execute();
      // The hourly purge deletes by time across every service; without these indexes it would
      // scan whole tables, and better-sqlite3 runs synchronously on the event loop.
      await db.schema
        .createIndex('service_events_purge')
        .on('service_events')
        .column('created_at')
        .execute();
      await db.schema
        .createIndex('task_stops_purge')
        .on('task_stops')
        .column('stopped_at')
        .execute();
      await db.schema
        .createIndex('deployments_purge')
        .on('deployments')
        .column('updated_at')
        .execute();
    },
  },
  '0002_audit_log': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', (column) => column.primaryKey().autoIncrement())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('request_id', 'text', (column) => column.notNull())
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('region', 'text', (column) => column.notNull())
        .addColumn('target', 'text', (column) => column.notNull())
        .addColumn('phase', 'text', (column) => column.notNull())
        .addColumn('params_json', 'text', (column) => column.notNull())
        .addColumn('idempotency_key', 'text')
        .addColumn('aws_request_id', 'text')
        .addColumn('result_json', 'text')
        .addColumn('error_json', 'text')
        .execute();
    },
  },
  '0003_idempotency_keys': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('key', 'text', (column) => column.primaryKey())
        .addColumn('fingerprint', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('status', 'integer')
        .addColumn('body_json', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute();
      await db.schema
        .createIndex('idempotency_keys_by_time')
        .on('idempotency_keys')
        .columns(['created_at'])
        .execute();
    },
  },
  '0004_audit_log_append_only': {
    // Append-only in the database too, not only by the store having no update or delete: a bug,
    // a future route or a hand with the sqlite3 shell cannot rewrite what was audited. (Triggers
    // are SQLite syntax; PostgreSQL would get the same rule as a trigger function.)
    async up(db: Kysely<unknown>) {
      for (const operation of ['UPDATE', 'DELETE'])
        await sql
          .raw(
            `CREATE TRIGGER audit_log_no_${operation.toLowerCase()} BEFORE ${operation} ON audit_log ` +
              `BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END`,
          )
          .execute(db);
    },
  },
};

/**
 * Brings the database to the latest schema.
 * @throws DatabaseError when a migration fails (the database is left at the last one that ran).
 */
export async function migrateToLatest(db: Kysely<DatabaseSchema>, file: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const detail = error instanceof Error ? error.message : 'unknown error';
    throw new DatabaseError(
      file,
      `Cannot migrate the database ${file}${failed === undefined ? '' : ` (${failed})`}: ${detail}`,
      { cause: error },
    );
  }
}
