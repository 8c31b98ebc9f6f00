// BFF latency, cold and warm, with the simulator's throttling off (large scenario): the cluster
// list, the services, tasks and port map of scale-01 (1,925 services, 20,000 tasks, 600
// instances). Cold: the cluster's cache dropped first (bustCluster: what a TTL expiry does,
// without waiting 5 s per run); warm: the same request again at once, which must make no AWS
// call. And Deckhand's overhead: after each cold load, the same AWS calls made directly against
// the simulator with the SDK (same page sizes, batches and concurrency as the BFF); the overhead
// is BFF − simulator, run by run.
import {
  allPages,
  awsClients,
  bustCluster,
  callsBetween,
  chunk,
  load,
  mapLimit,
  row,
  simStats,
  single,
  startConsole,
  sumCalls,
} from './lib.mjs';

const CLUSTER = 'scale-01';
/** Describe batches the BFF runs at once (apps/bff/src/aws/ecs-reads.ts CONCURRENCY). */
const CONCURRENCY = 8;
/** The BFF's read cache TTL (apps/bff/src/aws/aws-layer.ts). */
const TTL_MS = 5_000;
/** A warm load must start this long before the TTL can have run out for anything it reads. */
const WARM_MARGIN_MS = 500;

/** The same calls the BFF's EcsReads make, straight to the simulator. */
function directReads({ ecs, ecsSdk: sdk }) {
  const instances = async (cluster) => {
    const arns = await allPages(
      (nextToken) =>
        ecs.send(new sdk.ListContainerInstancesCommand({ cluster, maxResults: 100, nextToken })),
      'containerInstanceArns',
    );
    return (
      await mapLimit(
        chunk(arns, 100),
        CONCURRENCY,
        async (batch) =>
          (
            await ecs.send(
              new sdk.DescribeContainerInstancesCommand({
                cluster,
                containerInstances: batch,
                include: ['TAGS'],
              }),
            )
          ).containerInstances ?? [],
      )
    ).flat();
  };
  const services = async (cluster) => {
    const arns = await allPages(
      (nextToken) => ecs.send(new sdk.ListServicesCommand({ cluster, maxResults: 100, nextToken })),
      'serviceArns',
    );
    return (
      await mapLimit(
        chunk(arns, 10),
        CONCURRENCY,
        async (batch) =>
          (
            await ecs.send(
              new sdk.DescribeServicesCommand({ cluster, services: batch, include: ['TAGS'] }),
            )
          ).services ?? [],
      )
    ).flat();
  };
  const tasks = async (cluster) => {
    const arns = await allPages(
      (nextToken) =>
        ecs.send(
          new sdk.ListTasksCommand({
            cluster,
            desiredStatus: 'RUNNING',
            maxResults: 100,
            nextToken,
          }),
        ),
      'taskArns',
    );
    return (
      await mapLimit(
        chunk(arns, 100),
        CONCURRENCY,
        async (batch) =>
          (
            await ecs.send(
              new sdk.DescribeTasksCommand({ cluster, tasks: batch, include: ['TAGS'] }),
            )
          ).tasks ?? [],
      )
    ).flat();
  };
  return {
    async clusters() {
      const arns = await allPages(
        (nextToken) => ecs.send(new sdk.ListClustersCommand({ maxResults: 100, nextToken })),
        'clusterArns',
      );
      const { clusters = [] } = await ecs.send(
        new sdk.DescribeClustersCommand({
          clusters: arns,
          include: ['STATISTICS', 'TAGS', 'SETTINGS'],
        }),
      );
      await mapLimit(clusters, 4, (cluster) =>
        cluster.registeredContainerInstancesCount > 0 ? instances(cluster.clusterName) : [],
      );
    },
    services: () => services(CLUSTER),
    // The tasks route: the tasks, then the instances for their EC2 instance ids.
    tasks: async () => {
      await tasks(CLUSTER);
      await instances(CLUSTER);
    },
    // The port map: the three at once (the revisions are in the BFF's 30-minute cache by then).
    portMap: () => Promise.all([instances(CLUSTER), tasks(CLUSTER), services(CLUSTER)]),
  };
}

const ROUTES = [
  { key: 'clusters', name: 'bff.clusters', route: '/api/v1/clusters', all: true },
  { key: 'services', name: 'bff.services.1925', route: `/api/v1/clusters/${CLUSTER}/services` },
  { key: 'tasks', name: 'bff.tasks.20k', route: `/api/v1/clusters/${CLUSTER}/tasks` },
  { key: 'portMap', name: 'bff.port-map.scale-01', route: `/api/v1/clusters/${CLUSTER}/port-map` },
];

