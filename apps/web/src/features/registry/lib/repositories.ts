import type { RegistryImage, Repository } from '@deckhand/shared';
import type { SortState } from '../../../lib/url-state';
import { compareScans } from './images';

export const REPOSITORY_SORT_KEYS = ['name', 'imageCount', 'lastPushedAt'] as const;
export type RepositorySortKey = (typeof REPOSITORY_SORT_KEYS)[number];
export const DEFAULT_REPOSITORY_SORT: SortState<RepositorySortKey> = {
  key: 'name',
  descending: false,
};

export const IMAGE_SORT_KEYS = ['pushedAt', 'sizeBytes', 'lastPulledAt', 'tags', 'scan'] as const;
export type ImageSortKey = (typeof IMAGE_SORT_KEYS)[number];
export const DEFAULT_IMAGE_SORT: SortState<ImageSortKey> = { key: 'pushedAt', descending: true };

/** Case-insensitive match on the repository name and URI. */
export function filterRepositories(
  repositories: readonly Repository[],
  text: string,
): Repository[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...repositories];
  return repositories.filter((repository) =>
    [repository.name, repository.uri].some((value) => value.toLowerCase().includes(needle)),
  );
}

/** ISO times compare as text; a missing time sorts as the oldest. */
const byTime = (a: string | undefined, b: string | undefined) => (a ?? '').localeCompare(b ?? '');

export function sortRepositories(
  repositories: readonly Repository[],
  sort: SortState<RepositorySortKey>,
): Repository[] {
  const direction = sort.descending ? -1 : 1;
  const compare = (a: Repository, b: Repository): number => {
    switch (sort.key) {
      case 'name':
        return a.name.localeCompare(b.name);
      case 'imageCount':
        return a.imageCount - b.imageCount;
      case 'lastPushedAt':
        return byTime(a.lastPushedAt, b.lastPushedAt);
    }
  };
  return [...repositories].sort(
    (a, b) => direction * compare(a, b) || a.name.localeCompare(b.name),
  );
}

/** Images sorted by the column; ties keep the newest push first. */
export function sortImages(
  images: readonly RegistryImage[],
  sort: SortState<ImageSortKey>,
): RegistryImage[] {
  const direction = sort.descending ? -1 : 1;
  const compare = (a: RegistryImage, b: RegistryImage): number => {
    switch (sort.key) {
      case 'pushedAt':
        return byTime(a.pushedAt, b.pushedAt);
      case 'sizeBytes':
        return a.sizeBytes - b.sizeBytes;
      case 'lastPulledAt':
        return byTime(a.lastPulledAt, b.lastPulledAt);
      case 'tags':
        return (a.tags[0] ?? '\uffff').localeCompare(b.tags[0] ?? '\uffff');
      case 'scan':
        return compareScans(a, b);
    }
  };
  return [...images].sort((a, b) => direction * compare(a, b) || byTime(b.pushedAt, a.pushedAt));
}
