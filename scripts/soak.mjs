// `npm run test:soak`: 200 virtual users browse the `large` scenario for 60 s against one
// production BFF (apps/bff/dist/server.js, built beforehand; nothing is built here) with
// AWS-like throttling on, so the call budget matters. Each user goes through the console as the
// SPA does, page by page with 0.5–2 s of think time: the cluster list, a cluster (detail,
// services, tasks, stopped tasks, instances, port map), a service and its tasks, a task, task
// definitions (families, revisions, a revision), the registry (repositories, the images of a
// repository, often the 5,000-image `scale/big`) and traces (a search, a trace); one in five also
// holds a cluster's live feed (SSE) open the whole time.
//
// Measured: requests, errors (any answer but 2xx/304, network errors, SSE streams that end or go
// silent), latency p50/p95/p99/max per route group and overall, throughput, the ECS calls per
// throttling category (the simulator's /_sim/stats over the run) against what the budget allows,
// and the BFF's RSS. Prints tables, writes bench/results/soak.json, and exits 1 when any request
// failed or a category went over the budget (the message says which); 2 when it could not run.
import { createSocket } from 'node:dgram';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { callsBetween, simStats, sleep, startConsole, throttledBetween } from '../bench/lib.mjs';
import { root } from './lib.mjs';
import {
  budgetCheck,
  latencySummary,
  parseSoakArgs,
  rateLimitUnknown,
  table,
  USAGE,
  verdict,
} from './soak-lib.mjs';

const BIG_CLUSTER = 'scale-01';
const BIG_REPOSITORY = 'scale/big';
/** The live feed sends a heartbeat at least every 15 s (DESIGN.md, SSE): silence longer is a stall. */
const SSE_SILENCE_MS = 20_000;
const SILENT = `no frame nor heartbeat for over ${SSE_SILENCE_MS / 1000} s`;
/** Traces sent to the X-Ray daemon before the run: the large scenario makes no traffic of its own. */
const SEEDED_TRACES = 60;
const print = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message, code = 2) => {
  process.stderr.write(`soak: ${message}\n`);
  process.exit(code);
};

