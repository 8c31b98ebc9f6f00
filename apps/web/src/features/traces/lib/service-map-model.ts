import type {
  ServiceMapEdge,
  ServiceMapNode,
  ServiceMapResponse,
  ServiceMapStats,
} from '@deckhand/shared';
import { DEFAULT_RANGE, type TimeRange } from './time-range';

/**
 * The service map's numbers: health shares, rates and the trace filters a node or edge opens.
 * X-Ray counts per window; a rate divides by the window the BFF answered for.
 */

export type Outcome = 'ok' | 'error' | 'throttle' | 'fault';
export const OUTCOMES: readonly Outcome[] = ['ok', 'error', 'throttle', 'fault'];
export const OUTCOME_LABELS: Record<Outcome, string> = {
  ok: 'OK',
  error: '4xx',
  throttle: '429',
  fault: '5xx',
};

export interface HealthShare {
  outcome: Outcome;
  count: number;
  /** 0–1 of the requests counted; 0 for all when there were none. */
  share: number;
}

/** ok / 4xx / 429 / 5xx as shares of their sum (X-Ray's total can lag its parts by a request). */
export function healthShares(stats: ServiceMapStats): HealthShare[] {
  const sum = stats.ok + stats.error + stats.throttle + stats.fault;
  return OUTCOMES.map((outcome) => ({
    outcome,
    count: stats[outcome],
    share: sum > 0 ? stats[outcome] / sum : 0,
  }));
}

/** Minutes between the answer's start and end; 0 for an empty or unreadable window. */
export function windowMinutes(window: { start: string; end: string }): number {
  const ms = Date.parse(window.end) - Date.parse(window.start);
  return Number.isFinite(ms) && ms > 0 ? ms / 60_000 : 0;
}

export function perMinute(count: number, minutes: number): number {
  return minutes > 0 ? count / minutes : 0;
}

export function formatRate(rate: number): string {
  if (rate === 0) return '0';
  if (rate < 0.1) return '<0.1';
  if (rate < 10) return rate.toFixed(1);
  return Math.round(rate).toLocaleString('en-US');
}

export function formatLatency(ms: number): string {
  if (ms <= 0) return '—';
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatShare(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

const sumStats = (all: readonly ServiceMapStats[]): ServiceMapStats => {
  const total = all.reduce((sum, stats) => sum + stats.total, 0);
  const weighted = all.reduce((sum, stats) => sum + stats.avgResponseTime * stats.total, 0);
  return {
    ok: all.reduce((sum, stats) => sum + stats.ok, 0),
    error: all.reduce((sum, stats) => sum + stats.error, 0),
    throttle: all.reduce((sum, stats) => sum + stats.throttle, 0),
    fault: all.reduce((sum, stats) => sum + stats.fault, 0),
    total,
    avgResponseTime: total > 0 ? weighted / total : 0,
  };
};

/**
 * A node's own statistics; X-Ray gives the callers' node (`client`) none, so it shows what it
 * sent: the sum of its outgoing edges.
 */
export function nodeStats(node: ServiceMapNode, edges: readonly ServiceMapEdge[]): ServiceMapStats {
  if (node.stats.total > 0 || node.type !== 'client') return node.stats;
  return sumStats(edges.filter((edge) => edge.source === node.id).map((edge) => edge.stats));
}

/** A string literal of X-Ray's filter language. */
export function filterString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The filter for the traces through a node; none for the callers' node (not a service). */
export function nodeTraceFilter(node: Pick<ServiceMapNode, 'name' | 'type'>): string | undefined {
  return node.type === 'client' ? undefined : `service(${filterString(node.name)})`;
}

/** The filter for the traces along an edge; from the callers it is the traces of the root. */
export function edgeTraceFilter(
  source: Pick<ServiceMapNode, 'name' | 'type'>,
  target: Pick<ServiceMapNode, 'name' | 'type'>,
): string | undefined {
  if (source.type === 'client') return nodeTraceFilter(target);
  if (target.type === 'client') return undefined;
  return `edge(${filterString(source.name)}, ${filterString(target.name)})`;
}

/** The traces page with a filter, the map's range and region. */
export function tracesHref(filter: string, range: TimeRange, region: string | undefined): string {
  const params = new URLSearchParams({ filter });
  if (range !== DEFAULT_RANGE) params.set('range', range);
  if (region) params.set('region', region);
  return `/traces?${params.toString()}`;
}

export const edgeKey = (edge: Pick<ServiceMapEdge, 'source' | 'target'>) =>
  `${edge.source}-${edge.target}`;

export interface NodeRow {
  node: ServiceMapNode;
  stats: ServiceMapStats;
  rate: number;
}

export interface EdgeRow {
  key: string;
  edge: ServiceMapEdge;
  source: ServiceMapNode;
  target: ServiceMapNode;
  rate: number;
}

/** The map as rows: nodes busiest first, edges in the order of their source and target rows. */
export function mapRows(answer: ServiceMapResponse): { nodes: NodeRow[]; edges: EdgeRow[] } {
  const minutes = windowMinutes(answer);
  const nodes = answer.nodes
    .map((node) => {
      const stats = nodeStats(node, answer.edges);
      return { node, stats, rate: perMinute(stats.total, minutes) };
    })
    .sort((a, b) => b.stats.total - a.stats.total || a.node.name.localeCompare(b.node.name));
  const order = new Map(nodes.map((row, index) => [row.node.id, index]));
  const byId = new Map(answer.nodes.map((node) => [node.id, node]));
  const edges: EdgeRow[] = [];
  for (const edge of answer.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    edges.push({
      key: edgeKey(edge),
      edge,
      source,
      target,
      rate: perMinute(edge.stats.total, minutes),
    });
  }
  const rank = (row: EdgeRow) => [order.get(row.source.id) ?? 0, order.get(row.target.id) ?? 0];
  edges.sort((a, b) => {
    const [as, at] = rank(a);
    const [bs, bt] = rank(b);
    return (as ?? 0) - (bs ?? 0) || (at ?? 0) - (bt ?? 0);
  });
  return { nodes, edges };
}

/** A readable name for an X-Ray node type. */
export function typeLabel(type: string): string {
  if (type === 'client') return 'Callers';
  if (type === 'remote') return 'Remote';
  if (type === 'Database::SQL') return 'SQL database';
  return type.startsWith('AWS::') ? type.slice('AWS::'.length).replace(/::/g, ' ') : type;
}
