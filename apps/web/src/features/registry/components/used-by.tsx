import type { ImageUsage } from '@deckhand/shared';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { LINK, MUTED } from '../../../components/ui/styles';
import { regionSearch } from '../../../lib/url-state';
import { groupUsage } from '../lib/group-usage';

/** Task links shown per service before "+N more" (a row is one line tall). */
const TASKS_SHOWN = 3;

const BADGE = 'ml-1 rounded px-1 text-xs font-medium';

/**
 * What runs or references an image, on one line: each service (or a cluster's standalone tasks)
 * with links to its tasks, a "tag moved" badge when a task runs what its tag named before, and
 * the ACTIVE task definition revisions; a "not used" mark when nothing does. While the BFF is
 * still finding uses (`complete` false), an image with none found yet is "usage not known yet".
 */
export function UsedBy({
  usedBy,
  region,
  complete = true,
}: {
  usedBy: readonly ImageUsage[];
  region: string | undefined;
  complete?: boolean;
}) {
  if (usedBy.length === 0 && !complete)
    return (
      <span
        title="Deckhand is still reading the task definitions and tasks that may use this image"
        className={`text-xs italic ${MUTED}`}
      >
        usage not known yet
      </span>
    );
  if (usedBy.length === 0)
    return (
      <span
        className={`${BADGE} ml-0 bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300`}
      >
        not used
      </span>
    );
  const keep = regionSearch(region);
  const { services, taskDefinitions } = groupUsage(usedBy);
  const cluster = (name: string) => `/clusters/${encodeURIComponent(name)}`;
  return (
    <span className="text-xs">
      {services.map((use, index) => (
        <Fragment key={`${use.cluster}/${use.service ?? ''}`}>
          {index > 0 && <span className={MUTED}> · </span>}
          <Link
            to={`${cluster(use.cluster)}${use.service ? `/services/${encodeURIComponent(use.service)}` : ''}${keep}`}
            className={LINK}
          >
            {use.service ? `${use.cluster}/${use.service}` : `${use.cluster} (standalone)`}
          </Link>{' '}
          {use.tasks.slice(0, TASKS_SHOWN).map((task) => (
            <Link
              key={task.taskId}
              to={`${cluster(use.cluster)}/tasks/${encodeURIComponent(task.taskId)}${keep}`}
              aria-label={`Task ${task.taskId}${task.drift ? ' (tag moved)' : ''}`}
              className={`${LINK} mr-1 font-mono font-normal`}
            >
              {task.taskId.slice(0, 8)}
            </Link>
          ))}
          {use.tasks.length > TASKS_SHOWN && (
            <span className={MUTED}>+{use.tasks.length - TASKS_SHOWN} more</span>
          )}
          {use.drift && (
            <span
              title="A task was started from a tag that now points to another image"
              className={`${BADGE} bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100`}
            >
              tag moved
            </span>
          )}
        </Fragment>
      ))}
      {taskDefinitions.map((usage, index) => (
        <Fragment key={`${usage.family}:${usage.revision}/${usage.container}`}>
          {(services.length > 0 || index > 0) && <span className={MUTED}> · </span>}
          <Link
            to={`/task-definitions/${encodeURIComponent(usage.family)}/${usage.revision}${keep}`}
            className={LINK}
          >
            {usage.family}:{usage.revision}
          </Link>{' '}
          <span className={MUTED}>by {usage.via}</span>
        </Fragment>
      ))}
    </span>
  );
}
