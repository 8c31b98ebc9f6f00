import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { taskLabel, taskTitle } from '../lib/fleet-labels';
import type { ServiceCount, TaskBlock } from '../lib/fleet-layout';
import { regionSearch } from '../lib/region-search';
import { serviceColour } from './fleet-palette';

const FOCUS =
  'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-slate-950 dark:focus-visible:outline-white';

export function taskHref(cluster: string, region: string | undefined, taskId: string): string {
  return `/clusters/${encodeURIComponent(cluster)}/tasks/${encodeURIComponent(taskId)}${regionSearch(region)}`;
}

/** One task as a block in its service's colour, linking to the task's page; faded until RUNNING. */
export function TaskBlockLink({
  block,
  cluster,
  region,
  style,
}: {
  block: TaskBlock;
  cluster: string;
  region: string | undefined;
  style: CSSProperties;
}) {
  const running = block.task.lastStatus === 'RUNNING';
  return (
    <Link
      to={taskHref(cluster, region, block.task.id)}
      aria-label={taskLabel(block)}
      title={taskTitle(block)}
      data-service={block.service}
      data-status={block.task.lastStatus}
      style={style}
      className={`block shrink rounded-sm hover:brightness-110 ${serviceColour(block.service)} ${running ? '' : 'opacity-50'} ${FOCUS}`}
    />
  );
}

/** An instance's (or zone's) tasks, sized by reservation and aligned at the bottom. */
export function TaskBlocks({
  blocks,
  cluster,
  region,
}: {
  blocks: readonly TaskBlock[];
  cluster: string;
  region: string | undefined;
}) {
  return (
    <div className="flex h-full items-end gap-px">
      {blocks.map((block) => (
        <TaskBlockLink
          key={block.task.id}
          block={block}
          cluster={cluster}
          region={region}
          style={{
            flex: `0 1 ${block.widthPct}%`,
            height: `${block.heightPct}%`,
            minWidth: 6,
            minHeight: 8,
          }}
        />
      ))}
    </div>
  );
}

/**
 * Many tasks on one instance: one bar of counts per service (a block each would be unreadable);
 * the tasks themselves are a click away in `TaskList`.
 */
export function TaskCountBar({ counts }: { counts: readonly ServiceCount[] }) {
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  const label = `${total} tasks: ${counts.map(({ service, count }) => `${service} ${count}`).join(', ')}`;
  return (
    <div role="img" aria-label={label} title={label} className="flex h-full gap-px">
      {counts.map(({ service, count }) => (
        <div
          key={service}
          className={`h-full rounded-sm ${serviceColour(service)}`}
          style={{ width: `${(count / total) * 100}%` }}
        />
      ))}
    </div>
  );
}

/** The tasks of a compacted instance, as small links behind a disclosure. */
export function TaskList({
  blocks,
  cluster,
  region,
}: {
  blocks: readonly TaskBlock[];
  cluster: string;
  region: string | undefined;
}) {
  return (
    <details>
      <summary className="cursor-pointer rounded text-slate-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-slate-300">
        Show the {blocks.length} tasks
      </summary>
      <div className="mt-1 flex flex-wrap gap-px">
        {blocks.map((block) => (
          <TaskBlockLink
            key={block.task.id}
            block={block}
            cluster={cluster}
            region={region}
            style={{ width: 12, height: 12 }}
          />
        ))}
      </div>
    </details>
  );
}
