// Side by side: the services and tasks of scale-01 (large scenario: 1,925 services, 20,000
// tasks; throttling off) through Deckhand's BFF, against a naive sequential SDK client: List*
// without maxResults (ListServices' default page is 10), then one Describe per item, one call
// at a time. AWS calls and wall time for both. The naive run is capped: its List phases run in
// full, each Describe phase runs for a few seconds and is extrapolated to all its items at the
// rate measured (the rows say so). Also what each needs at AWS's own throttling rates (the
// account's full buckets, nobody else calling): the naive client's calls beyond the burst at
// 20 per second, one category after the other.
import {
  allPages,
  awsClients,
  bustCluster,
  callsBetween,
  callsOf,
  minimumSeconds,
  round,
  row,
  simStats,
  single,
  startConsole,
  sumCalls,
  timedGet,
} from './lib.mjs';

const CLUSTER = 'scale-01';
/** How long each naive Describe phase runs before it is extrapolated. */
const DESCRIBE_CAP_MS = 5_000;

/** One call per item, sequentially, until the cap; returns calls made, seconds and the extrapolation. */
async function onePerItem(items, call) {
  const started = performance.now();
  let done = 0;
  for (const item of items) {
    await call(item);
    done += 1;
    if (performance.now() - started > DESCRIBE_CAP_MS) break;
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    calls: items.length,
    measuredCalls: done,
    measuredSeconds: round(seconds),
    seconds: round((seconds / done) * items.length),
    extrapolated: done < items.length,
  };
}

async function naiveRun({ ecs, ecsSdk: sdk }) {
  const phases = {};
  let started = performance.now();
  let pages = 0;
  const serviceArns = await allPages((nextToken) => {
    pages += 1;
    return ecs.send(new sdk.ListServicesCommand({ cluster: CLUSTER, nextToken }));
  }, 'serviceArns');
  phases.ListServices = {
    calls: pages,
    measuredCalls: pages,
    seconds: round((performance.now() - started) / 1000),
  };
  phases.DescribeServices = await onePerItem(serviceArns, (arn) =>
    ecs.send(new sdk.DescribeServicesCommand({ cluster: CLUSTER, services: [arn] })),
  );
  started = performance.now();
  pages = 0;
  const taskArns = await allPages((nextToken) => {
    pages += 1;
    return ecs.send(new sdk.ListTasksCommand({ cluster: CLUSTER, nextToken }));
  }, 'taskArns');
  phases.ListTasks = {
    calls: pages,
    measuredCalls: pages,
    seconds: round((performance.now() - started) / 1000),
  };
  phases.DescribeTasks = await onePerItem(taskArns, (arn) =>
    ecs.send(new sdk.DescribeTasksCommand({ cluster: CLUSTER, tasks: [arn] })),
  );
  return { phases, services: serviceArns.length, tasks: taskArns.length };
}

export async function benchNaiveClient({ bffRuns = 3, log = () => {} } = {}) {
  const console = await startConsole({
    port: 18_188,
    simPort: 14_675,
    daemonPort: 12_675,
    env: { DECKHAND_SIM_SCENARIO: 'large', DECKHAND_SIM_THROTTLING: 'off' },
  });
  const clients = awsClients(console.sim);
  try {
    // Deckhand: the two routes at once, as the cluster page asks for them; cold every time.
    const bff = [];
    let bffCalls = {};
    let target;
    for (let run = 0; run < bffRuns; run += 1) {
      if (target) await bustCluster(console, CLUSTER, target.name, target.desiredCount);
      const before = await simStats(console.sim);
      const started = performance.now();
      const [services, tasks] = await Promise.all([
        timedGet(`${console.base}/api/v1/clusters/${CLUSTER}/services`, { json: true }),
        timedGet(`${console.base}/api/v1/clusters/${CLUSTER}/tasks`),
      ]);
      bff.push((performance.now() - started) / 1000);
      if (services.status !== 200 || tasks.status !== 200) throw new Error('a BFF route failed');
      bffCalls = callsOf(callsBetween(before, await simStats(console.sim)), 'ecs:');
      [target] = services.body.services;
    }

    const naive = await naiveRun(clients);
    const naiveCalls = Object.fromEntries(
      Object.entries(naive.phases).map(([operation, phase]) => [`ecs:${operation}`, phase.calls]),
    );
    const naiveSeconds = Object.values(naive.phases).reduce((sum, phase) => sum + phase.seconds, 0);
    const naiveMeasured = Object.values(naive.phases).reduce(
      (sum, phase) => sum + (phase.measuredSeconds ?? phase.seconds),
      0,
    );
    const bffRow = row('bff.services+tasks.scale-01.cold', bff, 's', {
      calls: sumCalls(bffCalls),
      byOperation: bffCalls,
      minimumSecondsAtAwsRates: round(minimumSeconds(bffCalls, 1)),
    });
    const naiveMinimum = minimumSeconds(naiveCalls, 1, { sequential: true });
    log(
      `  Deckhand: ${bffRow.calls} calls, ${bffRow.median} s (${bffRow.min}–${bffRow.max}); ` +
        `at AWS's rates ≥ ${bffRow.minimumSecondsAtAwsRates} s`,
    );
    log(
      `  naive sequential client: ${sumCalls(naiveCalls)} calls, ${round(naiveSeconds, 1)} s extrapolated ` +
        `(${round(naiveMeasured, 1)} s measured: List* in full, each Describe phase capped at ${DESCRIBE_CAP_MS / 1000} s); ` +
        `at AWS's rates ≥ ${round(naiveMinimum)} s`,
    );
    return [
      bffRow,
      single('naive.services+tasks.scale-01', naiveSeconds, 's', {
        extrapolated: true,
        calls: sumCalls(naiveCalls),
        byOperation: naiveCalls,
        measuredSeconds: round(naiveMeasured),
        phases: naive.phases,
        minimumSecondsAtAwsRates: round(naiveMinimum),
      }),
      single('naive-vs-bff.services+tasks.scale-01.time', naiveSeconds / bffRow.median, 'x', {
        extrapolated: true,
      }),
      single(
        'naive-vs-bff.services+tasks.scale-01.calls',
        sumCalls(naiveCalls) / bffRow.calls,
        'x',
        {
          naiveCalls: sumCalls(naiveCalls),
          bffCalls: bffRow.calls,
        },
      ),
    ];
  } finally {
    clients.destroy();
    await console.stop();
  }
}
