// Helpers for benchmarks: start the production BFF (or the standalone simulator) as a real
// process, time HTTP calls, count AWS calls, compute what the API's limits allow, summarise.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../scripts/lib.mjs';

export const round = (value, places = 2) => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};

/** Median, min and max of samples, with the unit. */
export function summary(samples, unit) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return {
    median: round(median),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    runs: sorted.length,
    unit,
  };
}

/** The p-th percentile (0–100) of samples, nearest rank. */
export function percentile(samples, p) {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** One result row: `{ name, median, min, max, runs, unit, ...extra }`. */
export const row = (name, samples, unit, extra = {}) => ({
  name,
  ...summary(samples, unit),
  ...extra,
});

/** A row of one derived figure (a ratio, a count): median = min = max. */
export const single = (name, value, unit, extra = {}) => ({
  name,
  median: round(value),
  min: round(value),
  max: round(value),
  runs: 1,
  unit,
  ...extra,
});

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resident set size of a process, in KiB (Linux /proc; undefined elsewhere). */
export function rssKiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  } catch {
    return undefined;
  }
}

async function waitFor(child, url, stderr, what) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited: ${stderr()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not start within 60 s`);
    await sleep(100);
  }
}

/** Fails when something already listens on a TCP port (another run's console would answer for ours). */
export function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`port ${port} is already in use`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

function stopper(child) {
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
}

/**
 * Starts `apps/bff/dist/server.js` with the given environment; resolves once /api/v1/health
 * answers. The console runs its simulator in-process (simulator mode), so `pid` is both.
 */
export async function startConsole({ port, simPort, daemonPort, env = {}, memoryProbe = false }) {
  await assertPortFree(port);
  await assertPortFree(simPort);
  const probe = memoryProbe
    ? ['--expose-gc', '--import', pathToFileURL(join(root, 'bench/memory-probe.mjs')).href]
    : [];
  const child = spawn(process.execPath, [...probe, join(root, 'apps/bff/dist/server.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe', ...(memoryProbe ? ['ipc'] : [])],
    env: {
      ...process.env,
      PORT: String(port),
      DECKHAND_SIM_PORT: String(simPort),
      ...(daemonPort ? { DECKHAND_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemonPort}` } : {}),
      DECKHAND_LOG_LEVEL: 'warn',
      DECKHAND_DATA_DIR: join(root, 'node_modules/.deckhand-bench'),
      // Background pollers would add their calls to every benchmark's count; the ones that
      // measure polling turn them back on.
      DECKHAND_BACKGROUND_POLL_INTERVAL: 'off',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${port}`;
  const sim = `http://127.0.0.1:${simPort}`;
  const stop = stopper(child);
  try {
    await waitFor(child, `${base}/api/v1/health`, () => stderr, 'the console');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    base,
    sim,
    pid: child.pid,
    rssKiB: () => rssKiB(child.pid),
    /**
     * With `memoryProbe`: the console's memory after a full garbage collection
     * (process.memoryUsage(), bytes) and its VmRSS then (KiB).
     */
    memory: () =>
      new Promise((resolve, reject) => {
        if (!memoryProbe) {
          reject(new Error('startConsole({ memoryProbe: true }) to read memory'));
          return;
        }
        const id = Math.random();
        const onMessage = (message) => {
          if (message?.type !== 'deckhand-bench:memory' || message.id !== id) return;
          child.off('message', onMessage);
          resolve({ ...message, vmRssKiB: rssKiB(child.pid) });
        };
        child.on('message', onMessage);
        child.send({ type: 'deckhand-bench:memory', id });
      }),
    /** What the console wrote to stderr (warnings and errors), for a failure's message. */
    stderr: () => stderr,
    exitCode: () => child.exitCode ?? child.signalCode,
    stop,
  };
}