export async function benchLatency({ coldRuns = 5, warmRuns = 2, log = () => {} } = {}) {
  const console = await startConsole({
    port: 18_184,
    simPort: 14_670,
    daemonPort: 12_670,
    env: { DECKHAND_SIM_SCENARIO: 'large', DECKHAND_SIM_THROTTLING: 'off' },
  });
  const clients = awsClients(console.sim);
  try {
    // A first full load: fills the 30-minute revision cache and warms up the process (JIT).
    const first = await load(console, ROUTES[3].route);
    log(
      `  first port map load (revisions cold too): ${(first.ms / 1000).toFixed(1)} s, ${sumCalls(first.calls)} calls`,
    );
    // One service per cluster, to drop a cluster's cache with a no-change scale.
    const clusters = (await load(console, '/api/v1/clusters', { json: true })).body.clusters;
    const bustTargets = [];
    for (const { name } of clusters) {
      const [service] = (await load(console, `/api/v1/clusters/${name}/services`, { json: true }))
        .body.services;
      if (service)
        bustTargets.push({ cluster: name, service: service.name, desired: service.desiredCount });
    }
    const bust = async (all) => {
      for (const target of bustTargets)
        if (all || target.cluster === CLUSTER)
          await bustCluster(console, target.cluster, target.service, target.desired);
    };

    const samples = Object.fromEntries(
      ROUTES.map(({ key }) => [
        key,
        {
          cold: [],
          warm: [],
          coldCalls: [],
          warmCalls: 0,
          warmSkipped: 0,
          bytes: 0,
          direct: [],
          directCalls: 0,
        },
      ]),
    );
    const direct = directReads(clients);
    for (let run = 0; run < coldRuns; run += 1) {
      for (const { key, route, all } of ROUTES) {
        await bust(all);
        const coldStarted = performance.now();
        const cold = await load(console, route);
        const entry = samples[key];
        entry.cold.push(cold.ms);
        entry.coldCalls.push(sumCalls(cold.calls, 'ecs:'));
        entry.byOperation = cold.calls;
        entry.bytes = cold.bytes;
        // Warm: only while every entry the cold load filled is surely within the TTL (each is
        // stamped when its AWS read ends, so after the cold load started). A cold load that
        // takes about the TTL itself (the port map on a busy machine) leaves no warm window.
        for (let i = 0; i < warmRuns; i += 1) {
          if (performance.now() - coldStarted > TTL_MS - WARM_MARGIN_MS) {
            entry.warmSkipped += 1;
            continue;
          }
          const warm = await load(console, route);
          entry.warm.push(warm.ms);
          entry.warmCalls += sumCalls(warm.calls, 'ecs:');
        }
        // The same AWS calls straight to the simulator, right after: the two see the same load
        // on the machine, so their difference is Deckhand's own cost.
        const before = await simStats(console.sim);
        const started = performance.now();
        await direct[key]();
        entry.direct.push(performance.now() - started);
        entry.directCalls = sumCalls(callsBetween(before, await simStats(console.sim)), 'ecs:');
      }
      log(
        `  run ${run + 1}: cold ${ROUTES.map(({ key }) => `${key} ${samples[key].cold.at(-1).toFixed(0)} ms`).join(', ')}`,
      );
    }

    const results = [];
    let warmCallsTotal = 0;
    for (const { key, name } of ROUTES) {
      const entry = samples[key];
      const bff = row(`${name}.cold`, entry.cold, 'ms', {
        calls: Math.max(...entry.coldCalls),
        byOperation: entry.byOperation,
        bytes: entry.bytes,
        ...(key === 'portMap'
          ? { firstLoadMs: Math.round(first.ms), firstLoadCalls: sumCalls(first.calls, 'ecs:') }
          : {}),
      });
      const sim = row(`sim.direct.${name.replace(/^bff\./, '')}`, entry.direct, 'ms', {
        calls: entry.directCalls,
      });
      // Run by run: BFF cold − the simulator's time for the same calls just after.
      const overhead = row(
        `${name}.overhead`,
        entry.cold.map((ms, i) => ms - entry.direct[i]),
        'ms',
        { bffMedian: bff.median, simulatorMedian: sim.median },
      );
      overhead.share = Math.round((overhead.median / bff.median) * 100) / 100;
      warmCallsTotal += entry.warmCalls;
      results.push(
        bff,
        row(`${name}.warm`, entry.warm.length ? entry.warm : [Number.NaN], 'ms', {
          calls: entry.warmCalls,
          ...(entry.warmSkipped ? { warmSkippedPastTtl: entry.warmSkipped } : {}),
        }),
        sim,
        overhead,
      );
      log(
        `  ${name}: cold ${bff.median} ms (${bff.min}–${bff.max}), warm ${results.at(-3).median} ms, ` +
          `simulator ${sim.median} ms → overhead ${overhead.median} ms (${overhead.min}–${overhead.max}); ` +
          `${bff.calls} calls cold, ${entry.warmCalls} warm` +
          (entry.warmSkipped
            ? ` (${entry.warmSkipped} warm loads skipped: the cold one took about the TTL)`
            : ''),
      );
    }
    results.push(
      single('bff.calls.scale-01.warm', warmCallsTotal, 'calls', {
        calls: warmCallsTotal,
        warmLoads: ROUTES.reduce((sum, { key }) => sum + samples[key].warm.length, 0),
      }),
    );
    return results;
  } finally {
    clients.destroy();
    await console.stop();
  }
}
