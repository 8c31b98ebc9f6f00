import type { TaskDefinitionFamily } from '@deckhand/shared';
import type { SortState } from '../../../lib/url-state';

export const FAMILY_SORT_KEYS = ['name', 'latestRevision', 'activeRevisions'] as const;
export type FamilySortKey = (typeof FAMILY_SORT_KEYS)[number];
export const DEFAULT_FAMILY_SORT: SortState<FamilySortKey> = { key: 'name', descending: false };

/** Case-insensitive match on the family name. */
export function filterFamilies(
  families: readonly TaskDefinitionFamily[],
  text: string,
): TaskDefinitionFamily[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...families];
  return families.filter((family) => family.name.toLowerCase().includes(needle));
}

/** Sorted by the column; families with no active revision sort below every revision. */
export function sortFamilies(
  families: readonly TaskDefinitionFamily[],
  sort: SortState<FamilySortKey>,
): TaskDefinitionFamily[] {
  const direction = sort.descending ? -1 : 1;
  const compare = (a: TaskDefinitionFamily, b: TaskDefinitionFamily): number => {
    switch (sort.key) {
      case 'name':
        return a.name.localeCompare(b.name);
      case 'latestRevision':
        return (a.latestRevision ?? 0) - (b.latestRevision ?? 0);
      case 'activeRevisions':
        return a.activeRevisions - b.activeRevisions;
    }
  };
  return [...families].sort((a, b) => direction * compare(a, b) || a.name.localeCompare(b.name));
}
