// BFF latency of the X-Ray views, cold and warm, with the simulator's throttling off. The demo
// scenario: the large one sends no traffic, so it has no traces; the demo's simulated traffic
// fills the last 15 minutes from the start. A trace search (GET /api/v1/traces over the last
// 15 minutes, the first page as the console shows it) and a fetch of 5 traces by id in parallel
// (GET /api/v1/traces/:id ×5, as a trace comparison opens them). Cold: a window or ids not asked
// before (each has its own cache entry, so no TTL wait); warm: the same request again. After
// each cold one, the same X-Ray calls straight to the simulator; overhead = BFF − simulator.
import {
  awsClients,
  callsBetween,
  load,
  row,
  simStats,
  startConsole,
  sumCalls,
  timedGet,
} from './lib.mjs';

const WINDOW_MS = 15 * 60_000;
const FETCH = 5;

export async function benchTraces({ coldRuns = 5, warmRuns = 2, log = () => {} } = {}) {
  const console = await startConsole({
    port: 18_185,
    simPort: 14_671,
    daemonPort: 12_671,
    env: { DECKHAND_SIM_SCENARIO: 'demo', DECKHAND_SIM_THROTTLING: 'off' },
  });
  const clients = awsClients(console.sim);
  try {
    // The first request warms the process up (JIT) and gives the trace ids to fetch.
    const now = Date.now();
    const windowOf = (end) =>
      `start=${new Date(end - WINDOW_MS).toISOString()}&end=${new Date(end).toISOString()}`;
    const first = await load(console, `/api/v1/traces?${windowOf(now - 1_000)}`, { json: true });
    const ids = first.body.traces.map((trace) => trace.id);
    if (ids.length < FETCH * (coldRuns + 1))
      throw new Error(`only ${ids.length} traces in the last 15 minutes`);
    await Promise.all(
      ids.slice(0, FETCH).map((id) => timedGet(`${console.base}/api/v1/traces/${id}`)),
    );

    const { xray, xraySdk: sdk } = clients;
    const search = { cold: [], warm: [], direct: [], calls: 0, warmCalls: 0, traces: 0 };
    const fetch5 = { cold: [], warm: [], direct: [], calls: 0, warmCalls: 0, bytes: 0 };
    const xrayCalls = async (work) => {
      const before = await simStats(console.sim);
      const result = await work();
      return {
        result,
        calls: sumCalls(callsBetween(before, await simStats(console.sim)), 'xray:'),
      };
    };
    for (let run = 0; run < coldRuns; run += 1) {
      // A window of its own: a fresh cache key, so the BFF asks X-Ray again.
      const end = now - 2_000 - run * 1_000;
      const route = `/api/v1/traces?${windowOf(end)}`;
      const cold = await load(console, route, { json: true });
      search.cold.push(cold.ms);
      search.calls = Math.max(search.calls, sumCalls(cold.calls, 'xray:'));
      search.traces = cold.body.traces.length;
      for (let i = 0; i < warmRuns; i += 1) {
        const warm = await load(console, route);
        search.warm.push(warm.ms);
        search.warmCalls += sumCalls(warm.calls, 'xray:');
      }
      // The same call straight to the simulator, right after.
      let started = performance.now();
      await xray.send(
        new sdk.GetTraceSummariesCommand({
          StartTime: new Date(end - WINDOW_MS),
          EndTime: new Date(end),
        }),
      );
      search.direct.push(performance.now() - started);

      // Ids not asked before: each is a fresh cache key.
      const batch = ids.slice(FETCH * (run + 1), FETCH * (run + 2));
      const fetchAll = async () => {
        const begun = performance.now();
        const answers = await Promise.all(
          batch.map((id) => timedGet(`${console.base}/api/v1/traces/${id}`)),
        );
        for (const answer of answers)
          if (answer.status !== 200) throw new Error(`a trace answered ${answer.status}`);
        return { ms: performance.now() - begun, bytes: answers.reduce((s, a) => s + a.bytes, 0) };
      };
      const coldFetch = await xrayCalls(fetchAll);
      fetch5.cold.push(coldFetch.result.ms);
      fetch5.bytes = coldFetch.result.bytes;
      fetch5.calls = Math.max(fetch5.calls, coldFetch.calls);
      for (let i = 0; i < warmRuns; i += 1) {
        const warm = await xrayCalls(fetchAll);
        fetch5.warm.push(warm.result.ms);
        fetch5.warmCalls += warm.calls;
      }
      started = performance.now();
      await Promise.all(
        batch.map((id) => xray.send(new sdk.BatchGetTracesCommand({ TraceIds: [id] }))),
      );
      fetch5.direct.push(performance.now() - started);
    }

    const results = [];
    for (const [name, entry, extra] of [
      ['bff.traces.search-15min', search, { traces: search.traces }],
      ['bff.traces.fetch-5', fetch5, { bytes: fetch5.bytes }],
    ]) {
      const cold = row(`${name}.cold`, entry.cold, 'ms', { calls: entry.calls, ...extra });
      const simRow = row(`sim.direct.${name.replace(/^bff\./, '')}`, entry.direct, 'ms', {
        calls: entry.calls,
      });
      const warm = row(`${name}.warm`, entry.warm, 'ms', { calls: entry.warmCalls });
      // Run by run: BFF cold − the simulator's time for the same calls just after.
      const overhead = row(
        `${name}.overhead`,
        entry.cold.map((ms, i) => ms - entry.direct[i]),
        'ms',
        { bffMedian: cold.median, simulatorMedian: simRow.median },
      );
      results.push(cold, warm, simRow, overhead);
      log(
        `  ${name}: cold ${cold.median} ms (${cold.min}–${cold.max}), warm ${warm.median} ms, ` +
          `simulator ${simRow.median} ms → overhead ${overhead.median} ms; ` +
          `${entry.calls} X-Ray calls cold, ${entry.warmCalls} warm`,
      );
    }
    return results;
  } catch (error) {
    if (console.exitCode() !== null)
      throw new Error(`the console exited (${console.exitCode()}): ${console.stderr()}`, {
        cause: error,
      });
    throw error;
  } finally {
    clients.destroy();
    await console.stop();
  }
}
