// Issue 5's figures: the tasks of the 20,000-task cluster (large scenario, scale-01) through the
// production BFF. With the simulator's throttling off: cold and warm latency, Deckhand's own
// overhead. With AWS-like throttling on: the cold load against the minimum time the call budget
// allows (calls beyond the burst ÷ the budgeted rate).
import { callsBetween, simStats, sleep, startConsole, summary, timedGet } from './lib.mjs';

const CLUSTER = 'scale-01';
const ROUTE = `/api/v1/clusters/${CLUSTER}/tasks`;
/** The BFF's read cache TTL (apps/bff/src/aws/aws-layer.ts): waiting past it makes the next load cold. */
const TTL_MS = 5_000;
const SHARE = 0.5;
/** AWS's buckets (REFERENCE.md §1, packages/shared/src/aws/ecs-throttling.ts) for what this route calls. */
const CATEGORY = {
  ListTasks: { name: 'clusterResourceRead', burst: 100, rate: 20 },
  DescribeTasks: { name: 'clusterResourceRead', burst: 100, rate: 20 },
  ListContainerInstances: { name: 'clusterResourceRead', burst: 100, rate: 20 },
  DescribeContainerInstances: { name: 'clusterResourceRead', burst: 100, rate: 20 },
  DescribeTaskDefinition: { name: 'taskDefinitionRead', burst: 50, rate: 20 },
};

/** The least time the budget allows for these calls: per category, calls beyond the burst ÷ the rate. */
export function minimumSeconds(calls, share = SHARE) {
  const byCategory = new Map();
  for (const [key, count] of Object.entries(calls)) {
    const spec = CATEGORY[key.replace(/^ecs:/, '')];
    if (!spec) continue;
    const entry = byCategory.get(spec.name) ?? { spec, count: 0 };
    entry.count += count;
    byCategory.set(spec.name, entry);
  }
  let seconds = 0;
  for (const { spec, count } of byCategory.values()) {
    const burst = Math.floor(spec.burst * share);
    seconds = Math.max(seconds, Math.max(0, count - burst) / (spec.rate * share));
  }
  return seconds;
}

async function loadOnce(console) {
  const before = await simStats(console.sim);
  const result = await timedGet(`${console.base}${ROUTE}`);
  if (result.status !== 200) throw new Error(`${ROUTE} answered ${result.status}`);
  const calls = callsBetween(before, await simStats(console.sim));
  return { ...result, calls };
}

export async function benchTasks({
  coldRuns = 5,
  warmRuns = 20,
  throttledRuns = 2,
  log = () => {},
} = {}) {
  const results = [];

  // 1. Throttling off: Deckhand's own cost.
  let console = await startConsole({
    port: 18_180,
    simPort: 14_666,
    env: {
      DECKHAND_SIM_SCENARIO: 'large',
      DECKHAND_SIM_THROTTLING: 'off',
      DECKHAND_XRAY_DAEMON_ADDRESS: '127.0.0.1:12666',
    },
  });
  try {
    const cold = [];
    const warm = [];
    let lastCold;
    for (let run = 0; run < coldRuns; run += 1) {
      if (run > 0) await sleep(TTL_MS + 200);
      lastCold = await loadOnce(console);
      cold.push(lastCold.ms);
      for (let i = 0; i < warmRuns / coldRuns; i += 1) warm.push((await loadOnce(console)).ms);
      log(`  cold ${lastCold.ms.toFixed(0)} ms (${(lastCold.bytes / 1e6).toFixed(1)} MB)`);
    }
    const calls = Object.values(lastCold.calls).reduce((sum, count) => sum + count, 0);
    results.push(
      {
        name: 'bff.tasks.20k.cold',
        ...summary(cold, 'ms'),
        calls,
        callsByOperation: lastCold.calls,
      },
      { name: 'bff.tasks.20k.warm', ...summary(warm, 'ms') },
    );
  } finally {
    await console.stop();
  }

  if (throttledRuns === 0) return results;

  // 2. AWS-like throttling: the cold load against the budget's minimum.
  console = await startConsole({
    port: 18_181,
    simPort: 14_667,
    env: {
      DECKHAND_SIM_SCENARIO: 'large',
      DECKHAND_SIM_THROTTLING: 'aws',
      DECKHAND_AWS_CALL_BUDGET: String(SHARE),
      DECKHAND_XRAY_DAEMON_ADDRESS: '127.0.0.1:12667',
    },
  });
  try {
    const ratios = [];
    const seconds = [];
    let last;
    for (let run = 0; run < throttledRuns; run += 1) {
      // Let both Deckhand's buckets and the simulator's refill to their burst.
      if (run > 0) await sleep(10_000);
      last = await loadOnce(console);
      const minimum = minimumSeconds(last.calls);
      seconds.push(last.ms / 1000);
      ratios.push(last.ms / 1000 / minimum);
      log(`  throttled cold ${(last.ms / 1000).toFixed(1)} s, minimum ${minimum.toFixed(1)} s`);
    }
    const calls = Object.values(last.calls).reduce((sum, count) => sum + count, 0);
    results.push(
      {
        name: 'bff.tasks.20k.throttled.cold',
        ...summary(seconds, 's'),
        calls,
        minimumSeconds: Math.round(minimumSeconds(last.calls) * 100) / 100,
      },
      { name: 'bff.tasks.20k.throttled.ratio-to-minimum', ...summary(ratios, 'x') },
    );
  } finally {
    await console.stop();
  }
  return results;
}
