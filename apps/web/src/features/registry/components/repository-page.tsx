import { ContainerTool, type HealthResponse } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { ConsoleLink } from '../../../components/ui/console-link';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { StaleBadge } from '../../../components/ui/stale-badge';
import { INPUT, LINK, MUTED, SEARCH_INPUT } from '../../../components/ui/styles';
import { consoleUrl } from '../../../lib/aws-console';
import { formatSort, parseSort, regionSearch, toggleSort, withParam } from '../../../lib/url-state';
import { imagesQueryOptions, pushCommandsQueryOptions } from '../api/registry-queries';
import {
  filterImages,
  IMAGE_VIEW_LABELS,
  IMAGE_VIEWS,
  parseImageView,
  usageComplete,
  usageStatus,
} from '../lib/images';
import {
  DEFAULT_IMAGE_SORT,
  IMAGE_SORT_KEYS,
  sortImages,
  type ImageSortKey,
} from '../lib/repositories';
import { ImagesTable } from './images-table';
import { PushCommands } from './push-commands';
import { RepositoryPolicies } from './repository-policies';

/**
 * One repository: its images (filter `?q=`, view `?show=`, one image `?digest=`, sort `?sort=`),
 * its policies and the commands to push to it (`?tool=`).
 * `environment` (the health answer) enables the "Open in AWS console" link in aws mode.
 */
export function RepositoryPage({
  environment,
}: {
  environment?: Pick<HealthResponse, 'mode' | 'region'> | undefined;
}) {
  const { repository = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? undefined;
  const sort = parseSort(params.get('sort'), IMAGE_SORT_KEYS, DEFAULT_IMAGE_SORT);
  const tool = ContainerTool.catch('docker').parse(params.get('tool') ?? 'docker');
  const text = params.get('q') ?? '';
  const view = parseImageView(params.get('show'));
  const digest = params.get('digest') ?? '';
  const scope = { region, repository };
  const images = useQuery(imagesQueryOptions(scope));
  const push = useQuery(pushCommandsQueryOptions(scope));
  const list = images.data?.images;
  const complete = usageComplete(images.data?.usage);
  const finding = usageStatus(images.data?.usage);
  const pinned = digest ? list?.filter((image) => image.digest === digest) : list;
  const shown = pinned ? sortImages(filterImages(pinned, text, view, complete), sort) : [];

  const setParam = (key: string, value: string) =>
    setParams((current) => withParam(current, key, value), { replace: true });
  const onSort = (column: ImageSortKey) => setParam('sort', formatSort(toggleSort(sort, column)));

  return (
    <section aria-labelledby="repository-heading" className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <nav aria-label="Breadcrumb" className={`text-sm ${MUTED}`}>
            <Link to={`/registry${regionSearch(region)}`} className={LINK}>
              Registry
            </Link>
          </nav>
          <h1 id="repository-heading" className="text-xl font-semibold tracking-tight">
            {repository}
          </h1>
          <p className={`text-sm ${MUTED}`}>
            {list
              ? `${shown.length === list.length ? '' : `${shown.length} of `}${list.length} images`
              : 'Images in this repository'}{' '}
            <StaleBadge stale={images.data?.stale} asOf={images.data?.asOf} />
          </p>
        </div>
        {environment && push.data && (
          <ConsoleLink
            mode={environment.mode}
            href={consoleUrl(region ?? environment.region, {
              kind: 'repository',
              repository,
              accountId: push.data.accountId,
            })}
          />
        )}
      </header>

      <section aria-labelledby="images-heading" className="space-y-2">
        <div className="flex flex-wrap items-end justify-between gap-2">
          <h2 id="images-heading" className="text-base font-semibold">
            Images
          </h2>
          <div className="flex flex-wrap items-center gap-2">
            <input
              type="search"
              aria-label="Filter images"
              data-page-filter
              value={text}
              onChange={(event) => setParam('q', event.target.value)}
              placeholder="Filter by tag or digest"
              className={SEARCH_INPUT}
            />
            <select
              aria-label="Show images"
              value={view}
              onChange={(event) =>
                setParam('show', event.target.value === 'all' ? '' : event.target.value)
              }
              className={INPUT}
            >
              {IMAGE_VIEWS.map((option) => (
                <option key={option} value={option}>
                  {IMAGE_VIEW_LABELS[option]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {finding && list && list.length > 0 && (
          <p role="status" aria-label="Usage scan" className={`text-sm ${MUTED}`}>
            {finding}
          </p>
        )}
        {digest && (
          <p className={`text-sm ${MUTED}`}>
            Showing the image <span className="font-mono">{digest}</span>.{' '}
            <button type="button" className={LINK} onClick={() => setParam('digest', '')}>
              Show all images
            </button>
          </p>
        )}
        {images.isError ? (
          <QueryError title="The images could not be loaded" query={images} />
        ) : !list ? (
          <Skeleton label="images" rows={4} />
        ) : list.length === 0 ? (
          <EmptyState title={`No images in ${repository} yet.`}>
            Push one with the commands below.
          </EmptyState>
        ) : shown.length === 0 && view === 'unused' && !complete ? (
          <EmptyState title="Which images are unused is not known yet.">
            The list fills in once every task definition and running task has been read.
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState title="No image matches.">
            {digest
              ? 'This repository no longer holds that image.'
              : 'Clear the filter to see every image.'}
          </EmptyState>
        ) : (
          <ImagesTable
            repository={repository}
            images={shown}
            sort={sort}
            onSort={onSort}
            region={region}
            usageComplete={complete}
          />
        )}
      </section>

      <RepositoryPolicies scope={scope} />

      {push.isError ? (
        <QueryError title="The push commands could not be loaded" query={push} />
      ) : push.data ? (
        <PushCommands
          data={push.data}
          tool={tool}
          onToolChange={(next) => setParam('tool', next)}
        />
      ) : (
        <Skeleton label="push commands" rows={2} />
      )}
    </section>
  );
}
