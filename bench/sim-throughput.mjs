// The simulator's own capacity (the standalone simulator, packages/aws-sim/dist/cli.js, large
// scenario, throttling off): ECS calls per second it answers with 16 requests in flight
// (DescribeServices of 10 services, ListTasks pages of 100, each for a few seconds), and the
// X-Ray daemon's UDP ingest: segment datagrams (~1 KB, as packages/aws-sim/scripts/xray-load.mjs
// sends) at rising rates, until one loses some; the highest rate with none lost is the figure.
// The load comes from this process on the same machine, so the figures are a floor.
import { createSocket } from 'node:dgram';
import { Agent, request } from 'node:http';
import { FAKE_AUTHORIZATION, single, sleep, startSimulator } from './lib.mjs';
import { loadSegment } from '../packages/aws-sim/scripts/load-segment.mjs';

const CLUSTER = 'scale-01';
const CONCURRENCY = 16;
const HAMMER_MS = 4_000;
const XRAY_RATES = [2_000, 4_000, 8_000, 16_000, 32_000, 64_000];
const XRAY_STEP_MS = 2_000;
const HEADER = '{"format": "json", "version": 1}\n';

/** POSTs one awsJson1_1 ECS call; resolves with the status once the body is read. */
function ecsCall(agent, port, operation, body) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        agent,
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': `AmazonEC2ContainerServiceV20141113.${operation}`,
          authorization: FAKE_AUTHORIZATION,
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `CONCURRENCY` loops calling one operation for `HAMMER_MS`; calls per second answered 200. */
async function hammer(port, operation, body) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let ok = 0;
  let failed = 0;
  let bytes = 0;
  const started = performance.now();
  const deadline = started + HAMMER_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const answer = await ecsCall(agent, port, operation, body);
        if (answer.status === 200) ok += 1;
        else failed += 1;
        bytes = answer.body.length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  if (failed > 0) throw new Error(`${operation}: ${failed} calls failed`);
  return { perSecond: ok / seconds, calls: ok, seconds, bytes };
}

const xrayCounters = async (sim) => (await (await fetch(`${sim}/_sim/stats`)).json()).xray;

/** Sends datagrams at `rate` per second for XRAY_STEP_MS; what the daemon received and accepted. */
async function xrayStep(sim, daemonPort, rate, offset) {
  await fetch(`${sim}/_sim/stats`, { method: 'DELETE' });
  const socket = createSocket('udp4');
  let sent = 0;
  let sendErrors = 0;
  const started = performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      const elapsed = performance.now() - started;
      if (elapsed >= XRAY_STEP_MS) {
        resolve();
        return;
      }
      // Catch up to the target count: a steady rate whatever the timer's jitter.
      const target = Math.floor((elapsed / 1000) * rate);
      const now = Date.now() / 1000;
      while (sent < target) {
        socket.send(
          Buffer.from(HEADER + loadSegment(offset + sent, now)),
          daemonPort,
          '127.0.0.1',
          (error) => {
            if (error) sendErrors += 1;
          },
        );
        sent += 1;
      }
      setTimeout(tick, 2);
    };
    tick();
  });
  const seconds = (performance.now() - started) / 1000;
  // Let the daemon drain what the kernel still holds: until its counters stop moving.
  let counters = await xrayCounters(sim);
  for (const deadline = Date.now() + 3_000; Date.now() < deadline;) {
    await sleep(200);
    const next = await xrayCounters(sim);
    const settled = next.received === counters.received;
    counters = next;
    if (settled) break;
  }
  socket.close();
  return {
    rate,
    sentPerSecond: Math.round(sent / seconds),
    sent,
    sendErrors,
    received: counters.received,
    accepted: counters.accepted,
    dropped: counters.dropped,
    lost: sent - counters.accepted,
  };
}

export async function benchSimulator({ log = () => {} } = {}) {
  const simulator = await startSimulator({
    port: 14_674,
    daemonPort: 12_674,
    scenario: 'large',
    throttling: 'off',
  });
  const port = 14_674;
  try {
    const rows = [];
    // 10 services to describe, from the first page.
    const page = await ecsCall(
      new Agent(),
      port,
      'ListServices',
      JSON.stringify({ cluster: CLUSTER, maxResults: 10 }),
    );
    const { serviceArns } = JSON.parse(page.body.toString('utf8'));
    for (const [operation, body, what] of [
      ['DescribeServices', { cluster: CLUSTER, services: serviceArns }, '10 services'],
      ['ListTasks', { cluster: CLUSTER, maxResults: 100 }, 'pages of 100 of 20,000 tasks'],
    ]) {
      const result = await hammer(port, operation, JSON.stringify(body));
      log(
        `  ${operation} (${what}): ${Math.round(result.perSecond)} calls/s with ${CONCURRENCY} in flight ` +
          `(${result.calls} in ${result.seconds.toFixed(1)} s, ${result.bytes} bytes each)`,
      );
      rows.push(
        single(`sim.ecs.${operation}.per-second`, result.perSecond, 'calls/s', {
          concurrency: CONCURRENCY,
          calls: result.calls,
          seconds: Math.round(result.seconds * 100) / 100,
          responseBytes: result.bytes,
        }),
      );
    }

    const steps = [];
    let offset = 0;
    for (const rate of XRAY_RATES) {
      const step = await xrayStep(simulator.sim, simulator.daemonPort, rate, offset);
      offset += step.sent;
      steps.push(step);
      log(
        `  X-Ray daemon at ${rate}/s: sent ${step.sent} (${step.sentPerSecond}/s), received ${step.received}, ` +
          `accepted ${step.accepted}, lost ${step.lost}`,
      );
      if (step.lost > 0 || step.sendErrors > 0) break;
    }
    const clean = steps.filter((step) => step.lost === 0 && step.sendErrors === 0);
    const best = clean.at(-1);
    const firstLossy = steps.find((step) => step.lost > 0 || step.sendErrors > 0);
    rows.push(
      single('sim.xray.udp.zero-loss', best ? best.sentPerSecond : 0, 'segments/s', {
        sent: best?.sent ?? 0,
        received: best?.received ?? 0,
        accepted: best?.accepted ?? 0,
        rateTried: best?.rate ?? 0,
        ...(firstLossy
          ? {
              nextRate: {
                rate: firstLossy.rate,
                sent: firstLossy.sent,
                received: firstLossy.received,
                lost: firstLossy.lost,
              },
            }
          : { note: `no loss at the highest rate tried (${XRAY_RATES.at(-1)}/s)` }),
        seconds: XRAY_STEP_MS / 1000,
      }),
    );
    return rows;
  } finally {
    await simulator.stop();
  }
}
