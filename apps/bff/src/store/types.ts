import type { Deployment, ServiceEvent, Task, TaskStopDiagnosis } from '@deckhand/shared';

/**
 * What Deckhand keeps beyond AWS's own limits (DESIGN.md, `DECKHAND_DATA_DIR`): service events
 * past the 100 DescribeServices returns, stopped tasks past the hour ListTasks lists them, the
 * deployments the pollers saw, the audit log of every mutation, and idempotency keys.
 * Implemented on SQLite through Kysely (`stores.ts`); the interfaces keep the pollers
 * and routes independent of the database.
 */

export interface ServiceRef {
  region: string;
  cluster: string;
  service: string;
}

export interface ClusterRef {
  region: string;
  cluster: string;
}

export interface HistoryStore {
  /** Stores the events not stored yet (by ECS event id); returns those that were new, oldest first. */
  recordServiceEvents(ref: ServiceRef, events: ServiceEvent[]): Promise<ServiceEvent[]>;
  /** Stores or updates a stopped task (keyed by task ARN) with its diagnosis. */
  recordTaskStop(ref: ClusterRef, task: Task, diagnosis: TaskStopDiagnosis): Promise<void>;
  /** Stores or updates a deployment (keyed by its id) as last seen. */
  recordDeployment(ref: ServiceRef, deployment: Deployment): Promise<void>;
  /** A service's stored events, newest first. */
  serviceEvents(ref: ServiceRef, options: { limit: number }): Promise<ServiceEvent[]>;
  /** A cluster's stored stopped tasks (optionally of one service), most recently stopped first. */
  stoppedTasks(
    ref: ClusterRef,
    options: { service?: string; limit: number },
  ): Promise<{ task: Task; diagnosis: TaskStopDiagnosis }[]>;
  /** One stored stopped task of a cluster by its ARN, with its diagnosis; undefined when not kept. */
  stoppedTask(
    ref: ClusterRef,
    taskArn: string,
  ): Promise<{ task: Task; diagnosis: TaskStopDiagnosis } | undefined>;
  /** A service's stored deployments, newest first. */
  deployments(ref: ServiceRef, options: { limit: number }): Promise<Deployment[]>;
  /** Deletes history older than the cut-off (events by createdAt, tasks by stoppedAt, deployments by updatedAt). */
  purgeBefore(cutoff: Date): Promise<{ events: number; tasks: number; deployments: number }>;
}

export type AuditPhase = 'requested' | 'succeeded' | 'failed';

/** One line of the append-only audit log: written before the AWS call and again after it. */
export interface AuditEntry {
  /** ISO time. */
  at: string;
  /** The BFF request id, shared by the `requested` and the final line of one action. */
  requestId: string;
  /** Who asked: `session:<8 hex of the session id's hash>`, `bearer`, or `local` (no token configured). */
  actor: string;
  /** e.g. `service.scale`, `service.deploy`, `task.stop`, `container-instance.state`, `task-definition.register`. */
  action: string;
  region: string;
  /** What was acted on, e.g. `prod-ec2/web`, `prod-ec2/task/1a2b…`, `web:12`. */
  target: string;
  phase: AuditPhase;
  /** The validated input (never secrets). */
  params: unknown;
  idempotencyKey?: string;
  /** AWS's request id (`$metadata.requestId`), on success and on AWS failures. */
  awsRequestId?: string;
  /** On `succeeded`: a short summary of the outcome (e.g. the new desired count). */
  result?: unknown;
  /** On `failed`: the error code and message the user saw. */
  error?: { code: string; message: string };
}

export interface AuditLog {
  /** Appends to the SQLite table and the JSON-lines file; never updates or deletes. */
  append(entry: AuditEntry): Promise<void>;
  /** The newest entries first. */
  recent(options: { limit: number }): Promise<AuditEntry[]>;
}

/** The answer a completed idempotent request gave, replayed for a repeat of the same key. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotencyBegin =
  /** First use of the key: go ahead, then call complete(). */
  | { state: 'new' }
  /** The same request completed before: answer with what it answered. */
  | { state: 'replay'; response: StoredResponse }
  /** The same request is still running (a double click): answer 409, change nothing. */
  | { state: 'in-progress' }
  /** The key was used for a different request: answer 409 (or 422), change nothing. */
  | { state: 'mismatch' };

export interface IdempotencyStore {
  /**
   * Claims a key for one request. `fingerprint` identifies the request (action, target and
   * parameters); the same key with another fingerprint is a mismatch. Keys expire after 24 hours.
   */
  begin(key: string, fingerprint: string): Promise<IdempotencyBegin>;
  /** Stores the answer of a claimed key (success or AWS refusal alike). */
  complete(key: string, response: StoredResponse): Promise<void>;
  /** Releases a claimed key without an answer (the request failed before reaching AWS). */
  release(key: string): Promise<void>;
}

/** Everything kept in the database, opened together at start. */
export interface Stores {
  history: HistoryStore;
  audit: AuditLog;
  idempotency: IdempotencyStore;
  /** Runs the retention purge now (it also runs hourly once started). */
  purge(): Promise<void>;
  close(): Promise<void>;
}
