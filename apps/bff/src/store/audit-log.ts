import { appendFile, open, readFile } from 'node:fs/promises';
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

/**
 * A crash (kill -9, power loss) during an append can leave the file's last line cut short: an
 * entry over 512 KiB is written in several chunks, and the kernel stops a write between pages
 * when the process is killed. The next append would then glue its entry onto the fragment and
 * both would be lost to every line reader. The file is never rewritten (it is an audit log): the
 * fragment is closed with a newline and stands alone, a line that readers skip.
 * @returns whether a torn line was found.
 */
export async function closeTornLine(path: string): Promise<boolean> {
  const handle = await open(path, 'a+');
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    if (last[0] === 0x0a) return false;
    await handle.appendFile('\n');
    return true;
  } finally {
    await handle.close();
  }
}

/**
 * Reads the JSON-lines file back: every well-formed line in order, and how many lines were
 * skipped because they are not an entry (a fragment a crash left, closed by closeTornLine).
 */
export async function readAuditFile(
  path: string,
): Promise<{ entries: unknown[]; skipped: number }> {
  const text = await readFile(path, 'utf8');
  const entries: unknown[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    try {
      entries.push(JSON.parse(line));
    } catch {
      skipped += 1;
    }
  }
  return { entries, skipped };
}
