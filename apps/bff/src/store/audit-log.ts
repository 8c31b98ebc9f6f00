import { appendFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { checkLimit, parseJsonColumn } from './columns.js';
import type { AuditLogTable, DatabaseSchema } from './schema.js';
import type { AuditEntry, AuditLog, AuditPhase } from './types.js';

/** The audit file inside `DECKHAND_DATA_DIR`. */
export const AUDIT_FILE = 'audit.jsonl';

const AuditError = z.object({ code: z.string(), message: z.string() });
const phases: readonly string[] = ['requested', 'succeeded', 'failed'] satisfies AuditPhase[];

/**
 * The audit log, kept twice: a table to query, and a JSON-lines file that plain tools (`tail`,
 * `jq`, a log shipper) can read and that survives losing the database. Append-only by design:
 * there is no method to change or remove an entry.
 */
export class SqliteAuditLog implements AuditLog {
  /** File appends run one after another, so lines never interleave and keep the table's order. */
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    /** The JSON-lines file; optional only for in-memory databases (tests). */
    private readonly jsonlPath?: string,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    // `params` is required in the table; an action without input is recorded as null.
    const normalized: AuditEntry = { ...entry, params: entry.params ?? null };
    await this.db.insertInto('audit_log').values(toRow(normalized)).execute();
    const path = this.jsonlPath;
    if (path === undefined) return;
    const line = `${JSON.stringify(normalized)}\n`;
    // Owner-only: the log names actors and targets.
    const write = this.tail.then(() => appendFile(path, line, { encoding: 'utf8', mode: 0o600 }));
    this.tail = write.catch(() => undefined);
    await write;
  }

  async recent(options: { limit: number }): Promise<AuditEntry[]> {
    const limit = checkLimit(options.limit);
    if (limit === 0) return [];
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  /** Resolves once every file append started so far has finished (used by close()). */
  flush(): Promise<void> {
    return this.tail;
  }
}

function toRow(entry: AuditEntry): Omit<AuditLogTable, 'id'> {
  return {
    at: entry.at,
    request_id: entry.requestId,
    actor: entry.actor,
    action: entry.action,
    region: entry.region,
    target: entry.target,
    phase: entry.phase,
    params_json: JSON.stringify(entry.params),
    idempotency_key: entry.idempotencyKey ?? null,
    aws_request_id: entry.awsRequestId ?? null,
    result_json: entry.result === undefined ? null : JSON.stringify(entry.result),
    error_json: entry.error === undefined ? null : JSON.stringify(entry.error),
  };
}

function fromRow(row: Omit<AuditLogTable, 'id'>): AuditEntry {
  const entry: AuditEntry = {
    at: row.at,
    requestId: row.request_id,
    actor: row.actor,
    action: row.action,
    region: row.region,
    target: row.target,
    // Only append() writes this table, so the phase is one of the three.
    phase: phases.includes(row.phase) ? (row.phase as AuditPhase) : 'failed',
    params: parseJsonColumn(row.params_json) ?? null,
  };
  if (row.idempotency_key !== null) entry.idempotencyKey = row.idempotency_key;
  if (row.aws_request_id !== null) entry.awsRequestId = row.aws_request_id;
  if (row.result_json !== null) entry.result = parseJsonColumn(row.result_json);
  const error = AuditError.safeParse(parseJsonColumn(row.error_json));
  if (error.success) entry.error = error.data;
  return entry;
}