let options;
try {
  options = parseSoakArgs(process.argv.slice(2));
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
if (options.help) {
  print(USAGE);
  process.exit(0);
}
const server = join(root, 'apps/bff/dist/server.js');
if (!existsSync(server))
  fail(`${server} is missing: build first (npm run build, or npm test which builds).`);

// ---------------------------------------------------------------------------------------------
// The console, with its own data dir and ports; stopped on every way out.

const dataDir = mkdtempSync(join(tmpdir(), 'deckhand-soak-'));
let console_;
let stopping = false;
const run = new AbortController();

async function cleanUp() {
  run.abort();
  if (console_) await console_.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\nsoak: ${signal}, stopping the console\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

async function start() {
  const env = {
    DECKHAND_SIM_SCENARIO: 'large',
    DECKHAND_SIM_THROTTLING: 'aws',
    DECKHAND_AWS_CALL_BUDGET: String(options.budget),
    DECKHAND_DATA_DIR: dataDir,
    // startConsole turns background polling off for benchmarks; the soak runs the console as
    // shipped (its default: every 30 s), and those calls count against the budget too.
    DECKHAND_BACKGROUND_POLL_INTERVAL: '30',
    // All virtual users share 127.0.0.1: the address's bucket must cover 200 users at once
    // (DEFAULTS.rateLimit in soak-lib.mjs says how much that is).
    DECKHAND_RATE_LIMIT: options.rateLimit,
    ...(options.authToken ? { DECKHAND_AUTH_TOKEN: options.authToken } : {}),
  };
  const ports = { port: options.port, simPort: options.simPort, daemonPort: options.daemonPort };
  try {
    return { console: await startConsole({ ...ports, env }), rateLimit: options.rateLimit };
  } catch (error) {
    if (!rateLimitUnknown(error.message)) throw error;
    // The per-client rate limiter is not in this build yet: the console refuses the variable.
    print('DECKHAND_RATE_LIMIT is not known to this build: running without it');
    delete env.DECKHAND_RATE_LIMIT;
    return { console: await startConsole({ ...ports, env }), rateLimit: 'unsupported' };
  }
}

/** Sends traces through the X-Ray daemon (UDP), as an instrumented app would. */
async function seedTraces(port, count) {
  const socket = createSocket('udp4');
  const now = Date.now() / 1000;
  const send = (document) =>
    new Promise((resolve, reject) =>
      socket.send(
        Buffer.from(`{"format": "json", "version": 1}\n${JSON.stringify(document)}`),
        port,
        '127.0.0.1',
        (error) => (error ? reject(error) : resolve()),
      ),
    );
  try {
    for (let i = 0; i < count; i += 1) {
      const start = now - 120 + i;
      const status = i % 10 === 0 ? 500 : i % 7 === 0 ? 404 : 200;
      await send({
        name: `soak-${['checkout', 'catalog', 'search'][i % 3]}`,
        id: randomBytes(8).toString('hex'),
        trace_id: `1-${Math.floor(start).toString(16)}-${randomBytes(12).toString('hex')}`,
        start_time: start,
        end_time: start + 0.05 + (i % 5) * 0.1,
        http: {
          request: { method: 'GET', url: `http://soak.local/items/${i}` },
          response: { status },
        },
        ...(status >= 500 ? { fault: true } : status >= 400 ? { error: true } : {}),
        annotations: { soak: true },
      });
    }
  } finally {
    socket.close();
  }
  // The daemon flushes after 1 s idle.
  await sleep(1_500);
}

// ---------------------------------------------------------------------------------------------
// Measurements.

const groups = new Map(); // group → { ms: [], errors, stale, bytes }
const errorCounts = new Map(); // "group status message" → { group, status, message, count }
const stats = {
  requests: 0,
  errors: 0,
  unfinished: 0,
  resetRetries: 0,
  bytes: 0,
  notModified: 0,
};
const sse = { streams: 0, opened: 0, drops: 0, stalls: 0, frames: 0, maxSilenceMs: 0 };

function groupOf(name) {
  let group = groups.get(name);
  if (!group) {
    group = { ms: [], errors: 0, unfinished: 0, stale: 0, bytes: 0 };
    groups.set(name, group);
  }
  return group;
}

/** Counts a failure; the same group, status and message are one line of the report. */
function recordError(group, status, message, waitedMs) {
  stats.errors += 1;
  groupOf(group).errors += 1;
  const text = String(message).replace(/\s+/g, ' ').slice(0, 200);
  const key = `${group}|${status}|${text}`;
  const entry = errorCounts.get(key) ?? { group, status, message: text, count: 0 };
  entry.count += 1;
  if (waitedMs !== undefined)
    entry.longestWaitSeconds = Math.max(entry.longestWaitSeconds ?? 0, Math.round(waitedMs / 1000));
  errorCounts.set(key, entry);
}

/** The BFF's error message from an error answer (`{"error":{"code","message"}}`), else its start. */
function errorMessage(text) {
  try {
    const { error } = JSON.parse(text);
    if (error?.message) return `${error.code ?? ''}: ${error.message}`;
  } catch {
    // not JSON
  }
  return text.slice(0, 200) || '(empty body)';
}

// ---------------------------------------------------------------------------------------------
// A virtual user.

/** What the users have seen so far, shared: names picked from lists shown earlier (like clicks). */
const catalog = {
  clusters: [],
  services: new Map(), // cluster → [service]
  families: [],
  repositories: [],
  traceIds: [],
};
const learning = new Set();
const pick = (items) => items[Math.floor(Math.random() * items.length)];
const shuffle = (items) => {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
};

function createUser(id, base, endAt) {
  const jar = new Map();
  const over = () => Date.now() >= endAt || run.signal.aborted;
  const headers = (extra = {}) => {
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    return { ...extra, ...(cookie ? { cookie } : {}) };
  };
  const keepCookies = (response) => {
    for (const line of response.headers.getSetCookie?.() ?? []) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  };

  /**
   * fetch, sent again once when the connection was reset before any answer: what a browser does
   * when a kept-alive socket it reused turns out closed by the server (Chromium retries such a
   * request once). Counted in the report, so a server that keeps resetting shows.
   */
  async function fetchOnce(url, init) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = error.cause?.code;
      if (run.signal.aborted || !['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'].includes(code))
        throw error;
      stats.resetRetries += 1;
      return fetch(url, init);
    }
  }

  /**
   * GETs an API route and reads its whole body; records latency and errors under `group`.
   * `parse`: also returns the parsed body (only for lists a user picks from; the big answers are
   * only drained, as the client's CPU is the server's too).
   */
  async function get(group, path, { parse = false } = {}) {
    const started = performance.now();
    stats.requests += 1;
    let status = 'network';
    try {
      const response = await fetchOnce(`${base}/api/v1${path}`, {
        headers: headers(),
        signal: run.signal,
      });
      status = response.status;
      keepCookies(response);
      if (status !== 200 && status !== 304) {
        recordError(group, status, `${path}: ${errorMessage(await response.text())}`);
        return undefined;
      }
      let body;
      let bytes = 0;
      if (parse) {
        const text = await response.text();
        bytes = Buffer.byteLength(text);
        body = status === 200 ? JSON.parse(text) : undefined;
      } else {
        for await (const chunk of response.body ?? []) bytes += chunk.byteLength;
      }
      const entry = groupOf(group);
      entry.ms.push(performance.now() - started);
      entry.bytes += bytes;
      stats.bytes += bytes;
      if (status === 304) stats.notModified += 1;
      if (response.headers.get('x-deckhand-stale') === 'true') entry.stale += 1;
      return body ?? {};
    } catch (error) {
      if (run.signal.aborted) {
        // Still waiting when the drain time ran out: a failure of its own kind, and its wait so
        // far is a latency sample (a lower bound: the percentiles say "at least").
        const waited = performance.now() - started;
        groupOf(group).ms.push(waited);
        groupOf(group).unfinished += 1;
        stats.unfinished += 1;
        recordError(
          group,
          'no answer',
          `${path}: still waiting ${options.drainSeconds} s after the end of the run`,
          waited,
        );
        return undefined;
      }
      const cause = error.cause?.code ?? error.cause?.message ?? '';
      recordError(
        group,
        status,
        `${path}: ${error.name}: ${error.message}${cause ? ` (${cause})` : ''}`,
      );
      return undefined;
    }
  }

  async function login() {
    const response = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: headers({ 'content-type': 'application/json', 'x-deckhand-request': '1' }),
      body: JSON.stringify({ token: options.authToken }),
      signal: run.signal,
    });
    stats.requests += 1;
    keepCookies(response);
    if (!response.ok) recordError('login', response.status, await response.text());
    else await response.arrayBuffer();
  }

  /** Holds a cluster's live feed open until the end of the run. */
  async function liveFeed(cluster) {
    sse.streams += 1;
    stats.requests += 1;
    const group = 'sse /clusters/:c/events';
    const controller = new AbortController();
    const stopAt = setTimeout(() => controller.abort(), Math.max(0, endAt - Date.now()));
    const onAbort = () => controller.abort();
    run.signal.addEventListener('abort', onAbort);
    let lastChunkAt = Date.now();
    const silence = () => {
      const gap = Date.now() - lastChunkAt;
      sse.maxSilenceMs = Math.max(sse.maxSilenceMs, gap);
      return gap;
    };
    try {
      const started = performance.now();
      const response = await fetch(
        `${base}/api/v1/clusters/${encodeURIComponent(cluster)}/events`,
        {
          headers: headers({ accept: 'text/event-stream' }),
          signal: controller.signal,
        },
      );
      if (response.status !== 200 || !response.body) {
        recordError(group, response.status, errorMessage(await response.text()));
        return;
      }
      sse.opened += 1;
      let first = true;
      let stalled = false;
      const decoder = new TextDecoder();
      for await (const chunk of response.body) {
        if (silence() > SSE_SILENCE_MS && !stalled) {
          stalled = true;
          sse.stalls += 1;
          recordError(group, 200, `${cluster}: ${SILENT}`, silence());
        }
        lastChunkAt = Date.now();
        const text = decoder.decode(chunk, { stream: true });
        if (first) {
          first = false;
          groupOf(`${group} (first frame)`).ms.push(performance.now() - started);
          if (!text.startsWith('retry:'))
            recordError(group, 200, `${cluster}: first frame is not retry: (${text.slice(0, 40)})`);
        }
        sse.frames += text.split('\n\n').length - 1;
      }
      // The stream ended by itself before the end of the run: a drop.
      sse.drops += 1;
      recordError(group, 200, `${cluster}: stream closed by the server before the end of the run`);
    } catch (error) {
      if (controller.signal.aborted) {
        // Ours: the run is over. Silence up to now still counts.
        if (silence() > SSE_SILENCE_MS) {
          sse.stalls += 1;
          recordError(group, 200, `${cluster}: ${SILENT} (at the end)`, silence());
        }
        return;
      }
      sse.drops += 1;
      recordError(group, 'network', `${cluster}: ${error.name}: ${error.message}`);
    } finally {
      clearTimeout(stopAt);
      run.signal.removeEventListener('abort', onAbort);
    }
  }

  const think = async () => {
    const ms = (options.thinkMin + Math.random() * (options.thinkMax - options.thinkMin)) * 1000;
    await sleep(Math.min(ms, Math.max(0, endAt - Date.now())));
  };
  /**
   * One page view: its requests at once (as the SPA loads them), then think time. Requests are
   * functions, so that none starts once the run is over.
   */
  const page = async (...requests) => {
    if (over()) return [];
    const answers = await Promise.all(requests.map((request) => request()));
    await think();
    return answers;
  };
  /** A list a user picks names from: parsed by one user while unknown, drained otherwise. */
  const learn = (group, path, known, set) => async () => {
    if (known() || learning.has(path)) return get(group, path);
    learning.add(path);
    try {
      const body = await get(group, path, { parse: true });
      if (body) set(body);
      return body;
    } finally {
      learning.delete(path);
    }
  };

  const clusterChoice = () => {
    const others = catalog.clusters.filter((name) => name !== BIG_CLUSTER);
    if (others.length === 0 || Math.random() < options.bigShare) return BIG_CLUSTER;
    return pick(others);
  };

  async function browseCluster() {
    const cluster = clusterChoice();
    const tag = cluster === BIG_CLUSTER ? ' [big]' : '';
    const c = `/clusters/${encodeURIComponent(cluster)}`;
    // The cluster page: detail, services and tasks together.
    await page(
      () => get(`cluster${tag}`, c),
      learn(
        `services${tag}`,
        `${c}/services`,
        () => catalog.services.has(cluster),
        (body) =>
          catalog.services.set(
            cluster,
            body.services.map((service) => service.name),
          ),
      ),
      () => get(`tasks${tag}`, `${c}/tasks`),
    );
    if (Math.random() < 0.5)
      await page(() => get(`tasks STOPPED${tag}`, `${c}/tasks?desiredStatus=STOPPED`));
    if (Math.random() < 0.5)
      await page(() => get(`container-instances${tag}`, `${c}/container-instances`));
    if (Math.random() < 0.4) await page(() => get(`port-map${tag}`, `${c}/port-map`));
    const services = catalog.services.get(cluster);
    if (!services?.length || over()) return;
    // A service, its tasks, then one task.
    const service = pick(services);
    const s = `${c}/services/${encodeURIComponent(service)}`;
    const [, tasks] = await page(
      () => get(`service${tag}`, s),
      () =>
        get(`service tasks${tag}`, `${c}/tasks?service=${encodeURIComponent(service)}`, {
          parse: true,
        }),
    );
    const task = tasks?.tasks?.length ? pick(tasks.tasks) : undefined;
    if (task) await page(() => get(`task${tag}`, `${c}/tasks/${encodeURIComponent(task.id)}`));
  }

  async function browseTaskDefinitions() {
    await page(
      learn(
        'task-definition families',
        '/task-definitions/families',
        () => catalog.families.length > 0,
        (body) => (catalog.families = body.families.map((family) => family.name)),
      ),
    );
    if (catalog.families.length === 0) return;
    const family = encodeURIComponent(pick(catalog.families));
    const [revisions] = await page(() =>
      get('task-definition revisions', `/task-definitions/${family}/revisions`, { parse: true }),
    );
    const revision = revisions?.revisions?.length ? pick(revisions.revisions) : undefined;
    if (revision)
      await page(() => get('task-definition', `/task-definitions/${family}/${revision.revision}`));
  }

  async function browseRegistry() {
    const [repositories] = await page(() => get('repositories', '/repositories', { parse: true }));
    if (repositories?.repositories)
      catalog.repositories = repositories.repositories.map((r) => r.name);
    const others = catalog.repositories.filter((name) => name !== BIG_REPOSITORY);
    const big = others.length === 0 || Math.random() < 0.5;
    const repository = big ? BIG_REPOSITORY : pick(others);
    await page(() =>
      get(
        big ? 'images [scale/big]' : 'images',
        `/repositories/${encodeURIComponent(repository)}/images`,
      ),
    );
  }

  async function browseTraces() {
    const end = Date.now();
    const window = `start=${new Date(end - 15 * 60_000).toISOString()}&end=${new Date(end).toISOString()}`;
    const [search] = await page(() => get('traces search', `/traces?${window}`, { parse: true }));
    const ids = search?.traces?.map((trace) => trace.id) ?? [];
    if (ids.length > 0) catalog.traceIds = ids;
    if (catalog.traceIds.length > 0)
      await page(() => get('trace', `/traces/${encodeURIComponent(pick(catalog.traceIds))}`));
  }

  return async function browse(withFeed) {
    // Users arrive over the first think time, not all in the same millisecond.
    await sleep(Math.random() * options.thinkMax * 1000);
    if (options.authToken) await login();
    let feed;
    while (!over()) {
      const [list] = await page(() => get('clusters', '/clusters', { parse: true }));
      if (list?.clusters?.length) catalog.clusters = list.clusters.map((cluster) => cluster.name);
      if (withFeed && !feed && catalog.clusters.length > 0) feed = liveFeed(pick(catalog.clusters));
      for (const section of shuffle([
        browseCluster,
        browseTaskDefinitions,
        browseRegistry,
        browseTraces,
      ])) {
        if (over()) break;
        await section();
      }
    }
    await feed;
  };
}

