import { Link } from 'react-router';
import { LINK } from '../../../components/ui/styles';
import { regionSearch } from '../../../lib/url-state';

/** "Task definitions / family" above a family's or a revision's heading. */
export function TaskDefinitionsBreadcrumb({
  region,
  family,
}: {
  region: string | undefined;
  family?: string;
}) {
  const keep = regionSearch(region);
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
      <Link to={`/task-definitions${keep}`} className={LINK}>
        Task definitions
      </Link>
      {family !== undefined && (
        <>
          {' / '}
          <Link to={`/task-definitions/${encodeURIComponent(family)}${keep}`} className={LINK}>
            {family}
          </Link>
        </>
      )}
    </nav>
  );
}
