// A load check of the simulator's X-Ray daemon, run by hand (not part of the test suite):
//   node packages/aws-sim/scripts/xray-load.mjs [--rate 2000] [--seconds 30] [--scenario empty]
// Starts the standalone simulator in a child process, sends segment datagrams over UDP at a
// steady rate, then reports what the daemon received against what was sent, and the child's
// memory (RSS) before and after. Linux-only for the memory figures (/proc).
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { loadSegment } from './load-segment.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const RATE = Number(option('rate', '2000'));
const SECONDS = Number(option('seconds', '30'));
const SCENARIO = option('scenario', 'empty');
const HEADER = '{"format": "json", "version": 1}\n';

const here = dirname(fileURLToPath(import.meta.url));
const bundle = join(tmpdir(), `deckhand-sim-load-${process.pid}.mjs`);
await build({
  entryPoints: [join(here, '../src/cli.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
});

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const [httpPort, daemonPort] = [await freePort(), await freePort()];

const child = spawn(process.execPath, [bundle], {
  env: {
    ...process.env,
    DECKHAND_SIM_PORT: String(httpPort),
    DECKHAND_XRAY_DAEMON_ADDRESS: `127.0.0.1:${daemonPort}`,
    DECKHAND_SIM_SCENARIO: SCENARIO,
    DECKHAND_SIM_THROTTLING: 'off',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  child.stdout.on('data', (chunk) => {
    if (String(chunk).includes('X-Ray daemon')) resolve();
  });
});
const endpoint = `http://127.0.0.1:${httpPort}`;

/** VmRSS and VmHWM (peak) of the simulator process, in MiB. */
function memory() {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}
const stats = async () => (await (await fetch(`${endpoint}/_sim/stats`)).json()).xray;

const before = memory();
await fetch(`${endpoint}/_sim/stats`, { method: 'DELETE' });
const socket = createSocket('udp4');
let sent = 0;
let sendErrors = 0;
let slowestStatsMs = 0;
const started = performance.now();
const probe = setInterval(() => {
  const asked = performance.now();
  void fetch(`${endpoint}/_sim/stats`).then(() => {
    slowestStatsMs = Math.max(slowestStatsMs, performance.now() - asked);
  });
}, 1000);
await new Promise((resolve) => {
  const tick = () => {
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed >= SECONDS) {
      resolve();
      return;
    }
    // Catch up to the target count: a steady rate whatever the timer's jitter.
    const target = Math.floor(elapsed * RATE);
    while (sent < target) {
      const payload = Buffer.from(HEADER + loadSegment(sent));
      sent += 1;
      socket.send(payload, daemonPort, '127.0.0.1', (error) => {
        if (error) sendErrors += 1;
      });
    }
    setTimeout(tick, 5);
  };
  tick();
});
clearInterval(probe);
const sendSeconds = (performance.now() - started) / 1000;
// Let the daemon drain what the kernel still holds: until its counters stop moving (5 s at most).
let result = await stats();
for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
  await new Promise((resolve) => setTimeout(resolve, 200));
  const next = await stats();
  const settled = JSON.stringify(next) === JSON.stringify(result);
  result = next;
  if (settled) break;
}
const after = memory();
socket.close();
child.kill('SIGTERM');
rmSync(bundle, { force: true });

const report = {
  sent,
  sendErrors,
  seconds: Number(sendSeconds.toFixed(1)),
  ratePerSecond: Math.round(sent / sendSeconds),
  received: result.received,
  accepted: result.accepted,
  dropped: result.dropped,
  lost: sent - result.received,
  stored: result.stored,
  rssBeforeMiB: Number(before.rss.toFixed(1)),
  rssAfterMiB: Number(after.rss.toFixed(1)),
  peakRssMiB: Number(after.peak.toFixed(1)),
  slowestStatsCallMs: Math.round(slowestStatsMs),
};
console.table(report);
console.log(JSON.stringify(report));
