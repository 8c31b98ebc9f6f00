import type { PalettePatterns } from './palette-patterns';

/**
 * The command palette's matching: every source (pages, clusters, services, task definition
 * families, repositories) plus what the typed identifier names, scored by a forgiving substring
 * match, capped, and grouped by kind. Pure: the component feeds it what the queries hold.
 */

export type PaletteKind =
  'task' | 'trace' | 'revision' | 'page' | 'cluster' | 'service' | 'family' | 'repository';

export interface PaletteItem {
  /** Unique within one result list (the option's DOM id derives from it). */
  id: string;
  kind: PaletteKind;
  label: string;
  /** Secondary text: a service's cluster, a family's latest revision. */
  detail?: string;
  /** Where choosing it goes (without `?region=`; the palette keeps the region). */
  path: string;
}

export interface PaletteGroup {
  kind: PaletteKind;
  label: string;
  items: PaletteItem[];
}

export interface PaletteSources {
  clusters: readonly string[];
  services: readonly { cluster: string; service: string }[];
  families: readonly { name: string; latestRevision?: number }[];
  repositories: readonly string[];
  /** Clusters where the typed task id was found. */
  taskHits: readonly { cluster: string; taskId: string }[];
}

export const MAX_RESULTS = 50;

export const GROUP_LABELS: Record<PaletteKind, string> = {
  task: 'Tasks',
  trace: 'Traces',
  revision: 'Task definition revisions',
  page: 'Pages',
  cluster: 'Clusters',
  service: 'Services',
  family: 'Task definition families',
  repository: 'Repositories',
};

const KIND_ORDER: readonly PaletteKind[] = Object.keys(GROUP_LABELS) as PaletteKind[];

export const PAGES: readonly { label: string; path: string }[] = [
  { label: 'Clusters', path: '/clusters' },
  { label: 'Task definitions', path: '/task-definitions' },
  { label: 'Registry', path: '/registry' },
  { label: 'Traces', path: '/traces' },
  { label: 'Service map', path: '/service-map' },
];

const enc = encodeURIComponent;

/** How well one query token matches a text: lower is better, undefined is no match. */
export function tokenScore(text: string, token: string): number | undefined {
  const hay = text.toLowerCase();
  if (hay === token) return 0;
  if (hay.startsWith(token)) return 1;
  const at = hay.indexOf(token);
  if (at > 0) return /[\s/_.:-]/.test(hay.charAt(at - 1)) ? 2 : 3;
  // Letters in order with gaps ("pweb" finds "prod-web"), only for tokens long enough to mean it.
  if (token.length < 3) return undefined;
  let from = 0;
  for (const char of token) {
    from = hay.indexOf(char, from) + 1;
    if (from === 0) return undefined;
  }
  return 6;
}

/** Every token must match the label or, less well, the detail; undefined is no match. */
export function itemScore(item: PaletteItem, tokens: readonly string[]): number | undefined {
  let total = 0;
  for (const token of tokens) {
    const onLabel = tokenScore(item.label, token);
    const onDetail = item.detail === undefined ? undefined : tokenScore(item.detail, token);
    const best = onLabel ?? (onDetail === undefined ? undefined : onDetail + 2);
    if (best === undefined) return undefined;
    total += best;
  }
  return total;
}

function patternItems(patterns: PalettePatterns, taskHits: PaletteSources['taskHits']) {
  const items: PaletteItem[] = [];
  const tasks = patterns.task ? [patterns.task, ...taskHits] : taskHits;
  for (const { cluster, taskId } of tasks) {
    items.push({
      id: `task:${cluster}:${taskId}`,
      kind: 'task',
      label: `Task ${taskId} in ${cluster}`,
      path: `/clusters/${enc(cluster)}/tasks/${enc(taskId)}`,
    });
  }
  if (patterns.traceId)
    items.push({
      id: `trace:${patterns.traceId}`,
      kind: 'trace',
      label: `Trace ${patterns.traceId}`,
      path: `/traces/${enc(patterns.traceId)}`,
    });
  if (patterns.taskDefinition) {
    const { family, revision } = patterns.taskDefinition;
    items.push({
      id: `revision:${family}:${revision}`,
      kind: 'revision',
      label: `Task definition ${family}:${revision}`,
      path: `/task-definitions/${enc(family)}/${revision}`,
    });
  }
  return items;
}

/** Everything the palette can offer by name, before matching. */
export function catalogItems(sources: PaletteSources): PaletteItem[] {
  return [
    ...PAGES.map((page) => ({ id: `page:${page.path}`, kind: 'page' as const, ...page })),
    ...sources.clusters.map((cluster) => ({
      id: `cluster:${cluster}`,
      kind: 'cluster' as const,
      label: cluster,
      path: `/clusters/${enc(cluster)}`,
    })),
    ...sources.services.map(({ cluster, service }) => ({
      id: `service:${cluster}:${service}`,
      kind: 'service' as const,
      label: service,
      detail: cluster,
      path: `/clusters/${enc(cluster)}/services/${enc(service)}`,
    })),
    ...sources.families.map(({ name, latestRevision }) => ({
      id: `family:${name}`,
      kind: 'family' as const,
      label: name,
      ...(latestRevision === undefined ? {} : { detail: `latest :${latestRevision}` }),
      path: `/task-definitions/${enc(name)}`,
    })),
    ...sources.repositories.map((name) => ({
      id: `repository:${name}`,
      kind: 'repository' as const,
      label: name,
      path: `/registry/${enc(name)}`,
    })),
  ];
}

/**
 * The results for a query: identifier hits first, then named items by score (ties: kind order,
 * then shorter and alphabetical labels, or the sources' order when nothing is typed), at most
 * `limit`, grouped by kind with the groups in the order of their best item.
 */
export function searchPalette(
  query: string,
  patterns: PalettePatterns,
  sources: PaletteSources,
  limit: number = MAX_RESULTS,
): PaletteGroup[] {
  const tokens = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const scored: { item: PaletteItem; score: number }[] = patternItems(
    patterns,
    sources.taskHits,
  ).map((item) => ({ item, score: -1 }));
  for (const item of catalogItems(sources)) {
    const score = itemScore(item, tokens);
    if (score !== undefined) scored.push({ item, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      KIND_ORDER.indexOf(a.item.kind) - KIND_ORDER.indexOf(b.item.kind) ||
      // Nothing typed: the sources' own order (pages as the navigation shows them).
      (tokens.length === 0
        ? 0
        : a.item.label.length - b.item.label.length || a.item.label.localeCompare(b.item.label)),
  );
  const groups = new Map<PaletteKind, PaletteGroup>();
  const seen = new Set<string>();
  for (const { item } of scored) {
    if (seen.has(item.id)) continue;
    if (seen.size >= limit) break;
    seen.add(item.id);
    const group = groups.get(item.kind);
    if (group) group.items.push(item);
    else groups.set(item.kind, { kind: item.kind, label: GROUP_LABELS[item.kind], items: [item] });
  }
  return [...groups.values()];
}
