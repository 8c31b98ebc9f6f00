import type { RegistryImage, Repository } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { EmptyState } from '../../../components/ui/empty-state';
import { QueryError } from '../../../components/ui/query-error';
import { Skeleton } from '../../../components/ui/skeleton';
import { INPUT, MUTED } from '../../../components/ui/styles';
import { formatTime } from '../../../lib/format';
import { imagesQueryOptions, repositoriesQueryOptions } from '../api/registry-queries';
import { shortDigest } from '../lib/format-bytes';
import { filterImages } from '../lib/images';
import {
  DEFAULT_IMAGE_SORT,
  DEFAULT_REPOSITORY_SORT,
  filterRepositories,
  sortImages,
  sortRepositories,
} from '../lib/repositories';
import { ScanSummary } from './scan-summary';

export interface ImageChooserProps {
  /** `?region=` of the studio; undefined means the BFF's home region. */
  region: string | undefined;
  /** The image the field holds now: opens its repository and marks it. */
  value: string;
  /** `<repositoryUri>:<tag>`, or `<repositoryUri>@<digest>` for an untagged image. */
  onChoose: (image: string) => void;
  onClose: () => void;
}

/** Images drawn at once; a filter narrows a repository with thousands of them. */
const SHOWN_IMAGES = 100;

const LIST =
  'max-h-80 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-700';

const CHOICE =
  'rounded bg-sky-50 px-1.5 py-0.5 font-mono text-xs text-sky-900 ring-1 ring-sky-200 hover:bg-sky-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-800 dark:hover:bg-sky-900';

/** The repository an image reference points into (`<uri>:<tag>` or `<uri>@<digest>`). */
export function repositoryOf(
  repositories: readonly Repository[],
  image: string,
): Repository | undefined {
  return repositories.find(
    (repository) =>
      image.startsWith(`${repository.uri}:`) || image.startsWith(`${repository.uri}@`),
  );
}

/** What choosing an image writes: by tag, or by digest when it has none. */
export const imageReference = (uri: string, image: RegistryImage, tag?: string) =>
  tag === undefined ? `${uri}@${image.digest}` : `${uri}:${tag}`;

