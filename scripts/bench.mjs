// `npm run bench`: benchmarks against the production build; writes bench/results/latest.json and
// prints a table. Not part of `npm test` (no timed assertions in tests).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchEfficiency } from '../bench/bff-efficiency.mjs';
import { benchLatency } from '../bench/bff-latency.mjs';
import { benchThrottled } from '../bench/bff-throttled.mjs';
import { benchTraces } from '../bench/bff-traces.mjs';
import { benchLiveFanout } from '../bench/live-fanout.mjs';
import { benchNaiveClient } from '../bench/naive-client.mjs';
import { benchRegistry5000 } from '../bench/registry-5000.mjs';
import { benchSimulator } from '../bench/sim-throughput.mjs';
import { benchWebBundle } from '../bench/web-bundle.mjs';
import { benchWebRender } from '../bench/web-render.mjs';
import { build, ensureInstalled, exitOnFailure, log, root } from './lib.mjs';

exitOnFailure(await ensureInstalled(), 'install');
exitOnFailure(await build(), 'build');

const started = Date.now();
const results = [];
const print = (line) => process.stdout.write(`${line}\n`);
// In this order: each part starts and stops its own console (own ports), so none disturbs another.
const parts = [
  [
    'AWS call efficiency: a cold full view of the largest cluster against the API minimum',
    benchEfficiency,
  ],
  ['BFF latency, cold and warm, throttling off, and the overhead over the simulator', benchLatency],
  ['BFF trace search and trace fetch', benchTraces],
  ['Cold loads with AWS-like throttling against the call budget minimum', benchThrottled],
  ['Live feed fan-out: calls per poll, delivery latency, memory per subscriber', benchLiveFanout],
  ['Deckhand against a naive sequential client', benchNaiveClient],
  ['Simulator throughput: ECS calls and X-Ray daemon segments', benchSimulator],
  ['Registry: a 5,000-image repository', benchRegistry5000],
  ['Web: initial bundle', benchWebBundle],
  ['Web: render and scroll in headless Chromium', benchWebRender],
];
for (const [title, run] of parts) {
  log(title);
  results.push(...(await run({ log: print })));
}

const report = {
  date: new Date().toISOString(),
  node: process.version,
  cpus: cpus().length,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  results,
};
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);

const rows = results.map((r) => [
  r.name,
  `${r.median} ${r.unit}`,
  `${r.min}–${r.max}`,
  String(r.runs),
  r.calls !== undefined ? String(r.calls) : '',
  r.minimumSeconds !== undefined ? `${r.minimumSeconds} s` : '',
]);
const header = ['benchmark', 'median', 'min–max', 'runs', 'AWS calls', 'budget minimum'];
const widths = header.map((title, i) =>
  Math.max(title.length, ...rows.map((row) => row[i].length)),
);
const line = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
process.stdout.write(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
for (const row of rows) process.stdout.write(`${line(row)}\n`);
process.stdout.write(`\nwritten to bench/results/latest.json (${report.durationSeconds} s)\n`);
