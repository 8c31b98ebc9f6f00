import type { ServiceMapResponse, ServiceMapStats } from '@deckhand/shared';
import type { CSSProperties } from 'react';
import { MarkerType, Position, type Edge, type Node } from '@xyflow/react';
import { layoutServiceMap } from './service-map-layout';
import {
  formatLatency,
  formatRate,
  formatShare,
  healthShares,
  mapRows,
  OUTCOME_LABELS,
  typeLabel,
  type HealthShare,
} from './service-map-model';

/** What is selected on the map: a node by X-Ray's reference id, or an edge by `source-target`. */
export type MapSelection = { kind: 'node'; id: number } | { kind: 'edge'; key: string };

export type ServiceNodeData = {
  name: string;
  typeLabel: string;
  rate: string;
  latency: string;
  shares: HealthShare[];
};

export type ServiceFlowNode = Node<ServiceNodeData, 'service'>;

/** How an edge looks: red with 1% faults or more, amber with 5% client errors or throttles. */
export type EdgeTone = 'ok' | 'warning' | 'fault';

export function edgeTone(stats: ServiceMapStats): EdgeTone {
  const sum = stats.ok + stats.error + stats.throttle + stats.fault;
  if (sum === 0) return 'ok';
  if (stats.fault / sum >= 0.01) return 'fault';
  return (stats.error + stats.throttle) / sum >= 0.05 ? 'warning' : 'ok';
}

/*
 * A degraded edge's colour, set as React Flow's stroke variable on its path: the stylesheet
 * still switches to the selection colour when the edge is selected or focused.
 */
const TONE_COLOR: Record<EdgeTone, string | undefined> = {
  ok: undefined,
  warning: '#f59e0b',
  fault: '#ef4444',
};

/** "94% OK, 2% 4xx, 3% 429, 1% 5xx": the non-empty shares in words. */
export function describeShares(shares: readonly HealthShare[]): string {
  const said = shares
    .filter((share) => share.count > 0)
    .map((share) => `${formatShare(share.share)} ${OUTCOME_LABELS[share.outcome]}`);
  return said.length > 0 ? said.join(', ') : 'no requests';
}

const stroke = (rate: number, busiest: number) =>
  busiest > 0 ? 1.25 + (2.5 * Math.log1p(rate)) / Math.log1p(busiest) : 1.25;

/**
 * The answer as React Flow nodes and edges, laid out left to right, each with an accessible
 * name that says what the card and the edge label show.
 */
export function flowElements(
  answer: ServiceMapResponse,
  selection: MapSelection | undefined,
): { nodes: ServiceFlowNode[]; edges: Edge[] } {
  const rows = mapRows(answer);
  const positions = layoutServiceMap({
    nodes: rows.nodes.map((row) => ({ id: String(row.node.id) })),
    edges: rows.edges.map((row) => ({
      source: String(row.source.id),
      target: String(row.target.id),
    })),
  });
  const nodes = rows.nodes.map((row): ServiceFlowNode => {
    const id = String(row.node.id);
    const shares = healthShares(row.stats);
    const data: ServiceNodeData = {
      name: row.node.name,
      typeLabel: typeLabel(row.node.type),
      rate: formatRate(row.rate),
      latency: formatLatency(row.stats.avgResponseTime),
      shares,
    };
    return {
      id,
      type: 'service',
      position: positions.get(id) ?? { x: 0, y: 0 },
      data,
      selected: selection?.kind === 'node' && selection.id === row.node.id,
      draggable: false,
      connectable: false,
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      ariaRole: 'button',
      ariaLabel: `${data.name} (${data.typeLabel}): ${data.rate} requests/min, average ${data.latency}, ${describeShares(shares)}`,
      // React Flow's stylesheet removes the wrapper's outline; the card shows focus instead.
      className: 'group',
    };
  });
  const busiest = Math.max(0, ...rows.edges.map((row) => row.rate));
  const edges = rows.edges.map((row): Edge => {
    const label = `${formatRate(row.rate)}/min · ${formatLatency(row.edge.stats.avgResponseTime)}`;
    const tone = edgeTone(row.edge.stats);
    const color = TONE_COLOR[tone];
    return {
      id: row.key,
      source: String(row.source.id),
      target: String(row.target.id),
      label,
      selected: selection?.kind === 'edge' && selection.key === row.key,
      markerEnd: {
        type: MarkerType.ArrowClosed,
        width: 16,
        height: 16,
        ...(color ? { color } : {}),
      },
      style: {
        strokeWidth: stroke(row.rate, busiest),
        ...(color ? ({ '--xy-edge-stroke': color } as CSSProperties) : {}),
      },
      labelStyle: { fontSize: 11, fontWeight: 500 },
      labelBgPadding: [4, 2],
      labelBgBorderRadius: 4,
      ariaRole: 'button',
      ariaLabel: `${row.source.name} to ${row.target.name}: ${label.replace('/min', ' requests/min').replace(' · ', ', average ')}, ${describeShares(healthShares(row.edge.stats))}`,
    };
  });
  return { nodes, edges };
}
