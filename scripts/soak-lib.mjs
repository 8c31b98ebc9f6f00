// The pure parts of `npm run test:soak` (scripts/soak.mjs): argument parsing, latency
// percentiles, the AWS call budget check, the tables. No I/O here: scripts/soak.test.ts tests it.
import { parseArgs } from 'node:util';
import { ECS_BUCKETS, percentile, round } from '../bench/lib.mjs';

export const DEFAULTS = {
  users: 200,
  seconds: 60,
  /** Think time between two page views of one user, seconds. */
  thinkMin: 0.5,
  thinkMax: 2,
  /** Share of the users that hold a cluster's SSE feed open while they browse. */
  sseShare: 0.2,
  /** Share of the cluster visits that go to the 20,000-task cluster. */
  bigShare: 0.5,
  /** After the run: how long requests still in flight may take before they count as failed. */
  drainSeconds: 30,
  /** DECKHAND_AWS_CALL_BUDGET for the console (its own default). */
  budget: 0.5,
  /**
   * DECKHAND_RATE_LIMIT for the console, "<rate>/<burst>" or "off": the allowance of one signed-in
   * session; a client known only by its address gets 20 times that (ADDRESS_SHARE in
   * apps/bff/src/http/rate-limit.ts: everyone behind one NAT, or every browser of a local load
   * test). All virtual users come from 127.0.0.1 and share that one address bucket, so it must
   * cover 200 users at once: 50/200 gives 1,000 requests a second and a burst of 4,000 to the
   * address (a user asks at most ~5 requests at once and ~1 a second on average; 200 users stay
   * under 300 a second); with --auth-token each user's session has 50/200 of its own. It is the
   * console's default, set explicitly so a change of the default shows here.
   */
  rateLimit: '50/200',
  port: 18_300,
  simPort: 14_700,
  daemonPort: 12_700,
  out: 'bench/results/soak.json',
};

const NUMBERS = {
  users: { min: 1, integer: true },
  seconds: { min: 1 },
  'think-min': { min: 0 },
  'think-max': { min: 0 },
  'sse-share': { min: 0, max: 1 },
  'big-share': { min: 0, max: 1 },
  'drain-seconds': { min: 0 },
  budget: { min: 0.01, max: 1 },
  port: { min: 1, max: 65_535, integer: true },
  'sim-port': { min: 1, max: 65_535, integer: true },
  'daemon-port': { min: 1, max: 65_535, integer: true },
};

const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());

export const USAGE = `usage: node scripts/soak.mjs [options]
  --users N          virtual users (${DEFAULTS.users})
  --seconds N        length of the run (${DEFAULTS.seconds})
  --think-min S      least think time between page views (${DEFAULTS.thinkMin})
  --think-max S      most think time between page views (${DEFAULTS.thinkMax})
  --sse-share F      share of users holding a cluster's live feed open (${DEFAULTS.sseShare})
  --big-share F      share of cluster visits to the 20,000-task cluster (${DEFAULTS.bigShare})
  --drain-seconds S  grace for requests in flight at the end (${DEFAULTS.drainSeconds})
  --budget F         DECKHAND_AWS_CALL_BUDGET (${DEFAULTS.budget})
  --rate-limit R     DECKHAND_RATE_LIMIT, "<rate>/<burst>" or "off" (${DEFAULTS.rateLimit})
  --auth-token T     start the console with DECKHAND_AUTH_TOKEN=T; every user logs in
  --port N, --sim-port N, --daemon-port N   ports (${DEFAULTS.port}, ${DEFAULTS.simPort}, ${DEFAULTS.daemonPort})
  --out FILE         report (${DEFAULTS.out})`;

