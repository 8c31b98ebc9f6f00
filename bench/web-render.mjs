// Issue "Benchmarks and budgets", the web's rendering: headless Chromium (e2e's Playwright)
// against the production console on the `large` scenario, throttling and background pollers off.
// Per view: navigation start → first meaningful render, the LCP, DOM nodes, and frame times while
// scrolling its main scroll container for 3 s. Views: the clusters page, the 20,000-task table
// (BFF cache cold and warm) and the trace waterfall.
//
// The trace: PutTraceSegments (SDK, against the embedded simulator) of one trace of 10,000 spans.
// The simulator, like X-Ray, stops storing a trace past its size limit (500 KB, store.ts), and
// 10,000 spans cannot fit (a minimal subsegment is ~90 bytes), so what it keeps is measured as
// `trace.sim-max`; the 10,000-span waterfall is measured with the BFF's answer for the full
// trace synthesised in the BFF's own shape (the stored spans as templates) and served to the page
// with Playwright's route(): the web's cost of 10,000 spans, whatever X-Ray would hold.
import { createRequire } from 'node:module';
import { sleep, startConsole, summary } from './lib.mjs';
import { launchChromium, measureScroll, newContext, timeView } from './web-lib.mjs';

const PORT = 18_190;
const SIM_PORT = 14_690;
const DAEMON = '127.0.0.1:12690';
/** The BFF's read cache TTL (apps/bff/src/aws/aws-layer.ts), as in bff-latency.mjs. */
const TTL_MS = 5_000;
const TASKS = 20_000;
const SPANS = 10_000;
/** A view slower than this is reported as such, with one run. */
const SLOW_MS = 60_000;
const SCROLL_MS = 3_000;
/** REFERENCE §7. */
const LCP_BUDGET_MS = 2_500;
const HEAVY_DOM = 1_400;

const round = (value) => (value === undefined ? undefined : Math.round(value * 10) / 10);
const hex = (value, width) => value.toString(16).padStart(width, '0');

/**
 * The documents of one trace of `spans` spans: a root segment with one `call-i` subsegment per
 * downstream service, each downstream segment (parented to its call) holding `op-j` subsegments.
 * Every document is far under X-Ray's 64 KB.
 */
export function traceDocuments({
  traceId,
  spans = SPANS,
  services = 199,
  now = Date.now() / 1000,
}) {
  let counter = 0;
  const id = () => hex((counter += 1), 16);
  const ops = spans - 1 - 2 * services;
  const slot = 1 / services;
  const t = (value) => Math.round(value * 1e6) / 1e6;
  const calls = Array.from({ length: services }, (_, i) => ({
    id: id(),
    name: `call-${i}`,
    start_time: t(now + i * slot),
    end_time: t(now + (i + 0.9) * slot),
  }));
  const documents = [
    JSON.stringify({
      trace_id: traceId,
      id: id(),
      name: 'bench-frontend',
      start_time: t(now),
      end_time: t(now + 1),
      subsegments: calls,
    }),
  ];
  for (const [i, call] of calls.entries()) {
    const count = Math.floor(ops / services) + (i < ops % services ? 1 : 0);
    const step = (0.9 * slot) / count;
    documents.push(
      JSON.stringify({
        trace_id: traceId,
        id: id(),
        parent_id: call.id,
        name: `svc-${i}`,
        start_time: call.start_time,
        end_time: call.end_time,
        subsegments: Array.from({ length: count }, (_, j) => ({
          id: id(),
          name: `op-${j}`,
          start_time: t(call.start_time + j * step),
          end_time: t(call.start_time + (j + 0.8) * step),
        })),
      }),
    );
  }
  return documents;
}

/** PutTraceSegments through the AWS SDK (the BFF's own client package), 50 documents per call. */
async function putTrace(console, region, documents) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const require = createRequire(new URL('../apps/bff/package.json', import.meta.url));
  const { XRayClient, PutTraceSegmentsCommand } = require('@aws-sdk/client-xray');
  const xray = new XRayClient({
    region,
    endpoint: console.sim,
    credentials: { accessKeyId: 'AKIDBENCHWEB', secretAccessKey: 'bench' },
  });
  try {
    let unprocessed = 0;
    for (let i = 0; i < documents.length; i += 50) {
      const answer = await xray.send(
        new PutTraceSegmentsCommand({ TraceSegmentDocuments: documents.slice(i, i + 50) }),
      );
      unprocessed += answer.UnprocessedTraceSegments?.length ?? 0;
    }
    return unprocessed;
  } finally {
    xray.destroy();
  }
}

function countSpans(spans) {
  return spans.reduce((sum, span) => sum + 1 + countSpans(span.children), 0);
}

/**
 * The BFF's answer for the whole trace, in the BFF's shape: the stored trace's root, first call,
 * its downstream segment and that segment's first op serve as templates for all the others.
 */
