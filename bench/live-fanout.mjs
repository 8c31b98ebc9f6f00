// The live feed's fan-out (demo scenario, DECKHAND_POLL_INTERVAL=1, the simulator's throttling
// off so the call budget does not stretch the interval): one poller per (region, cluster) is
// shared by every subscriber, so the upstream ECS calls per poll cycle with 1, 50 and 500 SSE
// subscribers on one cluster must be the same. With the 500 connected: how long a change made in
// the simulator (UpdateService, straight to the simulator at a known time) takes to reach every
// subscriber as a service.updated / deployment.updated frame (bounded by the poll interval plus a
// cycle), and what each idle subscriber costs the BFF in memory (VmRSS of the BFF process with
// 500 streams open against none; the simulator runs inside that process, idle in both).
import {
  awsClients,
  callsBetween,
  callsOf,
  percentile,
  round,
  row,
  simStats,
  single,
  sleep,
  startConsole,
  sumCalls,
} from './lib.mjs';

const CLUSTER = 'prod-ec2';
const POLL_INTERVAL_S = 1;
const WINDOW_MS = 10_000;
const CHANGES = 8;
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);

/**
 * Opens `count` more SSE subscriptions to the cluster feed; resolves once every one has its
 * first frame. `onFrame(subscriber, frame, receivedAt)` sees every frame after that.
 */
async function subscribe(base, count, first, onFrame, controller, counter) {
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const subscriber = first + i;
      const response = await fetch(`${base}/api/v1/clusters/${CLUSTER}/events`, {
        signal: controller.signal,
      });
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      const reader = response.body.getReader();
      const opening = await reader.read();
      if (opening.done) throw new Error('stream closed at once');
      const decoder = new TextDecoder();
      let buffer = '';
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            const receivedAt = Date.now();
            buffer += decoder.decode(value, { stream: true });
            for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
              const frame = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              counter.frames += 1;
              onFrame(subscriber, frame, receivedAt);
            }
          }
        } catch {
          // aborted
        }
      })();
    }),
  );
}

/** The calls the shared poller makes in a fixed window; cycles counted by its ListServices. */
async function measureCalls(console, subscribers) {
  await sleep(1_500);
  const before = await simStats(console.sim);
  const started = performance.now();
  await sleep(WINDOW_MS);
  const after = await simStats(console.sim);
  const seconds = (performance.now() - started) / 1000;
  const calls = callsOf(callsBetween(before, after), 'ecs:');
  const total = sumCalls(calls);
  const cycles = calls['ecs:ListServices'] ?? 0;
  return {
    subscribers,
    callsPerSecond: total / seconds,
    callsPerCycle: cycles ? total / cycles : Number.NaN,
    cycles,
    cyclePeriodSeconds: cycles ? seconds / cycles : Number.NaN,
    total,
    byOperation: calls,
  };
}

