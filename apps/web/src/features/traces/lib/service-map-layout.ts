import { graphlib, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';

/** The size a node card takes on the canvas (service-map-node.tsx draws it this size). */
export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 76;

export interface LayoutInput {
  nodes: readonly { id: string }[];
  edges: readonly { source: string; target: string }[];
}

/** A node's top-left corner on the canvas (React Flow's position). */
export interface Position {
  x: number;
  y: number;
}

/**
 * Left-to-right layered layout (callers left, downstreams right) with dagre. Edges to unknown
 * nodes are ignored; a cycle (a service calling back) is broken by dagre, not by us.
 */
export function layoutServiceMap({ nodes, edges }: LayoutInput): Map<string, Position> {
  const graph = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  // The rank gap leaves room for an edge's label ("115/min · 147 ms") at its middle.
  graph.setGraph({ rankdir: 'LR', nodesep: 32, ranksep: 140, marginx: 16, marginy: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((node) => node.id));
  for (const id of ids) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target) || edge.source === edge.target) continue;
    graph.setEdge(edge.source, edge.target, {});
  }
  layout(graph);
  const positions = new Map<string, Position>();
  for (const id of ids) {
    const placed = graph.node(id) as NodeLabel | undefined;
    positions.set(id, {
      // dagre gives centres; React Flow wants the top-left corner.
      x: (placed?.x ?? 0) - NODE_WIDTH / 2,
      y: (placed?.y ?? 0) - NODE_HEIGHT / 2,
    });
  }
  return positions;
}
