import type { Generated } from 'kysely';

/**
 * The tables as Kysely sees them (migrations.ts creates them). Portable on purpose, so the store
 * can move to PostgreSQL: times are ISO-8601 text normalised with `toISOString()` (it sorts and
 * compares as text, and PostgreSQL's driver would hand back epoch-ms `bigint`s as strings), and
 * JSON is text parsed and validated on read.
 */
export interface DatabaseSchema {
  deckhand_meta: MetaTable;
  service_events: ServiceEventsTable;
  task_stops: TaskStopsTable;
  deployments: DeploymentsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
}

/** Written at every open to prove the database is writable. */
export interface MetaTable {
  key: string;
  value: string;
}

export interface ServiceEventsTable {
  region: string;
  cluster: string;
  service: string;
  id: string;
  created_at: string;
  message: string;
  kind: string;
}

export interface TaskStopsTable {
  region: string;
  cluster: string;
  task_arn: string;
  /** From the task's `group` (`service:<name>`); null for tasks run outside a service. */
  service: string | null;
  stopped_at: string;
  stop_code: string | null;
  stopped_reason: string | null;
  task_json: string;
  diagnosis_json: string;
}

export interface DeploymentsTable {
  region: string;
  cluster: string;
  service: string;
  id: string;
  task_definition: string;
  status: string;
  /** Orders the list; `updated_at` drives the purge. */
  created_at: string;
  updated_at: string;
  deployment_json: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  request_id: string;
  actor: string;
  action: string;
  region: string;
  target: string;
  phase: string;
  params_json: string;
  idempotency_key: string | null;
  aws_request_id: string | null;
  result_json: string | null;
  error_json: string | null;
}

export interface IdempotencyKeysTable {
  key: string;
  fingerprint: string;
  state: 'pending' | 'done';
  status: number | null;
  body_json: string | null;
  created_at: string;
}
