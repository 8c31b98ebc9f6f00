import type { HealthResponse } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ConsoleLink } from '../../../components/ui/console-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { JsonView } from '../../../components/ui/json-view';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { LINK } from '../../../components/ui/styles';
import { consoleUrl } from '../../../lib/aws-console';
import { taskDefinitionQueryOptions } from '../api/task-definitions-queries';
import { comparePath, editRevisionPath } from '../studio/lib/links';
import { TaskDefinitionsBreadcrumb } from './breadcrumb';
import { ContainerConfig } from './container-config';
import { ContainersTable } from './containers-table';
import { RevisionSummary } from './revision-summary';
import { VolumesPanel } from './volumes-panel';

/** A revision number from the URL: a positive integer, or undefined. */
function parseRevision(value: string | undefined): number | undefined {
  return value && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : undefined;
}

/** Whether the studio navigated here after registering this revision. */
function justRegistered(state: unknown): boolean {
  return (
    typeof state === 'object' &&
    state !== null &&
    'registered' in state &&
    state.registered === true
  );
}

/**
 * One revision as registered (read-only): summary, containers, per-container configuration,
 * volumes and the whole definition as JSON. `environment` (the health answer) enables the
 * "Open in AWS console" link in aws mode.
 */
export function TaskDefinitionRevisionPage({
  environment,
}: {
  environment?: Pick<HealthResponse, 'mode' | 'region'> | undefined;
}) {
  const { family = '', revision: revisionParam } = useParams();
  const [params] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const revision = parseRevision(revisionParam);
  const query = useQuery({
    ...taskDefinitionQueryOptions({ region, family, revision: revision ?? 0 }),
    enabled: revision !== undefined,
  });
  const definition = query.data?.taskDefinition;
  const title = `${family}:${revisionParam ?? ''}`;
  const registered = justRegistered(useLocation().state);

  return (
    <section aria-labelledby="revision-heading" className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <TaskDefinitionsBreadcrumb region={region} family={family} />
          <h1 id="revision-heading" className="font-mono text-xl font-semibold tracking-tight">
            {title}
          </h1>
        </div>
        <div className="flex flex-col items-end gap-1">
          <StaleBadge stale={query.data?.stale} asOf={query.data?.asOf} />
          {environment && revision !== undefined && (
            <ConsoleLink
              mode={environment.mode}
              href={consoleUrl(region ?? environment.region, {
                kind: 'task-definition',
                family,
                revision,
              })}
            />
          )}
          {revision !== undefined && (
            <p className="flex flex-wrap justify-end gap-x-3 text-sm">
              <Link to={editRevisionPath(family, revision, region)} className={LINK}>
                New revision from this
              </Link>
              {revision > 1 && (
                <Link
                  to={comparePath(family, { from: revision - 1, to: revision }, region)}
                  className={LINK}
                >
                  Compare with previous revision
                </Link>
              )}
            </p>
          )}
        </div>
      </header>

      {registered && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200 dark:bg-emerald-950 dark:text-emerald-100 dark:ring-emerald-800"
        >
          Registered {title}.
        </p>
      )}

      {revision === undefined ? (
        <EmptyState title={`“${revisionParam ?? ''}” is not a revision number.`}>
          Pick a revision from the family’s list.
        </EmptyState>
      ) : query.isError ? (
        <QueryError title="The task definition could not be loaded" query={query} />
      ) : !definition ? (
        <Skeleton label="task definition" rows={5} />
      ) : (
        <>
          <RevisionSummary definition={definition} />
          <ContainersTable definition={definition} />
          <section aria-labelledby="configuration-heading" className="space-y-2">
            <h2 id="configuration-heading" className="text-base font-semibold">
              Container configuration
            </h2>
            {(definition.containerDefinitions ?? []).map((container, index) => (
              <ContainerConfig key={container.name ?? index} container={container} />
            ))}
          </section>
          <VolumesPanel definition={definition} />
          <JsonView value={definition} label="Task definition" />
        </>
      )}
    </section>
  );
}
