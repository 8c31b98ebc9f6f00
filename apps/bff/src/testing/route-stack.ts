import type { Express } from 'express';

/** One layer of an Express 5 router stack, as far as walking it needs. */
interface Layer {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean | undefined> };
  handle?: { stack?: unknown };
}

const join = (prefix: string, path: string) =>
  `${prefix}${path === '/' ? '' : path}`.replace(/\/{2,}/g, '/') || '/';

function walk(stack: unknown, prefix: string, out: string[]): void {
  if (!Array.isArray(stack)) return;
  for (const layer of stack as Layer[]) {
    if (layer.route) {
      const path =
        typeof layer.route.path === 'string' ? layer.route.path : String(layer.route.path);
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all') out.push(`${method.toUpperCase()} ${join(prefix, path)}`);
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '';
      walk(layer.handle.stack, join(prefix, mount), out);
    }
  }
}

/**
 * Every `METHOD /path` the app routes under `prefix`, found by walking its router stack
 * (routers mounted with `use`, routes declared with get/post/...), sorted and deduplicated.
 */
export function routesOf(app: Express, prefix: string): string[] {
  const out: string[] = [];
  walk((app as unknown as { router: { stack: unknown } }).router.stack, '', out);
  return [...new Set(out)]
    .filter((route) => route.split(' ')[1]?.startsWith(`${prefix}/`))
    .map((route) => route.replace(` ${prefix}/`, ' /'))
    .sort();
}
