// Helpers for the web benchmarks: headless Chromium through e2e's Playwright, timing a view from
// navigation start to its first meaningful render, and frame times while scrolling.
// The functions passed to the page (installProbe, measureScroll's) run in the browser.
/* global window, document, MutationObserver, requestAnimationFrame, getComputedStyle */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/** e2e's @playwright/test (the repository's only Playwright); the bench adds no dependency. */
const requireFromE2e = createRequire(new URL('../e2e/package.json', import.meta.url));

/** Launches headless Chromium the way e2e/playwright.config.ts does (Debian's when present). */
export async function launchChromium() {
  const { chromium } = requireFromE2e('@playwright/test');
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
    existsSync(path),
  );
  return chromium.launch({
    headless: true,
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh context per run (cold HTTP cache and no app state), as e2e's desktop project. */
export function newContext(browser, baseURL) {
  return browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
}

/**
 * Runs in the page before its own scripts: records the LCP and, with a MutationObserver, the
 * moment the view's content is in the DOM (`ready`) and the end of the frame that paints it
 * (`painted`: the task after the next animation frame). Times are performance.now(), i.e. ms
 * since navigation start.
 */
function installProbe({ view, expected }) {
  const bench = { lcp: undefined, ready: undefined, painted: undefined };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // LCP not supported: left undefined.
  }
  const conditions = {
    // The clusters table has its rows (the large scenario's clusters, scale-01 among them).
    clusters: () =>
      [...document.querySelectorAll('main tbody tr a, tbody tr a')].some(
        (link) => link.textContent?.trim() === 'scale-01',
      ),
    // "20,000 of 20,000 tasks" (the full count, unfiltered) and the virtual rows rendered.
    tasks: () => {
      const count = document.querySelector('[data-testid="tasks-count"]')?.textContent ?? '';
      const match = /^([\d,]+) of \1 tasks$/.exec(count.trim());
      if (!match || Number(match[1].replaceAll(',', '')) < expected) return false;
      return Boolean(
        document.querySelector('table[aria-label="Cluster tasks"] tbody tr[aria-rowindex]'),
      );
    },
    // The (virtualized) waterfall holds the whole trace and shows its first rows.
    trace: () => {
      const tree = document.querySelector('[role="tree"][aria-label="Trace timeline"]');
      return (
        Number(tree?.getAttribute('data-span-count') ?? 0) >= expected &&
        Boolean(tree?.querySelector('[role="treeitem"]'))
      );
    },
  };
  const condition = conditions[view];
  const observer = new MutationObserver(() => {
    if (bench.ready !== undefined || !condition()) return;
    bench.ready = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => (bench.painted = performance.now());
      channel.port2.postMessage(0);
    });
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * Opens `path` in a fresh page of `context` and waits until the view has rendered. Returns
 * { ready, painted, lcp, domNodes } (ms since navigation start; DOM nodes once rendered).
 */
export async function timeView(context, path, { view, expected = 0, timeout = 60_000 }) {
  const page = await context.newPage();
  await page.addInitScript(installProbe, { view, expected });
  await page.goto(path, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__bench?.painted !== undefined, null, {
    timeout,
    polling: 50,
  });
  // Let the LCP entry of the last paint arrive: it is reported after the next frames.
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
      ),
  );
  const figures = await page.evaluate(() => ({
    ...window.__bench,
    domNodes: document.getElementsByTagName('*').length,
  }));
  return { page, ...figures };
}

/**
 * Scrolls the view's main scroll container for `durationMs` in steps of `step` px, one per
 * animation frame (down, then back up at the end), recording the frame deltas. Returns the
 * longest frame, the share of frames over 50 ms, the frame count, the scrollable height and the
 * most DOM nodes seen.
 */
export async function measureScroll(page, { view, durationMs = 3_000, step = 120 }) {
  return page.evaluate(
    ({ view, durationMs, step }) => {
      const anchor =
        view === 'tasks'
          ? document.querySelector('table[aria-label="Cluster tasks"]')
          : view === 'trace'
            ? document.querySelector('[role="tree"][aria-label="Trace timeline"] [role="treeitem"]')
            : document.querySelector('tbody');
      let container = document.scrollingElement;
      for (let node = anchor?.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (/(auto|scroll)/.test(style.overflowY) && node.scrollHeight > node.clientHeight) {
          container = node;
          break;
        }
      }
      const nodes = () => document.getElementsByTagName('*').length;
      return new Promise((resolve) => {
        const deltas = [];
        let maxNodes = nodes();
        let direction = 1;
        let last;
        let start;
        const frame = (now) => {
          if (last !== undefined) deltas.push(now - last);
          last = now;
          start ??= now;
          const max = container.scrollHeight - container.clientHeight;
          let next = container.scrollTop + direction * step;
          if (next >= max) [next, direction] = [max, -1];
          else if (next <= 0) [next, direction] = [0, 1];
          container.scrollTop = next;
          if (deltas.length % 10 === 0) maxNodes = Math.max(maxNodes, nodes());
          if (now - start < durationMs) requestAnimationFrame(frame);
          else
            resolve({
              frames: deltas.length,
              longestFrame: Math.max(0, ...deltas),
              over50Share: deltas.filter((delta) => delta > 50).length / (deltas.length || 1),
              scrollable: container.scrollHeight - container.clientHeight,
              container: container === document.scrollingElement ? 'document' : container.className,
              maxDomNodes: Math.max(maxNodes, nodes()),
            });
        };
        requestAnimationFrame(frame);
      });
    },
    { view, durationMs, step },
  );
}