function synthesizeTrace(stored, { traceId, spans = SPANS, services = 199 }) {
  const root = stored.trace.segments[0];
  const call = root.children[0];
  const segment = call.children[0];
  const op = segment.children[0];
  if (!op) throw new Error('the stored trace has not the expected shape');
  let counter = 0;
  const id = () => hex((counter += 1), 16);
  const span = (template, fields) => ({
    ...template,
    ...fields,
    duration: fields.end - fields.start,
  });
  const duration = 1000;
  const slot = duration / services;
  const ops = spans - 1 - 2 * services;
  const rootId = id();
  const children = [];
  const critical = [rootId];
  for (let i = 0; i < services; i += 1) {
    const callId = id();
    const segmentId = id();
    const start = i * slot;
    const end = (i + 0.9) * slot;
    const count = Math.floor(ops / services) + (i < ops % services ? 1 : 0);
    const step = (0.9 * slot) / count;
    const leaves = Array.from({ length: count }, (_, j) =>
      span(op, {
        id: id(),
        parentId: segmentId,
        name: `op-${j}`,
        service: `svc-${i}`,
        start: start + j * step,
        end: start + (j + 0.8) * step,
        depth: 3,
        children: [],
      }),
    );
    const downstream = span(segment, {
      id: segmentId,
      parentId: callId,
      name: `svc-${i}`,
      service: `svc-${i}`,
      start,
      end,
      depth: 2,
      children: leaves,
    });
    children.push(
      span(call, {
        id: callId,
        parentId: rootId,
        name: `call-${i}`,
        start,
        end,
        depth: 1,
        children: [downstream],
      }),
    );
    critical.push(callId, segmentId, leaves.at(-1).id);
  }
  const trace = {
    ...stored.trace,
    id: traceId,
    duration,
    limitExceeded: false,
    hints: [],
    criticalPath: critical,
    segments: [
      span(root, {
        id: rootId,
        name: 'bench-frontend',
        start: 0,
        end: duration,
        depth: 0,
        children,
      }),
    ],
  };
  return { ...stored, trace };
}

/**
 * `runs` navigations of `path` (a fresh browser context each), each followed by the scroll
 * measurement; `before(run)` runs before each navigation (e.g. waiting out the BFF's cache).
 */
async function measureView(
  browser,
  base,
  { name, path, view, expected, runs, route, before, log, scroll: scrolling = true },
) {
  const samples = [];
  for (let run = 0; run < runs; run += 1) {
    await before?.(run);
    const context = await newContext(browser, base);
    try {
      if (route) await context.route(route.match, route.handler);
      const started = Date.now();
      const rendered = await timeView(context, path, { view, expected, timeout: SLOW_MS + 30_000 });
      const scroll = scrolling
        ? await measureScroll(rendered.page, { view, durationMs: SCROLL_MS })
        : undefined;
      samples.push({ ...rendered, scroll, wall: Date.now() - started });
      log(
        `  ${name}: rendered ${rendered.painted.toFixed(0)} ms (in DOM ${rendered.ready.toFixed(0)} ms), LCP ${round(rendered.lcp)} ms, ${rendered.domNodes} DOM nodes${
          scroll
            ? `; scrolling: longest frame ${scroll.longestFrame.toFixed(0)} ms, ${(scroll.over50Share * 100).toFixed(0)} % of ${scroll.frames} frames over 50 ms, up to ${scroll.maxDomNodes} DOM nodes`
            : ''
        }`,
      );
      if (rendered.painted > SLOW_MS) break;
    } finally {
      await context.close();
    }
  }
  const pick = (key) => samples.map((sample) => sample[key]).filter((value) => value !== undefined);
  const scrolls = samples.map((sample) => sample.scroll).filter(Boolean);
  const domNodes = Math.max(...pick('domNodes'));
  const lcp = pick('lcp');
  const rows = [
    {
      name: `web.render.${name}`,
      ...summary(pick('painted'), 'ms'),
      path,
      inDomMs: summary(pick('ready'), 'ms').median,
      lcpMs: lcp.length ? summary(lcp, 'ms').median : undefined,
      lcpWithinBudget: lcp.length ? summary(lcp, 'ms').median <= LCP_BUDGET_MS : undefined,
      domNodes,
      domNodesWhileScrolling: scrolls.length
        ? Math.max(...scrolls.map((scroll) => scroll.maxDomNodes))
        : undefined,
      heavyDom: Math.max(domNodes, ...scrolls.map((scroll) => scroll.maxDomNodes)) > HEAVY_DOM,
      slow: samples.some((sample) => sample.painted > SLOW_MS) || undefined,
    },
    {
      name: `web.render.${name}.scroll.longest-frame`,
      ...summary(
        scrolls.map((scroll) => scroll.longestFrame),
        'ms',
      ),
      framesOver50msShare: summary(
        scrolls.map((scroll) => scroll.over50Share),
        'ratio',
      ).median,
      frames: summary(
        scrolls.map((scroll) => scroll.frames),
        'frames',
      ).median,
      scrollContainer: scrolls[0]?.container,
      scrollablePx: scrolls[0]?.scrollable,
      ...(scrolls[0]?.scrollable === 0 ? { note: 'nothing to scroll at 1440×900' } : {}),
      scrollStepPx: 120,
      scrollMs: SCROLL_MS,
    },
  ];
  return scrolls.length ? rows : rows.slice(0, 1);
}

