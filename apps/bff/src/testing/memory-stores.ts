import type {
  AuditEntry,
  AuditLog,
  IdempotencyBegin,
  IdempotencyStore,
  StoredResponse,
} from '../store/types.js';

/** The audit log in an array, for tests: `entries` in the order appended. */
export class MemoryAuditLog implements AuditLog {
  readonly entries: AuditEntry[] = [];

  append(entry: AuditEntry): Promise<void> {
    this.entries.push(structuredClone(entry));
    return Promise.resolve();
  }

  recent(options: { limit: number }): Promise<AuditEntry[]> {
    return Promise.resolve([...this.entries].reverse().slice(0, options.limit));
  }
}

interface Claim {
  fingerprint: string;
  response?: StoredResponse;
}

/** The idempotency store in a Map, for tests; keys never expire. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  readonly claims = new Map<string, Claim>();
  readonly released: string[] = [];

  begin(key: string, fingerprint: string): Promise<IdempotencyBegin> {
    const claim = this.claims.get(key);
    if (!claim) {
      this.claims.set(key, { fingerprint });
      return Promise.resolve({ state: 'new' });
    }
    if (claim.fingerprint !== fingerprint) return Promise.resolve({ state: 'mismatch' });
    if (!claim.response) return Promise.resolve({ state: 'in-progress' });
    return Promise.resolve({ state: 'replay', response: structuredClone(claim.response) });
  }

  complete(key: string, response: StoredResponse): Promise<void> {
    const claim = this.claims.get(key);
    // The SQLite store serialises the answer; a clone keeps the same isolation here.
    if (claim) claim.response = structuredClone(response);
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    this.claims.delete(key);
    this.released.push(key);
    return Promise.resolve();
  }
}