// ---------------------------------------------------------------------------------------------
// The run.

let rateLimit;
let probeDone = false;
try {
  ({ console: console_, rateLimit } = await start());
} catch (error) {
  await cleanUp();
  fail(`the console did not start: ${error.message}`);
}
const bff = console_;
try {
  print(
    `console up at ${bff.base} (large scenario, AWS-like throttling, budget ${options.budget}, ` +
      `rate limit ${rateLimit}); seeding ${SEEDED_TRACES} traces through the X-Ray daemon`,
  );
  await seedTraces(options.daemonPort, SEEDED_TRACES);

  const rssBefore = bff.rssKiB();
  let rssPeak = rssBefore ?? 0;
  const rssTimer = setInterval(() => (rssPeak = Math.max(rssPeak, bff.rssKiB() ?? 0)), 1_000);
  const before = await simStats(bff.sim);
  const startedAt = performance.now();
  const endAt = Date.now() + options.seconds * 1000;
  const feeds = Math.round(options.users * options.sseShare);
  print(
    `${options.users} users (${feeds} holding a live feed) for ${options.seconds} s, ` +
      `think time ${options.thinkMin}–${options.thinkMax} s`,
  );
  const progress = setInterval(() => {
    const elapsed = Math.round((performance.now() - startedAt) / 1000);
    print(`  ${elapsed} s: ${stats.requests} requests, ${stats.errors} errors`);
  }, 15_000);
  // The console's responsiveness: /healthz (no AWS call, no auth) once a second. When it is
  // slow, the BFF's event loop is busy (the simulator runs in the same process), not AWS.
  const probe = { ms: [], failures: 0 };
  const probing = (async () => {
    while (!run.signal.aborted && !probeDone) {
      const begun = performance.now();
      try {
        const response = await fetch(`${bff.base}/healthz`, { signal: run.signal });
        await response.arrayBuffer();
        if (response.ok) probe.ms.push(performance.now() - begun);
        else probe.failures += 1;
      } catch {
        if (!run.signal.aborted) probe.failures += 1;
      }
      await sleep(1_000);
    }
  })();
  const users = Array.from({ length: options.users }, (_, id) =>
    // Which users hold a feed makes no difference: each starts at a random moment.
    createUser(id, bff.base, endAt)(id < feeds),
  );
  const all = Promise.all(users);
  await sleep(Math.max(0, endAt - Date.now()));
  // The run is over: users finish the page they are on, for at most the drain time.
  const drained = await Promise.race([
    all.then(() => true),
    sleep(options.drainSeconds * 1000).then(() => false),
  ]);
  if (!drained) {
    run.abort();
    await all;
  }
  clearInterval(progress);
  probeDone = true;
  await probing;
  const seconds = (performance.now() - startedAt) / 1000;
  const after = await simStats(bff.sim);
  clearInterval(rssTimer);
  const rssAfter = bff.rssKiB();
  rssPeak = Math.max(rssPeak, rssAfter ?? 0);

  // -------------------------------------------------------------------------------------------
  // Report.
  const calls = callsBetween(before, after);
  const budget = budgetCheck(calls, { seconds, share: options.budget });
  // Overall: the requests' latencies (an SSE stream's first frame is reported on its own line).
  const allMs = [...groups]
    .filter(([name]) => !name.startsWith('sse '))
    .flatMap(([, group]) => group.ms);
  const latency = {
    overall: latencySummary(allMs),
    byGroup: Object.fromEntries(
      [...groups]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, group]) => [
          name,
          {
            ...latencySummary(group.ms),
            errors: group.errors,
            unfinished: group.unfinished,
            stale: group.stale,
            bytes: group.bytes,
          },
        ]),
    ),
  };
  const reasons = verdict({
    requests: stats.requests,
    errors: stats.errors,
    unfinished: stats.unfinished,
    budget,
  });
  const report = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    options: { ...options, authToken: options.authToken ? '(set)' : undefined, help: undefined },
    rateLimit,
    seconds: Math.round(seconds * 10) / 10,
    drainedInTime: drained,
    requests: stats.requests,
    errors: stats.errors,
    unanswered: stats.unfinished,
    /** Requests sent again after a connection reset before any answer (as browsers do). */
    resetRetries: stats.resetRetries,
    errorRate: stats.requests ? stats.errors / stats.requests : 0,
    throughputPerSecond: Math.round((stats.requests / seconds) * 10) / 10,
    megabytes: Math.round(stats.bytes / 1e5) / 10,
    latencyMs: latency,
    failures: [...errorCounts.values()].sort((a, b) => b.count - a.count),
    sse,
    healthzProbeMs: { ...latencySummary(probe.ms), failures: probe.failures },
    aws: {
      budget,
      callsByOperation: calls,
      throttledBySimulator: throttledBetween(before, after),
    },
    rssKiB: { before: rssBefore, after: rssAfter, peak: rssPeak },
    consoleStderr: bff.stderr().split('\n').filter(Boolean).slice(-30),
    ok: reasons.length === 0,
    reasons,
  };
  const out = isAbsolute(options.out) ? options.out : join(root, options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);

  // A group with unanswered requests has latencies of at least what it shows.
  const ms = (value, atLeast) =>
    value === null ? null : `${atLeast ? '≥' : ''}${Math.round(value)}`;
  const latencyCells = (summary, atLeast) =>
    ['p50', 'p95', 'p99', 'max'].map((key) => ms(summary[key], atLeast));
  print();
  print(
    table(
      [
        'route group',
        'requests',
        'errors',
        'unanswered',
        'stale',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
      ],
      [
        ...Object.entries(latency.byGroup).map(([name, g]) => [
          name,
          g.count + g.errors - g.unfinished,
          g.errors,
          g.unfinished,
          g.stale,
          ...latencyCells(g, g.unfinished > 0),
        ]),
        [
          'overall',
          stats.requests,
          stats.errors,
          stats.unfinished,
          '',
          ...latencyCells(latency.overall, stats.unfinished > 0),
        ],
      ],
    ),
  );
  print();
  print(
    table(
      ['ECS category', 'calls', 'calls/s', 'budget burst', 'budget /s', 'allowed', 'ok'],
      budget.rows.map((row) => [
        row.category,
        row.calls,
        row.callsPerSecond,
        row.budgetBurst,
        row.budgetRatePerSecond,
        row.allowed,
        row.ok ? 'yes' : 'OVER',
      ]),
    ),
  );
  print();
  print(
    `${stats.requests} requests in ${report.seconds} s (${report.throughputPerSecond}/s, ` +
      `${report.megabytes} MB), ${stats.errors} errors, ${stats.resetRetries} sent again after a ` +
      `connection reset; SSE: ${sse.opened}/${sse.streams} open, ` +
      `${sse.frames} frames, ${sse.drops} drops, ${sse.stalls} stalls, longest silence ${sse.maxSilenceMs} ms`,
  );
  print(
    `AWS calls throttled by the simulator: ${report.aws.throttledBySimulator}; BFF RSS ` +
      `${Math.round((rssBefore ?? 0) / 1024)} MiB before, ${Math.round((rssAfter ?? 0) / 1024)} MiB after, ` +
      `${Math.round(rssPeak / 1024)} MiB peak`,
  );
  const p = report.healthzProbeMs;
  print(
    `BFF responsiveness (GET /healthz once a second): p50 ${p.p50} ms, p99 ${p.p99} ms, ` +
      `max ${p.max} ms, ${p.failures} failures`,
  );
  for (const failure of report.failures.slice(0, 15))
    print(
      `  ${failure.count} × ${failure.group} → ${failure.status}: ${failure.message}` +
        (failure.longestWaitSeconds ? ` (longest wait ${failure.longestWaitSeconds} s)` : ''),
    );
  print(`written to ${out}`);
  if (reasons.length > 0) {
    process.stderr.write(
      `\nsoak FAILED:\n${reasons.map((reason) => `  - ${reason}`).join('\n')}\n`,
    );
    process.exitCode = 1;
  } else print('soak passed: no errors, AWS calls within the budget');
} catch (error) {
  process.stderr.write(`soak: ${error.stack ?? error.message}\n`);
  process.exitCode = 2;
} finally {
  if (!stopping) await cleanUp();
}