/** Parses the command line; throws an Error whose message says what is wrong. */
export function parseSoakArgs(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      ...Object.fromEntries(Object.keys(NUMBERS).map((name) => [name, { type: 'string' }])),
      'rate-limit': { type: 'string' },
      'auth-token': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const options = { ...DEFAULTS, help: values.help === true };
  for (const [name, rule] of Object.entries(NUMBERS)) {
    const text = values[name];
    if (text === undefined) continue;
    const value = Number(text);
    const wrong =
      text.trim() === '' ||
      !Number.isFinite(value) ||
      value < rule.min ||
      (rule.max !== undefined && value > rule.max) ||
      (rule.integer && !Number.isInteger(value));
    if (wrong) {
      const range = rule.max === undefined ? `≥ ${rule.min}` : `${rule.min}–${rule.max}`;
      throw new Error(
        `--${name} must be ${rule.integer ? 'an integer' : 'a number'} ${range}, not "${text}"`,
      );
    }
    options[camel(name)] = value;
  }
  if (options.thinkMax < options.thinkMin)
    throw new Error(`--think-max (${options.thinkMax}) is below --think-min (${options.thinkMin})`);
  if (values['rate-limit'] !== undefined) {
    const limit = values['rate-limit'].trim();
    if (limit !== 'off' && !/^\d+(\.\d+)?\/\d+$/.test(limit))
      throw new Error(`--rate-limit must be "<rate>/<burst>" or "off", not "${limit}"`);
    options.rateLimit = limit;
  }
  if (values['auth-token'] !== undefined) {
    if (values['auth-token'].length < 16)
      throw new Error('--auth-token must be at least 16 characters (as DECKHAND_AUTH_TOKEN)');
    options.authToken = values['auth-token'];
  }
  if (values.out !== undefined) options.out = values.out;
  const ports = [options.port, options.simPort, options.daemonPort];
  if (new Set(ports).size !== ports.length)
    throw new Error(`--port, --sim-port and --daemon-port must differ (${ports.join(', ')})`);
  return options;
}

