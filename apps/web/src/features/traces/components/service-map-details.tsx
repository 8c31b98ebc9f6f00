import { Link } from 'react-router';
import { LINK, MUTED, PANEL } from '../../../components/ui/styles';
import { ecsServiceHref, ecsServicesOf, type EcsServiceRef } from '../lib/service-map-ecs';
import type { MapSelection } from '../lib/service-map-flow';
import {
  edgeTraceFilter,
  nodeTraceFilter,
  tracesHref,
  typeLabel,
  type EdgeRow,
  type NodeRow,
} from '../lib/service-map-model';
import type { TimeRange } from '../lib/time-range';
import { LatencyHistogram } from './service-map-histogram';
import { RingLegend, StatsList } from './service-map-stats';

const CLOSE =
  'rounded px-1.5 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-slate-400 dark:hover:bg-slate-800 dark:hover:text-slate-100';

/**
 * The selected node or edge: its numbers, its response-time histogram, and the way on to its
 * traces (and, for an ECS service, to its service page). A hint when nothing is selected.
 */
export function ServiceMapDetails({
  selection,
  nodes,
  edges,
  range,
  region,
  ecsServices,
  onClose,
}: {
  selection: MapSelection | undefined;
  nodes: readonly NodeRow[];
  edges: readonly EdgeRow[];
  range: TimeRange;
  region: string | undefined;
  ecsServices: readonly EcsServiceRef[];
  onClose: () => void;
}) {
  const nodeRow =
    selection?.kind === 'node' ? nodes.find((row) => row.node.id === selection.id) : undefined;
  const edgeRow =
    selection?.kind === 'edge' ? edges.find((row) => row.key === selection.key) : undefined;

  if (!nodeRow && !edgeRow) {
    return (
      <aside aria-label="Selection" className={`${PANEL} space-y-3 p-4 text-sm`}>
        <p className={MUTED}>
          Select a node or an edge (click it, or Tab to it and press Enter) to see its response
          times and open its traces.
        </p>
        <RingLegend />
      </aside>
    );
  }

  const title = nodeRow ? nodeRow.node.name : `${edgeRow?.source.name} → ${edgeRow?.target.name}`;
  const subtitle = nodeRow
    ? `${typeLabel(nodeRow.node.type)}${nodeRow.node.root ? ' · entry point' : ''}`
    : 'Calls between two nodes';
  const filter = nodeRow
    ? nodeTraceFilter(nodeRow.node)
    : edgeRow && edgeTraceFilter(edgeRow.source, edgeRow.target);
  const stats = nodeRow?.stats ?? edgeRow?.edge.stats;
  const rate = nodeRow?.rate ?? edgeRow?.rate ?? 0;
  const services = nodeRow ? ecsServicesOf(nodeRow.node, ecsServices) : [];

  return (
    <aside aria-labelledby="service-map-selection" className={`${PANEL} space-y-3 p-4`}>
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id="service-map-selection" className="truncate font-semibold" title={title}>
            {title}
          </h2>
          <p className={`text-xs ${MUTED}`}>{subtitle}</p>
        </div>
        <button type="button" onClick={onClose} aria-label="Close details" className={CLOSE}>
          ×
        </button>
      </div>
      {stats && <StatsList stats={stats} rate={rate} />}
      <div className="flex flex-col gap-1 text-sm">
        {filter && (
          <Link to={tracesHref(filter, range, region)} className={LINK}>
            {nodeRow
              ? `Traces through ${nodeRow.node.name}`
              : `Traces from ${edgeRow?.source.name} to ${edgeRow?.target.name}`}
            <span aria-hidden="true"> →</span>
          </Link>
        )}
        {services.map((ref) => (
          <Link
            key={`${ref.cluster}/${ref.service}`}
            to={ecsServiceHref(ref, region)}
            className={LINK}
          >
            ECS service {ref.service} in {ref.cluster}
            <span aria-hidden="true"> →</span>
          </Link>
        ))}
      </div>
      <LatencyHistogram
        subject={title}
        histogram={nodeRow ? nodeRow.node.histogram : edgeRow?.edge.histogram}
      />
    </aside>
  );
}
