// `npm test`: installs what is missing (pnpm deps, Chromium, the AWS CLI), builds, then runs
// format check, lint, typecheck, every package's Vitest suite and the Playwright e2e suite. Ends
// with the line `N passed, N failed[, N skipped]` and exits non-zero on any failure.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureInstalled, exitOnFailure, log, pnpm, root, run } from './lib.mjs';
import { ensureAwsCli, ensureChromium } from './system-deps.mjs';

const reports = join(root, 'node_modules', '.deckhand-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

exitOnFailure(await ensureInstalled(), 'install');
exitOnFailure(await ensureChromium(), 'installing Chromium');
await ensureAwsCli();
exitOnFailure(await build(), 'build');

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

async function check(name, command) {
  log(name);
  const code = await command();
  if (code === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(name);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// Static checks: each counts as one test.
await check('format (prettier --check)', () =>
  pnpm(['exec', 'prettier', '--check', '--log-level=warn', '.']),
);
await check('lint (eslint, every workspace)', () =>
  pnpm(['exec', 'turbo', 'run', 'lint', '--continue', '--output-logs=errors-only']),
);
await check('typecheck (tsc, every workspace)', () =>
  pnpm(['exec', 'turbo', 'run', 'typecheck', '--continue', '--output-logs=errors-only']),
);

// Unit and integration tests of every package, in one Vitest run.
log('unit and integration tests (vitest)');
const vitestReport = join(reports, 'vitest.json');
const vitestCode = await pnpm([
  'exec',
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson(vitestReport);
let vitestFailed = 0;
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
  // A file that fails to load has no test results of its own: count it as one failure.
  const brokenFiles = (vitest.testResults ?? []).filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  );
  vitestFailed = vitest.numFailedTests + brokenFiles.length;
}
if (vitestCode !== 0 && vitestFailed === 0) vitestFailed = 1;
totals.failed += vitestFailed;
if (vitestFailed > 0) failures.push('vitest');

// End-to-end: the built console in a real Chromium.
log('end-to-end tests (playwright, chromium)');
const playwrightReport = join(reports, 'playwright.json');
const e2eCode = await run(
  join(root, 'e2e', 'node_modules', '.bin', 'playwright'),
  ['test', '--reporter=list,json'],
  {
    cwd: join(root, 'e2e'),
    env: {
      ...process.env,
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  },
);
const playwright = readJson(playwrightReport);
let e2eFailed = 0;
if (playwright?.stats) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky;
  totals.skipped += playwright.stats.skipped;
  e2eFailed = playwright.stats.unexpected;
}
if (e2eCode !== 0 && e2eFailed === 0) e2eFailed = 1;
totals.failed += e2eFailed;
if (e2eFailed > 0) failures.push('playwright');

if (failures.length > 0) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped > 0 ? `, ${totals.skipped} skipped` : ''}`;
process.stdout.write(`\n${summary}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
