import type { ImageUsage } from '@deckhand/shared';
import { Link } from 'react-router';
import { LINK, MUTED } from '../../../components/ui/styles';
import { regionSearch } from '../../../lib/url-state';
import { groupUsage } from '../lib/group-usage';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * What runs or references an image: services with running tasks (a standalone task links to
 * its cluster) and ACTIVE task definition revisions.
 */
export function UsedBy({
  usedBy,
  region,
}: {
  usedBy: readonly ImageUsage[];
  region: string | undefined;
}) {
  if (usedBy.length === 0) return <span className={MUTED}>not used</span>;
  const keep = regionSearch(region);
  const { services, taskDefinitions } = groupUsage(usedBy);
  const cluster = (name: string) => `/clusters/${encodeURIComponent(name)}`;
  return (
    <ul className="space-y-0.5 text-xs">
      {services.map((use) => (
        <li key={`${use.cluster}/${use.service ?? ''}`}>
          <Link
            to={`${cluster(use.cluster)}${use.service ? `/services/${encodeURIComponent(use.service)}` : ''}${keep}`}
            className={LINK}
          >
            {use.service ? `${use.cluster}/${use.service}` : use.cluster}
          </Link>{' '}
          <span className={MUTED}>
            {plural(use.tasks, use.service ? 'task' : 'standalone task')}
          </span>
          {use.drift && (
            <span
              title="A task was started from a tag that now points to another image"
              className="ml-1 rounded bg-amber-100 px-1 font-medium text-amber-900 dark:bg-amber-900/50 dark:text-amber-100"
            >
              tag moved
            </span>
          )}
        </li>
      ))}
      {taskDefinitions.map((usage) => (
        <li key={`${usage.family}:${usage.revision}/${usage.container}`}>
          <Link
            to={`/task-definitions/${encodeURIComponent(usage.family)}/${usage.revision}${keep}`}
            className={LINK}
          >
            {usage.family}:{usage.revision}
          </Link>{' '}
          <span className={MUTED}>
            {usage.container} · by {usage.via}
          </span>
        </li>
      ))}
    </ul>
  );
}