function RepositoryList({
  repositories,
  onPick,
}: {
  repositories: readonly Repository[];
  onPick: (name: string) => void;
}) {
  const [filter, setFilter] = useState('');
  const shown = sortRepositories(filterRepositories(repositories, filter), DEFAULT_REPOSITORY_SORT);
  return (
    <>
      <input
        type="search"
        aria-label="Filter repositories"
        autoFocus
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        placeholder="Filter by name or URI"
        className={`w-full ${INPUT}`}
      />
      {shown.length === 0 ? (
        <EmptyState title={`No repository matches “${filter}”.`} />
      ) : (
        <ul aria-label="Repositories" className={LIST}>
          {shown.map((repository) => (
            <li key={repository.arn}>
              <button
                type="button"
                onClick={() => onPick(repository.name)}
                className="block w-full px-3 py-2 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-sky-500 dark:hover:bg-slate-800"
              >
                <span className="block font-medium">{repository.name}</span>
                <span className={`block font-mono text-xs break-all ${MUTED}`}>
                  {repository.uri}
                </span>
                <span className={`block text-xs ${MUTED}`}>
                  {repository.imageCount} {repository.imageCount === 1 ? 'image' : 'images'}
                  {repository.lastPushedAt && ` · last push ${formatTime(repository.lastPushedAt)}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RepositoryImages({
  region,
  repository,
  value,
  onChoose,
  onBack,
}: {
  region: string | undefined;
  repository: Repository;
  value: string;
  onChoose: (image: string) => void;
  onBack: () => void;
}) {
  const images = useQuery(imagesQueryOptions({ region, repository: repository.name }));
  const [filter, setFilter] = useState('');
  const all = images.data?.images;
  const shown = all ? sortImages(filterImages(all, filter), DEFAULT_IMAGE_SORT) : [];
  return (
    <>
      <div className="flex items-center gap-2">
        <Button onClick={onBack} className="px-2 py-1 text-xs">
          ← Repositories
        </Button>
        <span className="min-w-0 truncate font-medium" title={repository.uri}>
          {repository.name}
        </span>
      </div>
      <input
        type="search"
        aria-label="Filter images"
        autoFocus
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        placeholder="Filter by tag or digest"
        className={`w-full ${INPUT}`}
      />
      {all === undefined ? (
        images.isError ? (
          <QueryError title="Images could not be loaded" query={images} />
        ) : (
          <Skeleton label="images" rows={4} />
        )
      ) : all.length === 0 ? (
        <EmptyState title={`No images in ${repository.name}.`}>
          Push one, then choose it here.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState title={`No image matches “${filter}”.`} />
      ) : (
        <>
          <ul aria-label={`Images of ${repository.name}`} className={LIST}>
            {shown.slice(0, SHOWN_IMAGES).map((image) => {
              const references =
                image.tags.length > 0
                  ? image.tags.map((tag) => imageReference(repository.uri, image, tag))
                  : [imageReference(repository.uri, image)];
              const current =
                references.includes(value) || value === imageReference(repository.uri, image);
              return (
                <li key={image.digest} className="space-y-1 px-3 py-2" data-digest={image.digest}>
                  <div className="flex flex-wrap items-center gap-1">
                    {image.tags.length > 0 ? (
                      image.tags.map((tag) => (
                        <button
                          key={tag}
                          type="button"
                          title={`Use ${imageReference(repository.uri, image, tag)}`}
                          onClick={() => onChoose(imageReference(repository.uri, image, tag))}
                          className={CHOICE}
                        >
                          {tag}
                        </button>
                      ))
                    ) : (
                      <button
                        type="button"
                        title={`Use ${imageReference(repository.uri, image)}`}
                        onClick={() => onChoose(imageReference(repository.uri, image))}
                        className={CHOICE}
                      >
                        {shortDigest(image.digest)} (untagged)
                      </button>
                    )}
                    {current && (
                      <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900 dark:bg-emerald-900/50 dark:text-emerald-200">
                        current
                      </span>
                    )}
                  </div>
                  <div className={`flex flex-wrap items-center gap-x-3 text-xs ${MUTED}`}>
                    <span>
                      pushed <time dateTime={image.pushedAt}>{formatTime(image.pushedAt)}</time>
                    </span>
                    <ScanSummary scan={image.scan} />
                  </div>
                </li>
              );
            })}
          </ul>
          {shown.length > SHOWN_IMAGES && (
            <p className={`text-xs ${MUTED}`}>
              Showing the newest {SHOWN_IMAGES} of {shown.length}; filter to find older ones.
            </p>
          )}
        </>
      )}
    </>
  );
}

/**
 * Picks an ECR image for a container: the region's repositories (filterable), then a
 * repository's images newest first with tags, push time and scan result. A tag yields
 * `<repositoryUri>:<tag>`, an untagged image `<repositoryUri>@<digest>`. Opens on the repository
 * of the current image when it is one of the region's.
 */
export function ImageChooser({ region, value, onChoose, onClose }: ImageChooserProps) {
  const repositories = useQuery(repositoriesQueryOptions(region));
  // undefined: follow the current image's repository; null: the list.
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  const all = repositories.data?.repositories;
  const name = picked === undefined ? (all ? repositoryOf(all, value)?.name : undefined) : picked;
  const repository =
    name === null || name === undefined
      ? undefined
      : all?.find((candidate) => candidate.name === name);
  return (
    <Dialog title="Choose an image from ECR" onClose={onClose}>
      <p className={`text-xs ${MUTED}`}>Region {region ?? 'of the console (default)'}</p>
      {all === undefined ? (
        repositories.isError ? (
          <QueryError title="Repositories could not be loaded" query={repositories} />
        ) : (
          <Skeleton label="repositories" rows={4} />
        )
      ) : all.length === 0 ? (
        <EmptyState title="No repositories in this region.">
          Create one and push an image to it first.
        </EmptyState>
      ) : repository ? (
        <RepositoryImages
          region={region}
          repository={repository}
          value={value}
          onChoose={onChoose}
          onBack={() => setPicked(null)}
        />
      ) : (
        <RepositoryList repositories={all} onPick={setPicked} />
      )}
      <div className="flex justify-end">
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </Dialog>
  );
}