/** Starts the standalone simulator (`packages/aws-sim/dist/cli.js`, built by the production build). */
export async function startSimulator({ port, daemonPort, scenario = 'empty', throttling = 'off' }) {
  await assertPortFree(port);
  const child = spawn(process.execPath, [join(root, 'packages/aws-sim/dist/cli.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DECKHAND_SIM_PORT: String(port),
      DECKHAND_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemonPort}`,
      DECKHAND_SIM_SCENARIO: scenario,
      DECKHAND_SIM_THROTTLING: throttling,
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const sim = `http://127.0.0.1:${port}`;
  const stop = stopper(child);
  try {
    await waitFor(child, `${sim}/_sim/stats`, () => stderr, 'the simulator');
  } catch (error) {
    await stop();
    throw error;
  }
  return { sim, daemonPort, pid: child.pid, rssKiB: () => rssKiB(child.pid), stop };
}

/** GETs a URL and reads the whole body; returns the wall time in ms, the status, the body size (and the body when asked). */
export async function timedGet(url, { json = false } = {}) {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  return {
    ms,
    status: response.status,
    bytes: body.byteLength,
    ...(json ? { body: JSON.parse(Buffer.from(body).toString('utf8')) } : {}),
  };
}

export async function simStats(sim) {
  return (await fetch(`${sim}/_sim/stats`)).json();
}

/** Calls per operation between two /_sim/stats snapshots. */
export function callsBetween(before, after) {
  const calls = {};
  for (const [operation, count] of Object.entries(after.operations)) {
    const delta = count - (before.operations[operation] ?? 0);
    if (delta > 0) calls[operation] = delta;
  }
  return calls;
}

/** Calls answered with a throttling error between two snapshots (all operations). */
export function throttledBetween(before, after) {
  let total = 0;
  for (const [operation, count] of Object.entries(after.throttled ?? {}))
    total += count - (before.throttled?.[operation] ?? 0);
  return total;
}

/** Sum of calls, optionally only those of one service prefix (`ecs:`). */
export function sumCalls(calls, prefix = '') {
  let total = 0;
  for (const [key, count] of Object.entries(calls)) if (key.startsWith(prefix)) total += count;
  return total;
}

/** Only the calls of one service prefix. */
export function callsOf(calls, prefix) {
  return Object.fromEntries(Object.entries(calls).filter(([key]) => key.startsWith(prefix)));
}

/** GETs a BFF route, timing it and counting the AWS calls the simulator saw meanwhile. */
export async function load(console, route, { json = false } = {}) {
  const before = await simStats(console.sim);
  const result = await timedGet(`${console.base}${route}`, { json });
  if (result.status !== 200) throw new Error(`${route} answered ${result.status}`);
  const calls = callsBetween(before, await simStats(console.sim));
  return { ...result, calls };
}

/**
 * Makes the BFF's next read of a cluster cold without waiting out the 5 s TTL: a scale to the
 * current desired count (no change to the fleet) through the BFF's own mutation route, which
 * drops that cluster's cached services, tasks and instances and the cluster list. One
 * UpdateService call, made before any measurement starts.
 */
export async function bustCluster(console, cluster, service, desiredCount) {
  const response = await fetch(
    `${console.base}/api/v1/clusters/${cluster}/services/${service}/scale`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-deckhand-request': '1' },
      body: JSON.stringify({ desiredCount }),
    },
  );
  if (!response.ok) throw new Error(`scale ${cluster}/${service} answered ${response.status}`);
  await response.arrayBuffer();
}

/** Runs `fn` over items with at most `limit` at once, keeping the order of results. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const chunk = (items, size) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/**
 * AWS's ECS throttling buckets per category (REFERENCE.md §1; the same table as
 * packages/shared/src/aws/ecs-throttling.ts, which is TypeScript and so not importable here).
 */
export const ECS_BUCKETS = {
  clusterRead: { burst: 50, rate: 20 },
  serviceRead: { burst: 100, rate: 20 },
  clusterResourceRead: { burst: 100, rate: 20 },
  taskDefinitionRead: { burst: 50, rate: 20 },
  serviceModify: { burst: 50, rate: 5 },
};
const ECS_CATEGORY = {
  ListClusters: 'clusterRead',
  DescribeClusters: 'clusterRead',
  ListServices: 'serviceRead',
  DescribeServices: 'serviceRead',
  ListTasks: 'clusterResourceRead',
  DescribeTasks: 'clusterResourceRead',
  ListContainerInstances: 'clusterResourceRead',
  DescribeContainerInstances: 'clusterResourceRead',
  ListTaskDefinitions: 'taskDefinitionRead',
  ListTaskDefinitionFamilies: 'taskDefinitionRead',
  DescribeTaskDefinition: 'taskDefinitionRead',
  UpdateService: 'serviceModify',
};

/** ECS calls per throttling category (keys `ecs:Operation` or `Operation`; other services ignored). */
export function callsByCategory(calls) {
  const byCategory = {};
  for (const [key, count] of Object.entries(calls)) {
    if (key.includes(':') && !key.startsWith('ecs:')) continue;
    const category = ECS_CATEGORY[key.replace(/^ecs:/, '')];
    if (!category) continue;
    byCategory[category] = (byCategory[category] ?? 0) + count;
  }
  return byCategory;
}

/**
 * The least time a share of AWS's buckets allows for these calls made at once: per category,
 * calls beyond the burst ÷ the rate; the categories refill in parallel, so the longest one.
 * `sequential`: the categories are used one after the other (a sequential client), so the sum.
 */
export function minimumSeconds(calls, share = 0.5, { sequential = false } = {}) {
  let longest = 0;
  let sum = 0;
  for (const [category, count] of Object.entries(callsByCategory(calls))) {
    const spec = ECS_BUCKETS[category];
    const burst = Math.max(1, Math.floor(spec.burst * share));
    const seconds = Math.max(0, count - burst) / (spec.rate * share);
    longest = Math.max(longest, seconds);
    sum += seconds;
  }
  return sequential ? sum : longest;
}

// The SDK warns once per process about Node 20's end of support: not what a benchmark reports.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const bffRequire = createRequire(join(root, 'apps/bff/package.json'));

/**
 * SDK v3 clients pointed at a simulator (the BFF's own copies of the packages: no new
 * dependency). The simulator accepts any well-formed SigV4 signature.
 */
export function awsClients(sim, { maxAttempts = 1 } = {}) {
  const ecsSdk = bffRequire('@aws-sdk/client-ecs');
  const xraySdk = bffRequire('@aws-sdk/client-xray');
  const config = {
    region: 'us-east-1',
    endpoint: sim,
    credentials: { accessKeyId: 'AKIDDECKHANDBENCH', secretAccessKey: 'bench' },
    maxAttempts,
  };
  const ecs = new ecsSdk.ECSClient(config);
  const xray = new xraySdk.XRayClient(config);
  return {
    ecsSdk,
    xraySdk,
    ecs,
    xray,
    destroy() {
      ecs.destroy();
      xray.destroy();
    },
  };
}

/** Follows nextToken to the end; returns every item of `field`. */
export async function allPages(fetchPage, field) {
  const items = [];
  let nextToken;
  do {
    const page = await fetchPage(nextToken);
    items.push(...(page[field] ?? []));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return items;
}

/** A SigV4-shaped Authorization header (the simulator checks the shape, not the signature). */
export const FAKE_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=AKIDDECKHANDBENCH/20260101/us-east-1/ecs/aws4_request, ' +
  `SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`;