export async function benchLiveFanout({ log = () => {}, counts = [1, 50, 500] } = {}) {
  const console = await startConsole({
    port: 18_187,
    simPort: 14_673,
    daemonPort: 12_673,
    env: {
      DECKHAND_SIM_SCENARIO: 'demo',
      DECKHAND_SIM_THROTTLING: 'off',
      DECKHAND_POLL_INTERVAL: String(POLL_INTERVAL_S),
      DECKHAND_BACKGROUND_POLL_INTERVAL: 'off',
    },
    memoryProbe: true,
  });
  const clients = awsClients(console.sim);
  const controller = new AbortController();
  try {
    // A service to scale: the first REPLICA service of the cluster.
    const { services } = await (
      await fetch(`${console.base}/api/v1/clusters/${CLUSTER}/services`)
    ).json();
    const target = services.find(
      (service) => service.schedulingStrategy === 'REPLICA' && service.status === 'ACTIVE',
    );
    // What each subscriber is waiting for: the change in flight and when it was made.
    let pending;
    const arrivals = [];
    const onFrame = (subscriber, frame, receivedAt) => {
      if (!pending || pending.seen.has(subscriber)) return;
      if (!frame.includes('event: service.updated') && !frame.includes('event: deployment.updated'))
        return;
      const data = frame.split('\n').find((line) => line.startsWith('data: '));
      if (!data) return;
      const event = JSON.parse(data.slice(6));
      const matches =
        event.type === 'service.updated'
          ? event.service?.name === target.name && event.service.desiredCount === pending.desired
          : event.service === target.name && event.deployment?.desiredCount === pending.desired;
      if (!matches) return;
      pending.seen.add(subscriber);
      arrivals.push(receivedAt - pending.madeAt);
      pending.arrivals.push(receivedAt - pending.madeAt);
    };

    // Let the process settle before the baseline.
    await sleep(1_000);
    const idle = await console.memory();
    const measured = [];
    let open = 0;
    const counter = { frames: 0 };
    for (const count of counts) {
      await subscribe(console.base, count - open, open, onFrame, controller, counter);
      open = count;
      const result = await measureCalls(console, count);
      result.memory = await console.memory();
      measured.push(result);
      log(
        `  ${count} subscriber${count === 1 ? '' : 's'}: ${result.callsPerCycle.toFixed(2)} ECS calls per poll cycle, ` +
          `${result.callsPerSecond.toFixed(2)} calls/s (${result.cycles} cycles in ${WINDOW_MS / 1000} s), ` +
          `BFF heap ${mib(result.memory.heapUsed)} MiB, RSS ${mib(result.memory.rss)} MiB (after GC)`,
      );
    }

    // Changes at known times, each one delivered to every subscriber before the next.
    const ecs = clients.ecs;
    const { UpdateServiceCommand } = clients.ecsSdk;
    const deliveries = [];
    /** Per change: when the first and the last subscriber had it (ms after the change). */
    const perChange = [];
    for (let change = 0; change < CHANGES; change += 1) {
      const desired = target.desiredCount + (change % 2 === 0 ? 1 : 0);
      // A random phase against the poll cycle, as real changes have.
      await sleep(300 + Math.random() * 1_000);
      pending = { desired, madeAt: Date.now(), seen: new Set(), arrivals: [] };
      await ecs.send(
        new UpdateServiceCommand({ cluster: CLUSTER, service: target.name, desiredCount: desired }),
      );
      const deadline = Date.now() + 10_000;
      while (pending.seen.size < open && Date.now() < deadline) await sleep(20);
      deliveries.push(pending.seen.size);
      perChange.push({
        first: Math.min(...pending.arrivals),
        last: Math.max(...pending.arrivals),
      });
    }
    pending = undefined;
    const missed = deliveries.reduce((sum, seen) => sum + (open - seen), 0);
    log(
      `  delivery of ${CHANGES} changes to ${open} subscribers: p50 ${percentile(arrivals, 50)} ms, ` +
        `p99 ${percentile(arrivals, 99)} ms, max ${Math.max(...arrivals)} ms (poll interval ${POLL_INTERVAL_S} s)` +
        (missed ? `; ${missed} deliveries missing after 10 s` : ''),
    );

    const base = measured[0];
    const last = measured.at(-1);
    /** KiB per subscriber between `from` (memory with `fromCount` subscribers) and the last step. */
    const perSubscriber = (field, from, fromCount) =>
      (last.memory[field] - from[field]) / 1024 / (last.subscribers - fromCount);
    const heapPerSubscriberKiB = perSubscriber('heapUsed', idle, 0);
    const rssPerSubscriberKiB = perSubscriber('rss', idle, 0);
    log(
      `  BFF memory after GC: heap ${mib(idle.heapUsed)} → ${mib(last.memory.heapUsed)} MiB, RSS ${mib(idle.rss)} → ` +
        `${mib(last.memory.rss)} MiB with ${last.subscribers} idle subscribers → ${heapPerSubscriberKiB.toFixed(1)} KiB heap, ` +
        `${rssPerSubscriberKiB.toFixed(1)} KiB RSS per subscriber`,
    );

    const rows = measured.map((result) =>
      single(
        `live.fanout.calls-per-cycle.${result.subscribers}`,
        result.callsPerCycle,
        'calls/cycle',
        {
          subscribers: result.subscribers,
          callsPerSecond: round(result.callsPerSecond),
          cycles: result.cycles,
          cyclePeriodSeconds: round(result.cyclePeriodSeconds),
          calls: result.total,
          byOperation: result.byOperation,
          pollIntervalSeconds: POLL_INTERVAL_S,
        },
      ),
    );
    rows.push(
      single('live.fanout.calls-ratio.max-vs-1', last.callsPerCycle / base.callsPerCycle, 'x', {
        subscribers: last.subscribers,
      }),
      row('live.delivery-latency', arrivals, 'ms', {
        p50: percentile(arrivals, 50),
        p99: percentile(arrivals, 99),
        subscribers: open,
        changes: CHANGES,
        deliveries: arrivals.length,
        missed,
        pollIntervalSeconds: POLL_INTERVAL_S,
        framesReceived: counter.frames,
        // Every subscriber gets a change in the same fan-out: the spread is the fan-out's cost.
        fanOutSpreadMs: Math.max(...perChange.map((change) => change.last - change.first)),
        perChange,
      }),
      single('live.memory-per-subscriber', heapPerSubscriberKiB, 'KiB', {
        measure: 'heapUsed after a full GC, 0 vs N idle subscribers',
        subscribers: last.subscribers,
        rssPerSubscriberKiB: round(rssPerSubscriberKiB),
        heapPerSubscriberKiBvsOne: round(perSubscriber('heapUsed', base.memory, base.subscribers)),
        heapUsedKiB: Object.fromEntries([
          [0, Math.round(idle.heapUsed / 1024)],
          ...measured.map((result) => [
            result.subscribers,
            Math.round(result.memory.heapUsed / 1024),
          ]),
        ]),
        rssKiB: Object.fromEntries([
          [0, Math.round(idle.rss / 1024)],
          ...measured.map((result) => [result.subscribers, Math.round(result.memory.rss / 1024)]),
        ]),
      }),
    );
    return rows;
  } finally {
    controller.abort();
    clients.destroy();
    await console.stop();
  }
}
