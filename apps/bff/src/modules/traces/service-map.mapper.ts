import type {
  EdgeStatistics,
  HistogramEntry,
  Service as SdkService,
  ServiceStatistics,
} from '@aws-sdk/client-xray';
import type { ServiceMapEdge, ServiceMapNode, ServiceMapStats } from '@deckhand/shared';
import { secondsToMs } from './traces.mapper.js';

const count = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? 0 : Math.max(0, Math.round(value));

/**
 * X-Ray's statistics → ok / error / throttle / fault that add up to total. X-Ray counts 429s
 * inside its 4xx ErrorStatistics.TotalCount; here `error` is the other 4xx, as the console
 * colours them apart.
 */
export function toStats(stats: ServiceStatistics | EdgeStatistics | undefined): ServiceMapStats {
  const total = count(stats?.TotalCount);
  const clientErrors = count(stats?.ErrorStatistics?.TotalCount);
  const throttle = Math.min(count(stats?.ErrorStatistics?.ThrottleCount), clientErrors);
  const fault = count(stats?.FaultStatistics?.TotalCount);
  return {
    ok:
      stats?.OkCount === undefined
        ? Math.max(0, total - clientErrors - fault)
        : count(stats.OkCount),
    error: clientErrors - throttle,
    throttle,
    fault,
    total,
    avgResponseTime: total > 0 ? secondsToMs((stats?.TotalResponseTime ?? 0) / total) : 0,
  };
}

function histogramOf(
  entries: HistogramEntry[] | undefined,
): { histogram: { value: number; count: number }[] } | Record<string, never> {
  if (!entries || entries.length === 0) return {};
  return {
    histogram: entries.map((entry) => ({
      value: secondsToMs(entry.Value),
      count: count(entry.Count),
    })),
  };
}

/**
 * GetServiceGraph's services (every page) → nodes and edges. A service seen on two pages is kept
 * once; an edge to a service that is not in the graph is dropped, so every edge joins two nodes.
 */
export function toServiceMap(services: readonly SdkService[]): {
  nodes: ServiceMapNode[];
  edges: ServiceMapEdge[];
} {
  const byId = new Map<number, SdkService>();
  for (const service of services) {
    if (service.ReferenceId !== undefined && !byId.has(service.ReferenceId)) {
      byId.set(service.ReferenceId, service);
    }
  }
  const nodes: ServiceMapNode[] = [];
  const edges: ServiceMapEdge[] = [];
  for (const [id, service] of byId) {
    nodes.push({
      id,
      // X-Ray's node for the callers of a root service has no name.
      name:
        service.Name ?? service.Names?.[0] ?? (service.Type === 'client' ? 'Clients' : 'unknown'),
      names: service.Names ?? (service.Name ? [service.Name] : []),
      type: service.Type ?? 'unknown',
      root: service.Root === true,
      stats: toStats(service.SummaryStatistics),
      ...histogramOf(service.ResponseTimeHistogram),
    });
    for (const edge of service.Edges ?? []) {
      if (edge.ReferenceId === undefined || !byId.has(edge.ReferenceId)) continue;
      edges.push({
        source: id,
        target: edge.ReferenceId,
        stats: toStats(edge.SummaryStatistics),
        ...histogramOf(edge.ResponseTimeHistogram),
      });
    }
  }
  return { nodes, edges };
}
