import { Deployment, ServiceEvent, Task, TaskStopDiagnosis } from '@deckhand/shared';
import type { Kysely } from 'kysely';
import { checkLimit, chunks, parseJsonColumn, toIsoText } from './columns.js';
import type { DatabaseSchema } from './schema.js';
import type { ClusterRef, HistoryStore, ServiceRef } from './types.js';

/** Events per statement: 7 parameters each keeps a batch far below the parameter limit. */
const BATCH = 200;

/** `service:<name>` → name; run tasks (`family:<family>`) belong to no service. */
export function serviceOfGroup(group: string | undefined): string | null {
  return group?.startsWith('service:') === true ? group.slice('service:'.length) : null;
}

/** Only the key columns: a ref object carrying more properties must not become more columns. */
function serviceColumns(ref: ServiceRef): ServiceRef {
  return { region: ref.region, cluster: ref.cluster, service: ref.service };
}

/**
 * History on SQLite through Kysely. Rows are read back through the shared zod schemas: a row
 * that no longer parses (hand-edited, or written by an older schema) is skipped, never fatal.
 */
export class SqliteHistoryStore implements HistoryStore {
  constructor(
    private readonly db: Kysely<DatabaseSchema>,
    private readonly now: () => number = Date.now,
  ) {}

  async recordServiceEvents(ref: ServiceRef, events: ServiceEvent[]): Promise<ServiceEvent[]> {
    const unique = [...new Map(events.map((event) => [event.id, event])).values()];
    if (unique.length === 0) return [];
    const fresh = await this.db.transaction().execute(async (trx) => {
      const seen = new Set<string>();
      for (const batch of chunks(unique, BATCH)) {
        const rows = await trx
          .selectFrom('service_events')
          .select('id')
          .where('region', '=', ref.region)
          .where('cluster', '=', ref.cluster)
          .where('service', '=', ref.service)
          .where(
            'id',
            'in',
            batch.map((event) => event.id),
          )
          .execute();
        for (const row of rows) seen.add(row.id);
      }
      const added = unique.filter((event) => !seen.has(event.id));
      for (const batch of chunks(added, BATCH)) {
        await trx
          .insertInto('service_events')
          .values(
            batch.map((event) => ({
              ...serviceColumns(ref),
              id: event.id,
              created_at: toIsoText(event.createdAt),
              message: event.message,
              kind: event.kind,
            })),
          )
          // Another writer may have stored the same event since the select (PostgreSQL).
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      }
      return added;
    });
    // Array.prototype.sort is stable: events of the same instant keep the order they came in.
    return fresh.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  }

  async recordTaskStop(ref: ClusterRef, task: Task, diagnosis: TaskStopDiagnosis): Promise<void> {
    const row = {
      cluster: ref.cluster,
      service: serviceOfGroup(task.group),
      // A STOPPED task always has stoppedAt on AWS; the fallbacks keep a row sortable anyway.
      stopped_at: toIsoText(task.stoppedAt ?? task.stoppingAt ?? this.now()),
      stop_code: task.stopCode ?? null,
      stopped_reason: task.stoppedReason ?? null,
      task_json: JSON.stringify(task),
      diagnosis_json: JSON.stringify(diagnosis),
    };
    await this.db
      .insertInto('task_stops')
      .values({ region: ref.region, task_arn: task.arn, ...row })
      .onConflict((conflict) => conflict.columns(['region', 'task_arn']).doUpdateSet(row))
      .execute();
  }

  async recordDeployment(ref: ServiceRef, deployment: Deployment): Promise<void> {
    const row = {
      task_definition: deployment.taskDefinition,
      status: deployment.status,
      created_at: toIsoText(deployment.createdAt ?? deployment.updatedAt ?? this.now()),
      updated_at: toIsoText(deployment.updatedAt ?? deployment.createdAt ?? this.now()),
      deployment_json: JSON.stringify(deployment),
    };
    await this.db
      .insertInto('deployments')
      .values({ ...serviceColumns(ref), id: deployment.id, ...row })
      .onConflict((conflict) =>
        conflict.columns(['region', 'cluster', 'service', 'id']).doUpdateSet(row),
      )
      .execute();
  }

