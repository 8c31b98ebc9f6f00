// `npm run bench:check`: compares bench/results/latest.json (written by `npm run bench`) with the
// budgets in bench/budgets.json and fails on any regression. A budget names a result row and a
// field (median by default) with a `max` and/or `min`; a budgeted row missing from the results
// fails too, so a benchmark cannot silently stop running.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBudgets } from './bench-budgets.mjs';
import { root } from './lib.mjs';

const resultsFile = join(root, 'bench/results/latest.json');
if (!existsSync(resultsFile)) {
  process.stderr.write('No bench/results/latest.json: run `npm run bench` first.\n');
  process.exit(2);
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
const budgets = JSON.parse(readFileSync(join(root, 'bench/budgets.json'), 'utf8'));
const { lines, failures } = checkBudgets(results.results, budgets.budgets);
for (const line of lines) process.stdout.write(`${line}\n`);
process.stdout.write(
  `\n${lines.length - failures} within budget, ${failures} over (results of ${results.date})\n`,
);
process.exit(failures > 0 ? 1 : 0);
