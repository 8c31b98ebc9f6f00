// The cold loads again with AWS-like throttling on (DECKHAND_SIM_THROTTLING=aws, the BFF keeping
// to DECKHAND_AWS_CALL_BUDGET=0.5 of AWS's buckets), large scenario. Each against the least time
// that budget allows for the calls it made: per throttling category, the calls beyond the
// budget's burst ÷ the budget's rate. The services and the tasks of scale-01 load at once (as
// the cluster page asks for them): they draw on different buckets (service read, cluster
// resource read), so each still has its own minimum. The cluster list fits in the burst (its
// minimum is 0 s): its time is reported without a ratio.
//
// Not run: the port map with its task definitions cold. Its 1,925 DescribeTaskDefinition calls
// (one per revision; the task-definition read bucket, 25 burst / 10 per s at 0.5) need at least
// 190 s by themselves — the budget working as intended, but longer than the whole bench may
// take. Its call count is checked in bff-efficiency.mjs and the pacing by the two loads here.
import {
  bustCluster,
  callsBetween,
  callsOf,
  minimumSeconds,
  row,
  simStats,
  sleep,
  startConsole,
  sumCalls,
  throttledBetween,
  timedGet,
} from './lib.mjs';

const CLUSTER = 'scale-01';
const SHARE = 0.5;
/** Long enough for both the BFF's and the simulator's buckets to refill, and the 5 s TTL to pass. */
const REFILL_MS = 10_000;
const SERVICE_OPS = ['ecs:ListServices', 'ecs:DescribeServices'];

async function timed(console, route) {
  const result = await timedGet(`${console.base}${route}`, { json: route.endsWith('/services') });
  if (result.status !== 200) throw new Error(`${route} answered ${result.status}`);
  return result;
}

export async function benchThrottled({ runs = 2, log = () => {} } = {}) {
  const console = await startConsole({
    port: 18_186,
    simPort: 14_672,
    daemonPort: 12_672,
    env: {
      DECKHAND_SIM_SCENARIO: 'large',
      DECKHAND_SIM_THROTTLING: 'aws',
      DECKHAND_AWS_CALL_BUDGET: String(SHARE),
    },
  });
  try {
    const services = { seconds: [], ratios: [], calls: {} };
    const tasks = { seconds: [], ratios: [], calls: {} };
    let throttled = 0;
    let target;
    for (let run = 0; run < runs; run += 1) {
      if (run > 0) {
        await sleep(REFILL_MS);
        // The TTL has passed; the no-change scale makes sure nothing of the cluster is cached.
        await bustCluster(console, CLUSTER, target.name, target.desiredCount);
      }
      const before = await simStats(console.sim);
      const [servicesAnswer, tasksAnswer] = await Promise.all([
        timed(console, `/api/v1/clusters/${CLUSTER}/services`),
        timed(console, `/api/v1/clusters/${CLUSTER}/tasks`),
      ]);
      const after = await simStats(console.sim);
      throttled += throttledBetween(before, after);
      const calls = callsOf(callsBetween(before, after), 'ecs:');
      [target] = servicesAnswer.body.services;
      for (const [entry, answer, own] of [
        [services, servicesAnswer, (key) => SERVICE_OPS.includes(key)],
        [tasks, tasksAnswer, (key) => !SERVICE_OPS.includes(key)],
      ]) {
        entry.calls = Object.fromEntries(Object.entries(calls).filter(([key]) => own(key)));
        const minimum = minimumSeconds(entry.calls, SHARE);
        entry.minimum = minimum;
        entry.seconds.push(answer.ms / 1000);
        entry.ratios.push(answer.ms / 1000 / minimum);
      }
      log(
        `  run ${run + 1}: services ${(servicesAnswer.ms / 1000).toFixed(1)} s (minimum ${services.minimum.toFixed(1)} s), ` +
          `tasks ${(tasksAnswer.ms / 1000).toFixed(1)} s (minimum ${tasks.minimum.toFixed(1)} s)`,
      );
    }

    // The cluster list: 1 ListClusters, 1 DescribeClusters, the instances of 5 clusters (22 calls).
    await sleep(REFILL_MS);
    const clusterSamples = [];
    const before = await simStats(console.sim);
    clusterSamples.push((await timed(console, '/api/v1/clusters')).ms);
    const after = await simStats(console.sim);
    throttled += throttledBetween(before, after);
    const clusterCalls = callsOf(callsBetween(before, after), 'ecs:');
    log(
      `  cluster list ${clusterSamples[0].toFixed(0)} ms, ${sumCalls(clusterCalls)} calls (within the burst); ` +
        `${throttled} calls throttled by the simulator in all`,
    );

    const rows = [];
    for (const [name, entry] of [
      ['bff.services.1925', services],
      ['bff.tasks.20k', tasks],
    ]) {
      const extra = {
        calls: sumCalls(entry.calls),
        byOperation: entry.calls,
        minimumSeconds: Math.round(entry.minimum * 100) / 100,
        budget: SHARE,
        throttledBySimulator: throttled,
      };
      rows.push(
        row(`${name}.throttled.cold`, entry.seconds, 's', extra),
        row(`${name}.throttled.ratio-to-minimum`, entry.ratios, 'x', {
          minimumSeconds: extra.minimumSeconds,
        }),
      );
    }
    rows.push(
      row('bff.clusters.throttled.cold', clusterSamples, 'ms', {
        calls: sumCalls(clusterCalls),
        byOperation: clusterCalls,
        minimumSeconds: minimumSeconds(clusterCalls, SHARE),
      }),
    );
    return rows;
  } finally {
    await console.stop();
  }
}
