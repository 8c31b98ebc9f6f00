import '@xyflow/react/dist/style.css';
import type { ServiceMapResponse } from '@deckhand/shared';
import {
  Background,
  Controls,
  ReactFlow,
  type EdgeChange,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import { useMemo } from 'react';
import { flowElements, type MapSelection, type ServiceFlowNode } from '../lib/service-map-flow';
import { ServiceMapNode } from './service-map-node';

const NODE_TYPES: NodeTypes = { service: ServiceMapNode };

/*
 * React Flow's colours as CSS variables on the wrapper (its stylesheet reads `--xy-…` before its
 * defaults), light and dark, so edges, labels and controls stay readable in both themes.
 */
const THEME = [
  '[--xy-edge-stroke:#94a3b8] dark:[--xy-edge-stroke:#64748b]',
  '[--xy-edge-stroke-selected:#0284c7] dark:[--xy-edge-stroke-selected:#38bdf8]',
  '[--xy-edge-label-background-color:#ffffff] dark:[--xy-edge-label-background-color:#0f172a]',
  '[--xy-edge-label-color:#334155] dark:[--xy-edge-label-color:#e2e8f0]',
  '[--xy-background-pattern-dots-color:#cbd5e1] dark:[--xy-background-pattern-dots-color:#334155]',
  '[--xy-controls-button-background-color:#ffffff] dark:[--xy-controls-button-background-color:#1e293b]',
  '[--xy-controls-button-background-color-hover:#f1f5f9] dark:[--xy-controls-button-background-color-hover:#334155]',
  '[--xy-controls-button-color:#1e293b] dark:[--xy-controls-button-color:#f1f5f9]',
  '[--xy-controls-button-color-hover:#0f172a] dark:[--xy-controls-button-color-hover:#ffffff]',
  '[--xy-controls-button-border-color:#e2e8f0] dark:[--xy-controls-button-border-color:#475569]',
  '[--xy-attribution-background-color:rgb(255_255_255/0.8)] dark:[--xy-attribution-background-color:rgb(15_23_42/0.8)]',
  // The attribution link's grey is too faint on either background (its rule is unlayered).
  '[&_a]:text-slate-700! dark:[&_a]:text-slate-300!',
].join(' ');

/**
 * The map as a graph: laid out left to right, panned and zoomed, nodes and edges focusable.
 * Clicking one (or Enter on it) selects it; the page shows its details.
 */
export function ServiceMapGraph({
  answer,
  selection,
  onSelect,
}: {
  answer: ServiceMapResponse;
  selection: MapSelection | undefined;
  onSelect: (selection: MapSelection | undefined) => void;
}) {
  const { nodes, edges } = useMemo(() => flowElements(answer, selection), [answer, selection]);
  // A different set of nodes is a different picture: fit it into view again.
  const shape = nodes.map((node) => node.id).join(',');

  const onNodesChange = (changes: NodeChange<ServiceFlowNode>[]) => {
    const picked = changes.find((change) => change.type === 'select' && change.selected);
    if (picked && 'id' in picked) onSelect({ kind: 'node', id: Number(picked.id) });
  };
  const onEdgesChange = (changes: EdgeChange[]) => {
    const picked = changes.find((change) => change.type === 'select' && change.selected);
    if (picked && 'id' in picked) onSelect({ kind: 'edge', key: picked.id });
  };

  return (
    <div
      className={`h-[28rem] overflow-hidden rounded-lg border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-950 ${THEME}`}
    >
      <ReactFlow
        key={shape}
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onPaneClick={() => onSelect(undefined)}
        nodesDraggable={false}
        nodesConnectable={false}
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ padding: 0.1, maxZoom: 1.1 }}
        minZoom={0.2}
        aria-label="Service map graph"
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
