import { ecsTaskLink, type EcsTaskLink } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { LINK, MUTED } from '../../../components/ui/styles';
import { regionSearch } from '../../../lib/url-state';
import { spanTaskQueryOptions } from '../api/span-task-query';
import type { FlatSpan } from '../lib/trace-model';

/** The ECS task named by the span's `aws.ecs` (shared ecs-link helper), if any. */
export function spanEcsTask(span: FlatSpan): EcsTaskLink | undefined {
  return span.ecsTask ?? ecsTaskLink(span.aws?.ecs);
}

/**
 * The AWS resource the span ran in: its ECS task (link to the task page), the task's cluster
 * and, once the task is looked up, its service.
 */
export function SpanEcsTask({ link, region }: { link: EcsTaskLink; region: string | undefined }) {
  const service = useQuery(spanTaskQueryOptions(region, link)).data;
  const cluster = `/clusters/${encodeURIComponent(link.cluster)}`;
  const search = regionSearch(region);
  return (
    <div>
      <h3 className={`mb-1 text-xs font-medium tracking-wide uppercase ${MUTED}`}>AWS resource</h3>
      <p className="text-sm">
        Ran in ECS task{' '}
        <Link
          to={`${cluster}/tasks/${encodeURIComponent(link.taskId)}${search}`}
          aria-label={`Task ${link.taskId}`}
          className={`${LINK} font-mono text-xs`}
        >
          {link.taskId}
        </Link>
        {service && (
          <>
            {' '}
            of service{' '}
            <Link
              to={`${cluster}/services/${encodeURIComponent(service)}${search}`}
              className={LINK}
            >
              {service}
            </Link>
          </>
        )}{' '}
        in cluster{' '}
        <Link to={`${cluster}${search}`} className={LINK}>
          {link.cluster}
        </Link>
      </p>
    </div>
  );
}
