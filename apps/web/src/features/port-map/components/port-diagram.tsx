import type { PortMapRow } from '@deckhand/shared';
import { Link } from 'react-router';
import { CopyButton } from '../../../components/ui/copy-button';
import { describePath, entryLabel, portKindLegend, type PortRange } from '../lib/port-explanations';
import {
  hostName,
  portKind,
  shortTaskId,
  targetGroupName,
  type TargetGroupGroup,
} from '../lib/port-map-selectors';
import { serviceHref, taskHref } from '../lib/port-map-view';
import { PortBadge } from './port-badge';

const COLUMNS =
  'grid grid-cols-1 gap-x-6 md:grid-cols-[minmax(12rem,1fr)_minmax(13rem,1fr)_minmax(13rem,1fr)]';
/** The connector drawn in front of a column: a line from the previous one, hidden from readers. */
const ARROW = 'hidden select-none text-slate-500 md:inline dark:text-slate-400';
/** The target group's column draws one line down the card, joining it to each of its hosts. */
const ENTRY_CELL = 'md:border-r-2 md:border-slate-200 md:pr-3 md:dark:border-slate-700';
/** A new host in the same target group starts below a thin rule. */
const NEW_HOST = 'mt-1 border-t border-slate-100 pt-2.5 pb-1.5 dark:border-slate-800';
const LINK =
  'rounded font-mono text-sky-800 underline-offset-2 hover:underline focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none dark:text-sky-300';

interface Links {
  cluster: string;
  region: string | undefined;
}

function EntryCell({ group, links }: { group: TargetGroupGroup; links: Links }) {
  const name = group.targetGroupArn ? targetGroupName(group.targetGroupArn) : undefined;
  return (
    <div className="space-y-1">
      <p className="font-medium text-slate-900 dark:text-slate-100">
        {name
          ? `target group ${name}`
          : group.loadBalancerName
            ? 'Classic Load Balancer'
            : 'No load balancer'}
      </p>
      {group.loadBalancerName && (
        <p className="text-xs text-slate-600 dark:text-slate-300">
          load balancer {group.loadBalancerName}
        </p>
      )}
      {group.targetGroupArn && name && (
        <p className="flex items-start gap-2">
          <span className="font-mono text-xs break-all text-slate-600 dark:text-slate-300">
            {group.targetGroupArn}
          </span>
          <CopyButton value={group.targetGroupArn} label={`target group ARN ${name}`} />
        </p>
      )}
      {group.services.map((service) => (
        <p key={service} className="text-xs text-slate-600 dark:text-slate-300">
          service{' '}
          <Link to={serviceHref(links.cluster, service, links.region)} className={LINK}>
            {service}
          </Link>
        </p>
      ))}
    </div>
  );
}

function HostCell({ row, first, range }: { row: PortMapRow; first: boolean; range: PortRange }) {
  const kind = portKind(row);
  const host = (
    <span className="font-mono">
      {hostName(row.host)}
      {row.host.privateIp && (
        <span className="ml-1 text-slate-600 dark:text-slate-300">{row.host.privateIp}</span>
      )}
    </span>
  );
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <span aria-hidden="true" className={ARROW}>
        →
      </span>
      {first ? host : <span className="sr-only">{host}</span>}
      {!first && (
        <span aria-hidden="true" className="hidden text-slate-500 md:inline dark:text-slate-400">
          └
        </span>
      )}
      <span className="font-mono font-semibold">
        :{row.hostPort}
        <span className="font-normal text-slate-600 dark:text-slate-300">/{row.protocol}</span>
      </span>
      <PortBadge kind={kind} title={portKindLegend(range)[kind]} />
    </div>
  );
}

function TaskCell({ row, links }: { row: PortMapRow; links: Links }) {
  return (
    <div className="flex flex-wrap items-center gap-x-2">
      <span aria-hidden="true" className={ARROW}>
        →
      </span>
      <span className="text-slate-600 dark:text-slate-300">task</span>
      <Link
        to={taskHref(links.cluster, row.taskId, links.region)}
        title={row.taskId}
        className={LINK}
      >
        {shortTaskId(row.taskId)}
      </Link>
      <span aria-hidden="true" className="text-slate-500 dark:text-slate-400">
        /
      </span>
      <span className="font-mono">
        {row.container}:{row.containerPort}
      </span>
    </div>
  );
}

/**
 * The port map as a diagram: target group → host : host port → task / container : container
 * port, one card per target group. It is an ARIA table with one row per path, so a screen reader
 * (and Playwright) reads every path whole; repeated target groups and hosts are shown once and
 * kept for readers as visually hidden text.
 */
export function PortDiagram({
  groups,
  range,
  ...links
}: { groups: TargetGroupGroup[]; range: PortRange } & Links) {
  return (
    <div role="table" aria-label="Port mappings" className="space-y-3 text-sm">
      <div role="rowgroup" className="hidden md:block">
        <div
          role="row"
          className={`${COLUMNS} px-4 text-xs font-medium tracking-wide text-slate-600 uppercase dark:text-slate-300`}
        >
          <span role="columnheader">Load balancer target group</span>
          <span role="columnheader">Host : host port</span>
          <span role="columnheader">Task / container : container port</span>
        </div>
      </div>
      {groups.map((group) => (
        <div
          key={group.key}
          role="rowgroup"
          aria-label={entryLabel(group)}
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-700 dark:bg-slate-900"
        >
          {group.hosts.flatMap((host, hostIndex) =>
            host.tasks.flatMap((task, taskIndex) =>
              task.rows.map((row, rowIndex) => {
                const firstOfHost = taskIndex === 0 && rowIndex === 0;
                const firstOfGroup = hostIndex === 0 && firstOfHost;
                return (
                  <div
                    key={`${host.key}/${task.taskId}/${row.container}:${row.containerPort}/${row.protocol}`}
                    role="row"
                    aria-label={describePath(row)}
                    data-port-kind={portKind(row)}
                    className={COLUMNS}
                  >
                    <div
                      role="cell"
                      className={`${ENTRY_CELL} ${firstOfGroup ? 'py-1.5' : 'md:py-1.5'}`}
                    >
                      {firstOfGroup ? (
                        <EntryCell group={group} links={links} />
                      ) : (
                        <span className="sr-only">{entryLabel(row)}</span>
                      )}
                    </div>
                    <div role="cell" className={firstOfHost && !firstOfGroup ? NEW_HOST : 'py-1.5'}>
                      <HostCell row={row} first={firstOfHost} range={range} />
                    </div>
                    <div role="cell" className={firstOfHost && !firstOfGroup ? NEW_HOST : 'py-1.5'}>
                      <TaskCell row={row} links={links} />
                    </div>
                  </div>
                );
              }),
            ),
          )}
        </div>
      ))}
    </div>
  );
}
