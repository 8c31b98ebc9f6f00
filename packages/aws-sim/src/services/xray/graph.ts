import { CLIENT, type Sample, type ServiceRef, type TraceFacts } from './analysis.js';
import { seconds } from './json.js';
import { serviceId, Statistics } from './shapes.js';

/** Which calls count: those that ended inside the window (all of them for a trace graph). */
export interface GraphWindow {
  start: number;
  end: number;
}

interface Span {
  start: number;
  end: number;
}

interface EdgeBuild extends Span {
  to: ServiceRef;
  stats: Statistics;
}

interface NodeBuild extends Span {
  ref: ServiceRef;
  root: boolean;
  stats: Statistics;
  durations: Statistics;
  edges: Map<string, EdgeBuild>;
}

const inWindow = (sample: Sample, window: GraphWindow | undefined) =>
  !window || (sample.end >= window.start && sample.end <= window.end);

const widen = (span: Span, sample: Sample) => {
  span.start = Math.min(span.start, sample.start);
  span.end = Math.max(span.end, sample.end);
};

/** Client first, then by name and type: stable ReferenceIds for the same data. */
const order = (a: NodeBuild, b: NodeBuild) => {
  if (a.ref.type === 'client' || b.ref.type === 'client') return a.ref.type === 'client' ? -1 : 1;
  // Code-point order, not localeCompare: the same ids on every machine whatever its locale.
  const byName =
    (a.ref.name ?? '') < (b.ref.name ?? '') ? -1 : (a.ref.name ?? '') > (b.ref.name ?? '') ? 1 : 0;
  return byName || (a.ref.key < b.ref.key ? -1 : a.ref.key > b.ref.key ? 1 : 0);
};

/**
 * The `Services` of GetServiceGraph and GetTraceGraph: one node per service (a client node for
 * callers outside the traces), edges with the statistics of the calls along them, histograms.
 */
export function buildServices(
  traces: readonly TraceFacts[],
  accountId: string,
  window?: GraphWindow,
) {
  const nodes = new Map<string, NodeBuild>();
  const node = (ref: ServiceRef) => {
    let found = nodes.get(ref.key);
    if (!found) {
      found = {
        ref,
        root: false,
        stats: new Statistics(),
        durations: new Statistics(),
        edges: new Map(),
        start: Infinity,
        end: -Infinity,
      };
      nodes.set(ref.key, found);
    }
    return found;
  };

  for (const facts of traces) {
    const seen = new Set<string>();
    for (const { node: ref, sample } of facts.nodeSamples) {
      if (!inWindow(sample, window)) continue;
      const target = node(ref);
      target.stats.add(sample.outcome, sample.end - sample.start);
      widen(target, sample);
      if (facts.entry?.key === ref.key) target.root = true;
      // DurationHistogram: how long the whole traces through this node took.
      if (facts.duration !== undefined && !seen.has(ref.key))
        target.durations.add(sample.outcome, facts.duration);
      seen.add(ref.key);
    }
    for (const { from, to, sample } of facts.edgeSamples) {
      if (!inWindow(sample, window)) continue;
      const source = node(from.key === CLIENT.key ? CLIENT : from);
      node(to);
      widen(source, sample);
      let edge = source.edges.get(to.key);
      if (!edge) {
        edge = { to, stats: new Statistics(), start: Infinity, end: -Infinity };
        source.edges.set(to.key, edge);
      }
      edge.stats.add(sample.outcome, sample.end - sample.start);
      widen(edge, sample);
    }
  }

  const sorted = [...nodes.values()].sort(order);
  const referenceIds = new Map(sorted.map((item, index) => [item.ref.key, index]));
  const span = (item: Span) => {
    if (window) return { StartTime: window.start, EndTime: window.end };
    // A node only ever called by in-progress segments has no completed call to time.
    if (!Number.isFinite(item.start)) return {};
    return { StartTime: seconds(item.start), EndTime: seconds(item.end) };
  };

  return sorted.map((item) => {
    const isClient = item.ref.type === 'client';
    return {
      ReferenceId: referenceIds.get(item.ref.key),
      ...serviceId(item.ref, accountId),
      ...(isClient ? {} : { Root: item.root }),
      State: isClient ? 'unknown' : 'active',
      ...span(item),
      Edges: [...item.edges.values()]
        .sort((a, b) => (referenceIds.get(a.to.key) ?? 0) - (referenceIds.get(b.to.key) ?? 0))
        .map((edge) => ({
          ReferenceId: referenceIds.get(edge.to.key),
          ...span(edge),
          SummaryStatistics: edge.stats.summary(),
          ResponseTimeHistogram: edge.stats.histogramEntries(),
          Aliases: [],
        })),
      // The client only calls; it is never called, so it has no statistics of its own.
      ...(isClient
        ? {}
        : {
            SummaryStatistics: item.stats.summary(),
            DurationHistogram: item.durations.histogramEntries(),
            ResponseTimeHistogram: item.stats.histogramEntries(),
          }),
    };
  });
}
