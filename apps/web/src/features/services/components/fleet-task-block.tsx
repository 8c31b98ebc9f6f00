import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { regionSearch } from '../../../lib/url-state';
import { taskLabel, taskTitle } from '../lib/fleet-labels';
import type { ServiceCount, TaskBlock } from '../lib/fleet-layout';
import { useServiceColour } from './fleet-palette';

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
  const colourOf = useServiceColour();
  return (
    <Link
      to={taskHref(cluster, region, block.task.id)}
      aria-label={taskLabel(block)}
      title={taskTitle(block)}
      data-service={block.service}
      data-status={block.task.lastStatus}
      style={style}
      className={`block shrink rounded-sm hover:brightness-110 ${colourOf(block.service)} ${running ? '' : 'opacity-50'} ${FOCUS}`}
    />
  );
}

interface BlocksProps {
  blocks: readonly TaskBlock[];
  cluster: string;
  region: string | undefined;
}

/** Tasks as blocks in a row: `className` lays the row out, `size` sizes each block. */
export function TaskBlockRow({
  blocks,
  cluster,
  region,
  className,
  size,
}: BlocksProps & { className: string; size: (block: TaskBlock) => CSSProperties }) {
  return (
    <div className={className}>
      {blocks.map((block) => (
        <TaskBlockLink
          key={block.task.id}
          block={block}
          cluster={cluster}
          region={region}
          style={size(block)}
        />
      ))}
    </div>
  );
}

/** An instance's tasks, sized by reservation and aligned at the bottom. */
export function TaskBlocks(props: BlocksProps) {
  return (
    <TaskBlockRow
      {...props}
      className="flex h-full items-end gap-px"
      size={(block) => ({
        flex: `0 1 ${block.widthPct}%`,
        height: `${block.heightPct}%`,
        minWidth: 6,
        minHeight: 8,
      })}
    />
  );
}

/**
 * Many tasks on one instance: one bar of counts per service (a block each would be unreadable);
 * the tasks themselves are a click away in `TaskList`.
 */
export function TaskCountBar({ counts }: { counts: readonly ServiceCount[] }) {
  const total = counts.reduce((sum, { count }) => sum + count, 0);
  const colourOf = useServiceColour();
  const label = `${total} tasks: ${counts.map(({ service, count }) => `${service} ${count}`).join(', ')}`;
  return (
    <div role="img" aria-label={label} title={label} className="flex h-full gap-px">
      {counts.map(({ service, count }) => (
        <div
          key={service}
          className={`h-full rounded-sm ${colourOf(service)}`}
          style={{ width: `${(count / total) * 100}%` }}
        />
      ))}
    </div>
  );
}

/** The tasks of a compacted instance, as small links behind a disclosure. */
export function TaskList(props: BlocksProps) {
  return (
    <details>
      <summary className="cursor-pointer rounded text-slate-700 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-slate-300">
        Show the {props.blocks.length} tasks
      </summary>
      <TaskBlockRow
        {...props}
        className="mt-1 flex flex-wrap gap-px"
        size={() => ({ width: 12, height: 12 })}
      />
    </details>
  );
}
