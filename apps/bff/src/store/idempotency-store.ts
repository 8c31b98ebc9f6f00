import type { Kysely } from 'kysely';
import { parseJsonColumn, toIsoText } from './columns.js';
import type { DatabaseSchema } from './schema.js';
import type { IdempotencyBegin, IdempotencyStore, StoredResponse } from './types.js';

/** How long a key is remembered: a retry or a double click comes within seconds, never a day. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Idempotency keys in the database, so a replay survives a restart of the BFF. A key older than
 * 24 hours counts as absent; `purgeExpired` removes such keys for good.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Atomic: the claim is an insert on the primary key, so of two concurrent begins for one key
   * exactly one inserts the row ('new'); the other finds it ('in-progress', or 'mismatch').
   */
  async begin(key: string, fingerprint: string): Promise<IdempotencyBegin> {
    const now = this.now();
    const expiredBefore = toIsoText(now - IDEMPOTENCY_TTL_MS);
    return this.db.transaction().execute(async (trx): Promise<IdempotencyBegin> => {
      await trx
        .deleteFrom('idempotency_keys')
        .where('key', '=', key)
        .where('created_at', '<', expiredBefore)
        .execute();
      const claim = await trx
        .insertInto('idempotency_keys')
        .values({
          key,
          fingerprint,
          state: 'pending',
          status: null,
          body_json: null,
          created_at: toIsoText(now),
        })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      if (claim.numInsertedOrUpdatedRows === 1n) return { state: 'new' };

      const existing = await trx
        .selectFrom('idempotency_keys')
        .select(['fingerprint', 'state', 'status', 'body_json'])
        .where('key', '=', key)
        .executeTakeFirst();
      // Not found only if another writer released it in between: it is still someone else's turn.
      if (existing === undefined) return { state: 'in-progress' };
      if (existing.fingerprint !== fingerprint) return { state: 'mismatch' };
      if (existing.state !== 'done' || existing.status === null) return { state: 'in-progress' };
      return {
        state: 'replay',
        response: { status: existing.status, body: parseJsonColumn(existing.body_json) ?? null },
      };
    });
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    await this.db
      .updateTable('idempotency_keys')
      .set({
        state: 'done',
        status: response.status,
        body_json: JSON.stringify(response.body ?? null),
      })
      .where('key', '=', key)
      .execute();
  }

  async release(key: string): Promise<void> {
    // Only a pending claim: a completed answer stays replayable.
    await this.db
      .deleteFrom('idempotency_keys')
      .where('key', '=', key)
      .where('state', '=', 'pending')
      .execute();
  }

  /** Deletes the keys past their 24 hours; returns how many. */
  async purgeExpired(): Promise<number> {
    const result = await this.db
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', toIsoText(this.now() - IDEMPOTENCY_TTL_MS))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
