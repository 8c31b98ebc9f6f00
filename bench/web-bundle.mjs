// Issue "Benchmarks and budgets", the web's bundle: what the first route loads before it can
// render (the entry script, its modulepreloads and the stylesheet of apps/web/dist/index.html),
// gzipped at level 9, against REFERENCE §7's budget of 170 KB of JS on the critical path; and the
// lazy chunks (every other JS file in dist/assets). Deterministic: one run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { root } from '../scripts/lib.mjs';

const DIST = join(root, 'apps/web/dist');
export const JS_BUDGET_KB = 170;

const kb = (bytes) => Math.round((bytes / 1024) * 100) / 100;
const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).byteLength;

/** The `/assets/...` URLs of index.html: module scripts, modulepreloads, stylesheets. */
export function criticalAssets(html) {
  const attributes = (tag) =>
    Object.fromEntries(
      [...tag.matchAll(/([a-z-]+)(?:\s*=\s*"([^"]*)")?/gi)].map(([, key, value]) => [
        key.toLowerCase(),
        value ?? '',
      ]),
    );
  const js = [];
  const css = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const { type, src } = attributes(tag);
    if (type === 'module' && src) js.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const { rel, href } = attributes(tag);
    if (!href) continue;
    if (rel === 'modulepreload') js.push(href);
    else if (rel === 'stylesheet') css.push(href);
  }
  return { js: [...new Set(js)], css: [...new Set(css)] };
}

const one = (value) => ({ median: value, min: value, max: value, runs: 1 });

export async function benchWebBundle({ log = () => {} } = {}) {
  const indexFile = join(DIST, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`${indexFile} is missing: build the web app first`);
  const { js, css } = criticalAssets(readFileSync(indexFile, 'utf8'));
  const file = (url) => join(DIST, url.replace(/^\//, '').split('?')[0]);
  const sized = (url) => {
    const path = file(url);
    return { file: url, raw: kb(readFileSync(path).byteLength), gzip: kb(gzipped(path)) };
  };
  const initialJs = js.map(sized);
  const initialCss = css.map(sized);
  const jsGzip = kb(initialJs.reduce((sum, entry) => sum + entry.gzip * 1024, 0));
  const cssGzip = kb(initialCss.reduce((sum, entry) => sum + entry.gzip * 1024, 0));

  const initial = new Set(js.map((url) => file(url)));
  const assets = join(DIST, 'assets');
  const lazyChunks = readdirSync(assets)
    .filter((name) => name.endsWith('.js') && !initial.has(join(assets, name)))
    .map((name) => sized(`/assets/${name}`))
    .sort((a, b) => b.gzip - a.gzip);
  const lazyGzip = kb(lazyChunks.reduce((sum, entry) => sum + entry.gzip * 1024, 0));

  log(
    `  initial JS ${jsGzip} KB gzipped (${initialJs.length} file(s), budget ${JS_BUDGET_KB} KB), CSS ${cssGzip} KB, ${lazyChunks.length} lazy chunk(s) ${lazyGzip} KB`,
  );
  return [
    {
      name: 'web.bundle.initial-js.gzip',
      ...one(jsGzip),
      unit: 'KB',
      budget: JS_BUDGET_KB,
      withinBudget: jsGzip <= JS_BUDGET_KB,
      overBudgetKB: Math.max(0, kb((jsGzip - JS_BUDGET_KB) * 1024)),
      files: initialJs,
      lazyChunks,
      lazyChunksGzip: lazyGzip,
    },
    { name: 'web.bundle.initial-css.gzip', ...one(cssGzip), unit: 'KB', files: initialCss },
    {
      name: 'web.bundle.initial-total.gzip',
      ...one(kb((jsGzip + cssGzip) * 1024)),
      unit: 'KB',
    },
  ];
}