/** Count, p50, p95, p99 and max of latency samples (ms; nearest-rank percentiles). */
export function latencySummary(samples) {
  if (samples.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  const pick = (p) => round(percentile(samples, p), 1);
  return {
    count: samples.length,
    p50: pick(50),
    p95: pick(95),
    p99: pick(99),
    max: round(Math.max(...samples), 1),
  };
}

/**
 * The ECS throttling categories the BFF paces itself by (packages/shared/src/aws/ecs-throttling.ts,
 * which is TypeScript: not importable from a plain script). bench/lib.mjs holds the categories
 * its benchmarks meet; the console also reads tags and capacity providers, and every other
 * operation falls in `other`. scripts/soak.test.ts checks this table against the shared one.
 */
export const ECS_CATEGORIES = {
  ...ECS_BUCKETS,
  clusterModify: { burst: 20, rate: 1 },
  clusterResourceModify: { burst: 100, rate: 40 },
  taskDefinitionModify: { burst: 20, rate: 1 },
  taskDefinitionDelete: { burst: 5, rate: 1 },
  tagRead: { burst: 50, rate: 20 },
  tagModify: { burst: 20, rate: 1 },
  other: { burst: 20, rate: 5 },
};

export const ECS_OPERATION_CATEGORY = {
  ListClusters: 'clusterRead',
  DescribeClusters: 'clusterRead',
  DescribeCapacityProviders: 'clusterRead',
  CreateCluster: 'clusterModify',
  DeleteCluster: 'clusterModify',
  UpdateCluster: 'clusterModify',
  UpdateClusterSettings: 'clusterModify',
  PutClusterCapacityProviders: 'clusterModify',
  ListServices: 'serviceRead',
  DescribeServices: 'serviceRead',
  ListServiceDeployments: 'serviceRead',
  DescribeServiceDeployments: 'serviceRead',
  DescribeServiceRevisions: 'serviceRead',
  ListServicesByNamespace: 'serviceRead',
  CreateService: 'serviceModify',
  UpdateService: 'serviceModify',
  DeleteService: 'serviceModify',
  ListTasks: 'clusterResourceRead',
  DescribeTasks: 'clusterResourceRead',
  ListContainerInstances: 'clusterResourceRead',
  DescribeContainerInstances: 'clusterResourceRead',
  RunTask: 'clusterResourceModify',
  StartTask: 'clusterResourceModify',
  StopTask: 'clusterResourceModify',
  UpdateContainerInstancesState: 'clusterResourceModify',
  RegisterContainerInstance: 'clusterResourceModify',
  DeregisterContainerInstance: 'clusterResourceModify',
  ListTaskDefinitions: 'taskDefinitionRead',
  ListTaskDefinitionFamilies: 'taskDefinitionRead',
  DescribeTaskDefinition: 'taskDefinitionRead',
  RegisterTaskDefinition: 'taskDefinitionModify',
  DeregisterTaskDefinition: 'taskDefinitionModify',
  DeleteTaskDefinitions: 'taskDefinitionDelete',
  ListTagsForResource: 'tagRead',
  TagResource: 'tagModify',
  UntagResource: 'tagModify',
};

export const ecsCategoryOf = (operation) => ECS_OPERATION_CATEGORY[operation] ?? 'other';

/**
 * Whether the ECS calls of a window kept to the budget. A token bucket of `burst` tokens that
 * refills `rate` a second lets through at most `burst + rate × seconds` calls in any window of
 * that length, whatever it held at the start; the budget's bucket is AWS's scaled by `share`
 * (burst rounded down, at least 1: apps/bff/src/aws/call-budget.ts). `calls`: per `ecs:Operation`
 * (other services are not budgeted and are ignored).
 */
export function budgetCheck(calls, { seconds, share, categories = ECS_CATEGORIES }) {
  const byCategory = {};
  for (const [key, count] of Object.entries(calls)) {
    if (!key.startsWith('ecs:')) continue;
    const category = ecsCategoryOf(key.slice(4));
    byCategory[category] = (byCategory[category] ?? 0) + count;
  }
  const rows = Object.entries(byCategory)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, count]) => {
      const aws = categories[category] ?? categories.other;
      const burst = Math.max(1, Math.floor(aws.burst * share));
      const rate = aws.rate * share;
      const allowed = Math.floor(burst + rate * seconds);
      return {
        category,
        calls: count,
        callsPerSecond: round(count / seconds),
        budgetBurst: burst,
        budgetRatePerSecond: round(rate),
        allowed,
        ok: count <= allowed,
      };
    });
  return { ok: rows.every((entry) => entry.ok), seconds: round(seconds), share, rows };
}

/**
 * What failed, for the exit message: errors (count and rate; `unfinished`, the requests among
 * them never answered) and budget categories over. Empty when the run passed.
 */
export function verdict({ requests, errors, unfinished = 0, budget }) {
  const reasons = [];
  if (errors > 0) {
    const rate = requests > 0 ? ((errors / requests) * 100).toFixed(3) : '100';
    const kinds =
      unfinished > 0 ? `: ${unfinished} never answered, ${errors - unfinished} others` : '';
    reasons.push(
      `error rate ${rate}% (${errors} of ${requests} requests failed${kinds}), must be 0`,
    );
  }
  for (const entry of budget.rows.filter((row) => !row.ok)) {
    reasons.push(
      `AWS calls over budget in ${entry.category}: ${entry.calls} calls in ${budget.seconds} s, ` +
        `the budget allows ${entry.allowed} (${entry.budgetBurst} burst + ${entry.budgetRatePerSecond}/s)`,
    );
  }
  return reasons;
}

/** Whether a console that would not start refused DECKHAND_RATE_LIMIT as unknown (not built yet). */
export const rateLimitUnknown = (message) =>
  /Unknown configuration variable[^\n]*DECKHAND_RATE_LIMIT/.test(message);

/** A plain text table: header, rule, rows; numbers right-aligned. */
export function table(header, rows) {
  const cells = rows.map((row) => row.map((cell) => (cell === null ? '–' : String(cell))));
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((row) => row[i].length)),
  );
  const numeric = header.map((_, i) =>
    cells.every((row) => /^≥?[-–\d.,%]*( ms| s)?$/.test(row[i] ?? '')),
  );
  const line = (row) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}
