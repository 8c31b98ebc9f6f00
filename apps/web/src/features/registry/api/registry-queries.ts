import {
  ImagesResponse,
  LifecyclePolicyResponse,
  PushCommandsResponse,
  RepositoriesResponse,
  RepositoryPolicyResponse,
  ScanFindingsResponse,
} from '@deckhand/shared';
import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';

export interface RepositoryScope {
  /** `?region=` of the URL; undefined means the BFF's home region. */
  region: string | undefined;
  repository: string;
}

const where = (region: string | undefined) => ({ region: region ?? null });

export const registryKeys = {
  all: ['ecr'] as const,
  repositories: (region: string | undefined) =>
    [...registryKeys.all, 'repositories', 'list', where(region)] as const,
  images: ({ region, repository }: RepositoryScope) =>
    [...registryKeys.all, 'images', 'list', { ...where(region), repository }] as const,
  pushCommands: ({ region, repository }: RepositoryScope) =>
    [...registryKeys.all, 'push-commands', { ...where(region), repository }] as const,
  policies: ({ region, repository }: RepositoryScope) =>
    [...registryKeys.all, 'policies', { ...where(region), repository }] as const,
  findings: ({ region, repository }: RepositoryScope, digest: string) =>
    [...registryKeys.all, 'findings', { ...where(region), repository, digest }] as const,
};

/** Repository names hold `/` (`team/web`): one encoded path segment for the BFF route. */
const repositoryPath = (repository: string) => `/repositories/${encodeURIComponent(repository)}`;

/** Every ECR repository of the region with its settings, image count and last push. */
export function repositoriesQueryOptions(region: string | undefined) {
  return queryOptions({
    queryKey: registryKeys.repositories(region),
    queryFn: ({ signal }) =>
      getJson('/repositories', RepositoriesResponse, { signal, query: { region } }),
    refetchInterval: 60_000,
  });
}

/** How often the images are asked again while the BFF is still finding what uses them. */
export const USAGE_POLL_MS = 3_000;

/**
 * A repository's images with scan counts and what runs or references each. On a large account
 * the BFF answers before it knows every use (`usage.complete` false): asked again every few
 * seconds until it does, then every minute.
 */
export function imagesQueryOptions(scope: RepositoryScope) {
  return queryOptions({
    queryKey: registryKeys.images(scope),
    queryFn: ({ signal }) =>
      getJson(`${repositoryPath(scope.repository)}/images`, ImagesResponse, {
        signal,
        query: { region: scope.region },
      }),
    refetchInterval: (query) =>
      query.state.data?.usage?.complete === false ? USAGE_POLL_MS : 60_000,
  });
}

/** Login, build, tag, push and pull commands per container tool; they change only with the repository. */
export function pushCommandsQueryOptions(scope: RepositoryScope) {
  return queryOptions({
    queryKey: registryKeys.pushCommands(scope),
    queryFn: ({ signal }) =>
      getJson(`${repositoryPath(scope.repository)}/push-commands`, PushCommandsResponse, {
        signal,
        query: { region: scope.region },
      }),
    staleTime: 10 * 60_000,
  });
}

/** The repository (IAM) policy; it changes rarely, and only through another tool. */
export function repositoryPolicyQueryOptions(scope: RepositoryScope) {
  return queryOptions({
    queryKey: [...registryKeys.policies(scope), 'repository'] as const,
    queryFn: ({ signal }) =>
      getJson(`${repositoryPath(scope.repository)}/policy`, RepositoryPolicyResponse, {
        signal,
        query: { region: scope.region },
      }),
    staleTime: 5 * 60_000,
  });
}

/** The lifecycle policy with its rules read by the BFF. */
export function lifecyclePolicyQueryOptions(scope: RepositoryScope) {
  return queryOptions({
    queryKey: [...registryKeys.policies(scope), 'lifecycle'] as const,
    queryFn: ({ signal }) =>
      getJson(`${repositoryPath(scope.repository)}/lifecycle-policy`, LifecyclePolicyResponse, {
        signal,
        query: { region: scope.region },
      }),
    staleTime: 5 * 60_000,
  });
}

/**
 * Every scan finding of one image (the severity filter applies in the browser, so switching it
 * costs no request); a scan result changes only when the image is scanned again.
 */
export function findingsQueryOptions(scope: RepositoryScope, digest: string) {
  return queryOptions({
    queryKey: registryKeys.findings(scope, digest),
    queryFn: ({ signal }) =>
      getJson(
        `${repositoryPath(scope.repository)}/images/${encodeURIComponent(digest)}/findings`,
        ScanFindingsResponse,
        { signal, query: { region: scope.region } },
      ),
    staleTime: 60_000,
  });
}