export async function benchWebRender({ runs = 3, log = () => {} } = {}) {
  const results = [];
  const console = await startConsole({
    port: PORT,
    simPort: SIM_PORT,
    env: {
      DECKHAND_SIM_SCENARIO: 'large',
      DECKHAND_SIM_THROTTLING: 'off',
      DECKHAND_BACKGROUND_POLL_INTERVAL: 'off',
      DECKHAND_XRAY_DAEMON_ADDRESS: DAEMON,
    },
  });
  let browser;
  try {
    browser = await launchChromium();
    const base = console.base;
    const common = { runs, log };

    // (a) The clusters page.
    results.push(
      ...(await measureView(browser, base, {
        ...common,
        name: 'clusters',
        path: '/clusters',
        view: 'clusters',
      })),
    );

    // (b) The 20,000-task table: cold (the BFF's cache expired), then warm right after.
    let lastTasksLoad = 0;
    const tasks = {
      name: 'tasks.20k',
      path: '/clusters/scale-01?tab=tasks',
      view: 'tasks',
      expected: TASKS,
    };
    const coldRows = [];
    const warmRows = [];
    for (let run = 0; run < runs; run += 1) {
      coldRows.push(
        await measureView(browser, base, {
          ...tasks,
          log,
          runs: 1,
          name: 'tasks.20k.cold',
          // Straight on to the warm load, well within the cache's TTL; the warm runs scroll.
          scroll: false,
          before: async () => {
            const wait = lastTasksLoad + TTL_MS + 300 - Date.now();
            if (wait > 0) await sleep(wait);
          },
        }),
      );
      warmRows.push(
        await measureView(browser, base, { ...tasks, log, runs: 1, name: 'tasks.20k.warm' }),
      );
      lastTasksLoad = Date.now();
    }
    results.push(...merge(coldRows), ...merge(warmRows));

    // (c) The trace waterfall.
    const now = Date.now() / 1000;
    const traceId = `1-${hex(Math.floor(now), 8)}-${hex(0xbe7c4, 24)}`;
    const region = (await (await fetch(`${base}/api/v1/health`)).json()).region;
    const documents = traceDocuments({ traceId, now });
    const sent = documents.reduce((sum, document) => sum + document.length, 0);
    const unprocessed = await putTrace(console, region, documents);
    const stored = await (await fetch(`${base}/api/v1/traces/${traceId}`)).json();
    const storedSpans = countSpans(stored.trace.segments);
    log(
      `  trace: sent ${SPANS} spans in ${documents.length} documents (${(sent / 1024).toFixed(0)} KB, ${unprocessed} unprocessed); the simulator kept ${storedSpans} spans, limitExceeded ${stored.trace.limitExceeded}`,
    );
    const simRows = await measureView(browser, base, {
      ...common,
      name: 'trace.sim-max',
      path: `/traces/${traceId}`,
      view: 'trace',
      expected: storedSpans,
    });
    simRows[0] = {
      ...simRows[0],
      spans: storedSpans,
      spansSent: SPANS,
      documentsSent: documents.length,
      bytesSent: sent,
      limitExceeded: stored.trace.limitExceeded,
    };
    results.push(...simRows);

    const fullId = `1-${hex(Math.floor(now), 8)}-${hex(0xbe7c5, 24)}`;
    const body = JSON.stringify(synthesizeTrace(stored, { traceId: fullId }));
    const fullRows = await measureView(browser, base, {
      ...common,
      name: 'trace.10k',
      path: `/traces/${fullId}`,
      view: 'trace',
      expected: SPANS,
      route: {
        match: (url) => url.pathname === `/api/v1/traces/${fullId}`,
        handler: (route) => route.fulfill({ status: 200, contentType: 'application/json', body }),
      },
    });
    fullRows[0] = {
      ...fullRows[0],
      spans: SPANS,
      source:
        'synthetic BFF answer served with page.route (the simulator holds at most 500 KB per trace)',
      responseBytes: body.length,
    };
    results.push(...fullRows);
  } finally {
    await browser?.close();
    await console.stop();
  }
  return results;
}

/** Per-run row pairs of one figure, merged into one pair over all runs. */
function merge(perRun) {
  return perRun[0].map((first, index) => {
    const rows = perRun.map((pair) => pair[index]);
    const merged = {
      ...first,
      ...summary(
        rows.map((row) => row.median),
        first.unit,
      ),
    };
    for (const key of ['domNodes', 'domNodesWhileScrolling'])
      if (first[key] !== undefined) merged[key] = Math.max(...rows.map((row) => row[key]));
    for (const key of ['inDomMs', 'lcpMs', 'framesOver50msShare', 'frames'])
      if (first[key] !== undefined)
        merged[key] = summary(
          rows.map((row) => row[key]),
          '',
        ).median;
    if ('heavyDom' in first) merged.heavyDom = rows.some((row) => row.heavyDom);
    if ('lcpWithinBudget' in first) merged.lcpWithinBudget = merged.lcpMs <= LCP_BUDGET_MS;
    return merged;
  });
}
