import {
  TaskDefinitionFamiliesResponse,
  TaskDefinitionResponse,
  TaskDefinitionRevisionsResponse,
} from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export interface FamilyScope {
  /** `?region=` of the URL; undefined means the BFF's home region. */
  region: string | undefined;
  family: string;
}

export interface RevisionScope extends FamilyScope {
  revision: number;
}

const where = (region: string | undefined) => ({ region: region ?? null });

export const taskDefinitionKeys = {
  all: ['ecs', 'task-definitions'] as const,
  families: (region: string | undefined) =>
    [...taskDefinitionKeys.all, 'families', where(region)] as const,
  revisions: ({ region, family }: FamilyScope) =>
    [...taskDefinitionKeys.all, 'revisions', { ...where(region), family }] as const,
  detail: ({ region, family, revision }: RevisionScope) =>
    [...taskDefinitionKeys.all, 'detail', { ...where(region), family, revision }] as const,
};

const familyPath = (family: string) => `/task-definitions/${encodeURIComponent(family)}`;

/** Every task definition family of the region: latest active revision and how many are active. */
export function familiesQueryOptions(region: string | undefined) {
  return queryOptions({
    queryKey: taskDefinitionKeys.families(region),
    queryFn: ({ signal }) =>
      getJson('/task-definitions/families', TaskDefinitionFamiliesResponse, {
        signal,
        query: { region },
      }),
  });
}

/** A family's revisions, newest first. */
export function revisionsQueryOptions(scope: FamilyScope) {
  return queryOptions({
    queryKey: taskDefinitionKeys.revisions(scope),
    queryFn: ({ signal }) =>
      getJson(`${familyPath(scope.family)}/revisions`, TaskDefinitionRevisionsResponse, {
        signal,
        query: { region: scope.region },
      }),
  });
}

/**
 * One revision as registered. A revision's content never changes once registered (only its
 * status does), so it stays fresh for minutes.
 */
export function taskDefinitionQueryOptions(scope: RevisionScope) {
  return queryOptions({
    queryKey: taskDefinitionKeys.detail(scope),
    queryFn: ({ signal }) =>
      getJson(`${familyPath(scope.family)}/${scope.revision}`, TaskDefinitionResponse, {
        signal,
        query: { region: scope.region },
      }),
    staleTime: 5 * 60_000,
  });
}
