import { openStores } from '../store/stores.js';
import { BATCH_SIZE } from './data-constants.js';

/**
 * The crash test's victim (bundled and run as a child by data.integration.test.ts): the real
 * stores on a data directory, writing history and audit entries as the BFF does, as fast as it
 * can, until it is killed. After each write has resolved it prints an acknowledgement line
 * (stdout to a pipe is synchronous on Linux), so the test knows what was durably done before
 * the kill: `E <batch>` (a transaction of BATCH_SIZE service events), `D <batch>` (a deployment
 * upsert), `A <batch>` (an audit entry with a large params blob,
 * big enough to be written in several chunks).
 * Arguments: dataDir, life (a tag for this run), audit params size in bytes.
 */
const [dataDir = '', life = 'x', auditBytes = '0'] = process.argv.slice(2);
const stores = await openStores({ dataDir, retentionDays: 3650 });
const ack = (line: string) => process.stdout.write(`${line}\n`);
const ref = { region: 'us-east-1', cluster: 'crash', service: 'svc' };
const blob = 'p'.repeat(Number(auditBytes));
const now = Date.now();
ack('READY');

for (let n = 0; ; n += 1) {
  const batch = `${life}-${n}`;
  const at = new Date(now + n).toISOString();
  await stores.history.recordServiceEvents(
    ref,
    Array.from({ length: BATCH_SIZE }, (_, i) => ({
      id: `${batch}-${i}`,
      createdAt: at,
      message: `(service svc) has reached a steady state. ${batch}/${i}`,
      kind: 'steady-state' as const,
    })),
  );
  ack(`E ${batch}`);
  await stores.history.recordDeployment(ref, {
    id: `ecs-svc/${batch}`,
    status: 'PRIMARY',
    taskDefinition: 'svc:1',
    desiredCount: 1,
    pendingCount: 0,
    runningCount: 1,
    failedTasks: 0,
    rolloutState: 'COMPLETED',
    createdAt: at,
    updatedAt: at,
  });
  ack(`D ${batch}`);
  await stores.audit.append({
    at,
    requestId: batch,
    actor: 'local',
    action: 'service.scale',
    region: ref.region,
    target: `${ref.cluster}/${ref.service}`,
    phase: 'requested',
    params: { desiredCount: n % 10, blob },
  });
  ack(`A ${batch}`);
}