  async serviceEvents(ref: ServiceRef, options: { limit: number }): Promise<ServiceEvent[]> {
    const limit = checkLimit(options.limit);
    if (limit === 0) return [];
    const rows = await this.db
      .selectFrom('service_events')
      .select(['id', 'created_at', 'message', 'kind'])
      .where('region', '=', ref.region)
      .where('cluster', '=', ref.cluster)
      .where('service', '=', ref.service)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.flatMap((row) => {
      const parsed = ServiceEvent.safeParse({
        id: row.id,
        createdAt: row.created_at,
        message: row.message,
        kind: row.kind,
      });
      return parsed.success ? [parsed.data] : [];
    });
  }

  async stoppedTasks(
    ref: ClusterRef,
    options: { service?: string; limit: number },
  ): Promise<{ task: Task; diagnosis: TaskStopDiagnosis }[]> {
    const limit = checkLimit(options.limit);
    if (limit === 0) return [];
    let query = this.db
      .selectFrom('task_stops')
      .select(['task_json', 'diagnosis_json'])
      .where('region', '=', ref.region)
      .where('cluster', '=', ref.cluster);
    if (options.service !== undefined) query = query.where('service', '=', options.service);
    const rows = await query
      .orderBy('stopped_at', 'desc')
      .orderBy('task_arn', 'desc')
      .limit(limit)
      .execute();
    return rows.flatMap((row) => {
      const task = Task.safeParse(parseJsonColumn(row.task_json));
      const diagnosis = TaskStopDiagnosis.safeParse(parseJsonColumn(row.diagnosis_json));
      return task.success && diagnosis.success
        ? [{ task: task.data, diagnosis: diagnosis.data }]
        : [];
    });
  }

  async stoppedTask(
    ref: ClusterRef,
    taskArn: string,
  ): Promise<{ task: Task; diagnosis: TaskStopDiagnosis } | undefined> {
    // (region, task_arn) is the key: one row at most.
    const row = await this.db
      .selectFrom('task_stops')
      .select(['task_json', 'diagnosis_json'])
      .where('region', '=', ref.region)
      .where('cluster', '=', ref.cluster)
      .where('task_arn', '=', taskArn)
      .executeTakeFirst();
    if (!row) return undefined;
    const task = Task.safeParse(parseJsonColumn(row.task_json));
    const diagnosis = TaskStopDiagnosis.safeParse(parseJsonColumn(row.diagnosis_json));
    return task.success && diagnosis.success
      ? { task: task.data, diagnosis: diagnosis.data }
      : undefined;
  }

  async deployments(ref: ServiceRef, options: { limit: number }): Promise<Deployment[]> {
    const limit = checkLimit(options.limit);
    if (limit === 0) return [];
    const rows = await this.db
      .selectFrom('deployments')
      .select('deployment_json')
      .where('region', '=', ref.region)
      .where('cluster', '=', ref.cluster)
      .where('service', '=', ref.service)
      .orderBy('created_at', 'desc')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.flatMap((row) => {
      const parsed = Deployment.safeParse(parseJsonColumn(row.deployment_json));
      return parsed.success ? [parsed.data] : [];
    });
  }

  async purgeBefore(cutoff: Date): Promise<{ events: number; tasks: number; deployments: number }> {
    const before = cutoff.toISOString();
    return this.db.transaction().execute(async (trx) => {
      const events = await trx
        .deleteFrom('service_events')
        .where('created_at', '<', before)
        .executeTakeFirst();
      const tasks = await trx
        .deleteFrom('task_stops')
        .where('stopped_at', '<', before)
        .executeTakeFirst();
      const deployments = await trx
        .deleteFrom('deployments')
        .where('updated_at', '<', before)
        .executeTakeFirst();
      return {
        events: Number(events.numDeletedRows),
        tasks: Number(tasks.numDeletedRows),
        deployments: Number(deployments.numDeletedRows),
      };
    });
  }
}
