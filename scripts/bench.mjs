// `npm run bench`: benchmarks against the production build; writes bench/results/latest.json and
// prints a table. Not part of `npm test` (no timed assertions in tests).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchTasks } from '../bench/bff-tasks.mjs';
import { benchLiveFanout } from '../bench/live-fanout.mjs';
import { build, ensureInstalled, exitOnFailure, log, root } from './lib.mjs';

exitOnFailure(await ensureInstalled(), 'install');
exitOnFailure(await build(), 'build');

const started = Date.now();
const results = [];
log('BFF: tasks of the 20,000-task cluster (large scenario)');
const print = (line) => process.stdout.write(`${line}\n`);
results.push(...(await benchTasks({ log: print })));
log('BFF: AWS call rate of the live feed, 1 vs 200 subscribers (demo scenario)');
results.push(...(await benchLiveFanout({ log: print })));

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
