import { Handle, Position, type NodeProps } from '@xyflow/react';
import { NODE_HEIGHT, NODE_WIDTH } from '../lib/service-map-layout';
import type { ServiceFlowNode } from '../lib/service-map-flow';
import { HealthRing } from './service-map-ring';

/**
 * A service on the map: health ring, name, type, requests per minute and average latency. The
 * handles only anchor the edges (nothing is connected by hand), so they are invisible.
 */
export function ServiceMapNode({ data, selected }: NodeProps<ServiceFlowNode>) {
  return (
    <div
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      className={`flex items-center gap-2.5 rounded-lg border bg-white px-3 text-left text-slate-900 shadow-sm group-focus-visible:ring-2 group-focus-visible:ring-sky-500 group-focus-visible:ring-offset-2 dark:bg-slate-900 dark:text-slate-100 dark:group-focus-visible:ring-offset-slate-950 ${
        selected
          ? 'border-sky-600 ring-2 ring-sky-500 dark:border-sky-400'
          : 'border-slate-300 hover:border-slate-400 dark:border-slate-600 dark:hover:border-slate-500'
      }`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="opacity-0" />
      <HealthRing shares={data.shares} />
      <div className="min-w-0">
        <p className="truncate text-sm font-semibold" title={data.name}>
          {data.name}
        </p>
        <p className="truncate text-xs text-slate-600 dark:text-slate-400">{data.typeLabel}</p>
        <p className="truncate text-xs text-slate-700 tabular-nums dark:text-slate-300">
          {data.rate}/min · {data.latency}
        </p>
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} className="opacity-0" />
    </div>
  );
}
