// Helpers for benchmarks: start the production BFF as a real process, time HTTP calls, summarise.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../scripts/lib.mjs';

/** Median, min and max of samples, with the unit. */
export function summary(samples, unit) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const round = (value) => Math.round(value * 100) / 100;
  return {
    median: round(median),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    runs: sorted.length,
    unit,
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `apps/bff/dist/server.js` with the given environment; resolves once /api/v1/health answers. */
export async function startConsole({ port, simPort, env = {} }) {
  const child = spawn(process.execPath, [join(root, 'apps/bff/dist/server.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      DECKHAND_SIM_PORT: String(simPort),
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
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the console exited: ${stderr}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('the console did not start within 60 s');
    await sleep(100);
  }
  return {
    base,
    sim,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** GETs a URL and reads the whole body; returns the wall time in ms, the status and the body size. */
export async function timedGet(url) {
  const started = performance.now();
  const response = await fetch(url);
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength };
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
