// Issue 6's figure: the AWS call rate of the live feed with 1 subscriber and with 200 on the same
// cluster. One poller per (region, cluster) is shared by every subscriber, so the rates must match.
import { callsBetween, simStats, sleep, startConsole } from './lib.mjs';

const CLUSTER = 'prod-ec2';
const WINDOW_MS = 20_000;

/** Opens `count` SSE subscriptions to the cluster feed; resolves once every one has its first frame. */
async function subscribe(base, count) {
  const controller = new AbortController();
  let frames = 0;
  const streams = Array.from({ length: count }, async () => {
    const response = await fetch(`${base}/api/v1/clusters/${CLUSTER}/events`, {
      signal: controller.signal,
    });
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    const reader = response.body.getReader();
    const first = await reader.read();
    if (first.done) throw new Error('stream closed at once');
    // Keep reading (counting frames) until aborted.
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          frames += new TextDecoder().decode(value).split('\n\n').length - 1;
        }
      } catch {
        // aborted
      }
    })();
  });
  await Promise.all(streams);
  return { close: () => controller.abort(), frames: () => frames };
}

async function measure(console, subscribers) {
  const streams = await subscribe(console.base, subscribers);
  // Let the poller switch to its watched rate, then count the calls it makes in a fixed window.
  await sleep(2_000);
  const before = await simStats(console.sim);
  await sleep(WINDOW_MS);
  const after = await simStats(console.sim);
  streams.close();
  const calls = callsBetween(before, after);
  const total = Object.values(calls).reduce((sum, n) => sum + n, 0);
  return {
    name: `live feed, ${subscribers} subscriber${subscribers === 1 ? '' : 's'} on ${CLUSTER}`,
    median: Math.round((total / (WINDOW_MS / 1000)) * 100) / 100,
    min: Math.round((total / (WINDOW_MS / 1000)) * 100) / 100,
    max: Math.round((total / (WINDOW_MS / 1000)) * 100) / 100,
    runs: 1,
    unit: 'AWS calls/s',
    calls: total,
    byOperation: calls,
    framesPerSubscriber: Math.round(streams.frames() / subscribers),
  };
}

export async function benchLiveFanout({ log }) {
  const console = await startConsole({
    port: 18_182,
    simPort: 14_668,
    env: {
      DECKHAND_SIM_SCENARIO: 'demo',
      DECKHAND_XRAY_DAEMON_ADDRESS: '127.0.0.1:12668',
      DECKHAND_POLL_INTERVAL: '2',
      DECKHAND_BACKGROUND_POLL_INTERVAL: 'off',
    },
  });
  try {
    const results = [];
    for (const subscribers of [1, 200]) {
      const result = await measure(console, subscribers);
      log(
        `  ${result.name}: ${result.median} ${result.unit} (${result.calls} calls in ${WINDOW_MS / 1000} s)`,
      );
      results.push(result);
    }
    return results;
  } finally {
    await console.stop();
  }
}
