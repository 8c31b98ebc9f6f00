/* global document -- the page.evaluate callbacks run in the browser */
// "A registry of 5,000 images stays smooth": the `scale/big` repository of the large scenario
// (5,000 images) through the production BFF and SPA. BFF: cold and warm latency of its images
// route (cold includes "used by": every RUNNING task and ACTIVE task definition of the region).
// Browser (headless Chromium): time from navigation to the first rows of the images table, the
// DOM size once rendered, a re-sort and a jump to the last image.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../scripts/lib.mjs';
import { row, single, sleep, startConsole, timedGet } from './lib.mjs';

const REPOSITORY = 'scale/big';
const ROUTE = `/api/v1/repositories/${encodeURIComponent(REPOSITORY)}/images`;
const PAGE = `/registry/${encodeURIComponent(REPOSITORY)}`;
/** The BFF's read cache TTL (apps/bff/src/aws/aws-layer.ts): waiting past it makes the next load cold. */
const TTL_MS = 5_000;
const ROWS = 'table[aria-label="Images"] tbody tr[aria-rowindex]';
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Playwright lives in the e2e workspace. */
function loadChromium() {
  const require = createRequire(join(root, 'e2e/package.json'));
  return require('@playwright/test').chromium;
}

async function loadImages(console) {
  const result = await timedGet(`${console.base}${ROUTE}`, { json: true });
  if (result.status !== 200) throw new Error(`${ROUTE} answered ${result.status}`);
  return result;
}

async function measurePage(browser, base) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    const started = performance.now();
    await page.goto(`${base}${PAGE}`);
    await page.waitForSelector(ROWS);
    const renderMs = performance.now() - started;
    const dom = await page.evaluate(() => ({
      nodes: document.getElementsByTagName('*').length,
      rows: document.querySelectorAll('table[aria-label="Images"] tbody tr[aria-rowindex]').length,
      rowCount: Number(
        document.querySelector('table[aria-label="Images"]')?.getAttribute('aria-rowcount'),
      ),
    }));
    // A re-sort of 5,000 images: click "Size", wait for the header to say so.
    const sortStarted = performance.now();
    await page.getByRole('button', { name: /^Size/ }).click();
    await page.waitForSelector('th[aria-sort="ascending"] >> text=Size');
    const sortMs = performance.now() - sortStarted;
    // The last image: scroll the table's own scroll area to the end.
    const scrollStarted = performance.now();
    await page.evaluate(() => {
      const area = document.querySelector('table[aria-label="Images"]')?.parentElement;
      if (area) area.scrollTop = area.scrollHeight;
    });
    await page.waitForSelector(`tr[aria-rowindex="${dom.rowCount}"]`);
    const scrollMs = performance.now() - scrollStarted;
    return { renderMs, sortMs, scrollMs, ...dom };
  } finally {
    await page.close();
  }
}

/** Result rows shaped like the other benchmarks': `{ name, median, min, max, runs, unit }`. */
export async function benchRegistry5000({
  coldRuns = 3,
  warmRuns = 10,
  pageRuns = 5,
  log = () => {},
} = {}) {
  const results = [];
  const console = await startConsole({
    port: 18_196,
    simPort: 14_696,
    daemonPort: 12_696,
    env: { DECKHAND_SIM_SCENARIO: 'large', DECKHAND_SIM_THROTTLING: 'off' },
  });
  try {
    const cold = [];
    const warm = [];
    let last;
    for (let run = 0; run < coldRuns; run += 1) {
      if (run > 0) await sleep(TTL_MS + 200);
      last = await loadImages(console);
      cold.push(last.ms);
      for (let i = 0; i < warmRuns / coldRuns; i += 1) warm.push((await loadImages(console)).ms);
      log(`  cold ${last.ms.toFixed(0)} ms (${(last.bytes / 1e6).toFixed(2)} MB)`);
    }
    const images = last.body.images.length;
    if (images !== 5_000) throw new Error(`${REPOSITORY} has ${images} images, not 5,000`);
    results.push(
      row('bff.registry.images.5k.cold', cold, 'ms', { bytes: last.bytes }),
      row('bff.registry.images.5k.warm', warm, 'ms'),
    );

    const chromium = loadChromium();
    const executablePath = CHROMIUM.find((path) => existsSync(path));
    const browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu'],
    });
    try {
      await loadImages(console); // the BFF warm: the browser figures are the SPA's own
      const runs = [];
      for (let run = 0; run < pageRuns; run += 1) {
        const measured = await measurePage(browser, console.base);
        runs.push(measured);
        log(
          `  render ${measured.renderMs.toFixed(0)} ms, ${measured.nodes} DOM nodes, ${measured.rows} rows in the DOM`,
        );
      }
      results.push(
        row(
          'web.registry.images.5k.render',
          runs.map((r) => r.renderMs),
          'ms',
        ),
        row(
          'web.registry.images.5k.sort',
          runs.map((r) => r.sortMs),
          'ms',
        ),
        row(
          'web.registry.images.5k.scroll-to-end',
          runs.map((r) => r.scrollMs),
          'ms',
        ),
        single('web.registry.images.5k.dom-nodes', Math.max(...runs.map((r) => r.nodes)), 'nodes'),
        single('web.registry.images.5k.rows-in-dom', Math.max(...runs.map((r) => r.rows)), 'rows'),
      );
    } finally {
      await browser.close();
    }
  } finally {
    await console.stop();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await benchRegistry5000({ log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}
