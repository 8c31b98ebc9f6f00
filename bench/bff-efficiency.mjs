// AWS call efficiency: the ECS calls the BFF makes for a cold full view of the largest cluster
// (large scenario, scale-01: cluster detail, services, tasks, container instances, port map,
// requested at once as the cluster page does) against the fewest the API allows for the same
// data: List pages of 100 and Describe batches at the API maxima, one DescribeTaskDefinition per
// distinct revision, one DescribeClusters. The counts come from the BFF's own answers. (The warm
// side, no call within the cache TTL, is counted route by route in bff-latency.mjs.)
import {
  callsBetween,
  callsOf,
  simStats,
  single,
  startConsole,
  sumCalls,
  timedGet,
} from './lib.mjs';

const CLUSTER = 'scale-01';
const VIEW = {
  cluster: `/api/v1/clusters/${CLUSTER}`,
  services: `/api/v1/clusters/${CLUSTER}/services`,
  tasks: `/api/v1/clusters/${CLUSTER}/tasks`,
  instances: `/api/v1/clusters/${CLUSTER}/container-instances`,
  portMap: `/api/v1/clusters/${CLUSTER}/port-map`,
};

/** Loads every route of the view at once; returns wall time, the answers and the ECS calls. */
async function loadView(console) {
  const before = await simStats(console.sim);
  const started = performance.now();
  const answers = await Promise.all(
    Object.entries(VIEW).map(async ([key, route]) => {
      const result = await timedGet(`${console.base}${route}`, { json: true });
      if (result.status !== 200) throw new Error(`${route} answered ${result.status}`);
      return [key, result.body];
    }),
  );
  const ms = performance.now() - started;
  const calls = callsOf(callsBetween(before, await simStats(console.sim)), 'ecs:');
  return { ms, answers: Object.fromEntries(answers), calls };
}

const pages = (count, size) => Math.max(1, Math.ceil(count / size));

/** The fewest ECS calls that return this data (REFERENCE.md §1 maxima). */
export function minimumCalls({ tasks, services, instances, revisions }) {
  return {
    'ecs:DescribeClusters': 1,
    'ecs:ListServices': pages(services, 100),
    'ecs:DescribeServices': Math.ceil(services / 10),
    'ecs:ListTasks': pages(tasks, 100),
    'ecs:DescribeTasks': Math.ceil(tasks / 100),
    'ecs:ListContainerInstances': pages(instances, 100),
    'ecs:DescribeContainerInstances': Math.ceil(instances / 100),
    'ecs:DescribeTaskDefinition': revisions,
  };
}

/** What the view shows, counted from the BFF's answers. */
function countsOf(answers) {
  const revisions = new Set();
  for (const task of answers.tasks.tasks)
    if (task.taskDefinition) revisions.add(task.taskDefinition);
  for (const service of answers.services.services) {
    if (service.taskDefinition) revisions.add(service.taskDefinition);
    for (const deployment of service.deployments ?? [])
      if (deployment.taskDefinition) revisions.add(deployment.taskDefinition);
  }
  return {
    tasks: answers.tasks.tasks.length,
    services: answers.services.services.length,
    instances: answers.instances.containerInstances.length,
    revisions: revisions.size,
  };
}

export async function benchEfficiency({ log = () => {} } = {}) {
  const console = await startConsole({
    port: 18_183,
    simPort: 14_669,
    daemonPort: 12_669,
    env: { DECKHAND_SIM_SCENARIO: 'large', DECKHAND_SIM_THROTTLING: 'off' },
  });
  try {
    // A fresh console: everything cold, task definition revisions included.
    const cold = await loadView(console);
    const counts = countsOf(cold.answers);
    const minimum = minimumCalls(counts);
    const made = sumCalls(cold.calls);
    const least = sumCalls(minimum);
    const excess = Object.fromEntries(
      Object.keys({ ...minimum, ...cold.calls })
        .map((key) => [key, (cold.calls[key] ?? 0) - (minimum[key] ?? 0)])
        .filter(([, delta]) => delta !== 0),
    );
    log(
      `  cold full view of ${CLUSTER}: ${made} ECS calls, minimum ${least} (${counts.tasks} tasks, ` +
        `${counts.services} services, ${counts.instances} instances, ${counts.revisions} revisions) ` +
        `in ${(cold.ms / 1000).toFixed(1)} s`,
    );
    return [
      single('bff.calls.scale-01.full-view.ratio-to-minimum', made / least, 'x', {
        calls: made,
        minimum: least,
        counts,
        byOperation: cold.calls,
        minimumByOperation: minimum,
        ...(Object.keys(excess).length ? { excess } : {}),
        coldSeconds: Math.round(cold.ms) / 1000,
      }),
    ];
  } finally {
    await console.stop();
  }
}
