import { Link } from 'react-router';
import { LINK, MUTED, PANEL, ROW, TABLE_HEAD } from '../../../components/ui/styles';
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
import { STATS_HEADERS, StatsCells } from './service-map-stats';

const CELL = 'px-3 py-2';
const SELECT =
  'rounded text-left font-medium hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 aria-pressed:text-sky-700 dark:aria-pressed:text-sky-300';

interface Links {
  range: TimeRange;
  region: string | undefined;
  ecsServices: readonly EcsServiceRef[];
}

function Head({ first }: { first: string[] }) {
  return (
    <thead className={TABLE_HEAD}>
      <tr>
        {[...first, ...STATS_HEADERS].map((name, index) => (
          <th
            key={name}
            scope="col"
            className={`${CELL} ${index < first.length ? 'text-left' : 'text-right'}`}
          >
            {name}
          </th>
        ))}
        <th scope="col" className={`${CELL} text-left`}>
          Open
        </th>
      </tr>
    </thead>
  );
}

/**
 * The map as tables, for keyboard and screen-reader users (and for reading exact numbers): a
 * node's or an edge's name selects it, the last column opens its traces or its ECS service.
 */
export function ServiceMapTables({
  nodes,
  edges,
  selection,
  onSelect,
  links,
}: {
  nodes: readonly NodeRow[];
  edges: readonly EdgeRow[];
  selection: MapSelection | undefined;
  onSelect: (selection: MapSelection) => void;
  links: Links;
}) {
  const href = (filter: string) => tracesHref(filter, links.range, links.region);
  return (
    <div className="space-y-4">
      <div className={`${PANEL} overflow-x-auto`}>
        <table aria-label="Service map nodes" className="w-full text-sm">
          <Head first={['Name', 'Type']} />
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {nodes.map(({ node, stats, rate }) => {
              const filter = nodeTraceFilter(node);
              return (
                <tr key={node.id} className={ROW}>
                  <th scope="row" className={`${CELL} text-left`}>
                    <button
                      type="button"
                      aria-pressed={selection?.kind === 'node' && selection.id === node.id}
                      onClick={() => onSelect({ kind: 'node', id: node.id })}
                      className={SELECT}
                    >
                      {node.name}
                    </button>
                  </th>
                  <td className={`${CELL} ${MUTED}`}>{typeLabel(node.type)}</td>
                  <StatsCells stats={stats} rate={rate} />
                  <td className={`${CELL} space-x-3 whitespace-nowrap`}>
                    {filter && (
                      <Link
                        to={href(filter)}
                        aria-label={`Traces through ${node.name}`}
                        className={LINK}
                      >
                        Traces
                      </Link>
                    )}
                    {ecsServicesOf(node, links.ecsServices).map((ref, _, all) => (
                      <Link
                        key={`${ref.cluster}/${ref.service}`}
                        to={ecsServiceHref(ref, links.region)}
                        aria-label={`ECS service ${ref.service} in ${ref.cluster}`}
                        className={LINK}
                      >
                        {all.length > 1 ? `Service (${ref.cluster})` : 'Service'}
                      </Link>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className={`${PANEL} overflow-x-auto`}>
        <table aria-label="Service map edges" className="w-full text-sm">
          <Head first={['From', 'To']} />
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {edges.map(({ key, edge, source, target, rate }) => {
              const filter = edgeTraceFilter(source, target);
              return (
                <tr key={key} className={ROW}>
                  <th scope="row" className={`${CELL} text-left`}>
                    <button
                      type="button"
                      aria-pressed={selection?.kind === 'edge' && selection.key === key}
                      aria-label={`${source.name} to ${target.name}`}
                      onClick={() => onSelect({ kind: 'edge', key })}
                      className={SELECT}
                    >
                      {source.name}
                    </button>
                  </th>
                  <td className={CELL}>{target.name}</td>
                  <StatsCells stats={edge.stats} rate={rate} />
                  <td className={CELL}>
                    {filter && (
                      <Link
                        to={href(filter)}
                        aria-label={`Traces from ${source.name} to ${target.name}`}
                        className={LINK}
                      >
                        Traces
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
