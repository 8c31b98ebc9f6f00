import type { ImageDetail } from '@aws-sdk/client-ecr';
import {
  computeUsedBy,
  type ImagesResponse,
  type LifecyclePolicyResponse,
  type PushCommandsResponse,
  type RepositoriesResponse,
  type RepositoryDetailResponse,
  type RepositoryPolicyResponse,
  type ScanFindingsResponse,
  type ScanSeverity,
} from '@deckhand/shared';
import { mapLimit } from '../../aws/batch.js';
import type { EcrReads } from '../../aws/ecr-reads.js';
import type { EcsReads } from '../../aws/ecs-reads.js';
import type { CachedValue } from '../../aws/read-cache.js';
import { NotFoundError } from '../../http/errors.js';
import { freshnessOf } from '../../http/read-response.js';
import { ImageUsageReader, LruMap, USAGE_WAIT_MS } from './image-usage.js';
import { toLifecyclePolicy, toRepositoryPolicy } from './policies.mapper.js';
import { buildPushCommands } from './push-commands.js';
import { toRegistryImage, toRepository, toScanFindings } from './registry.mapper.js';

/** Repositories whose images are read at once for the list (counts and last push). */
const CONCURRENCY = 4;
/** Images answers kept while the reads they come from stay the same (5,000 images cost ~100 ms). */
const ANSWERS_KEPT = 16;

export interface RegistryService {
  listRepositories(region: string): Promise<RepositoriesResponse>;
  getRepository(region: string, name: string): Promise<RepositoryDetailResponse>;
  /**
   * The images, newest push first, each with who uses it (ACTIVE task definitions, RUNNING
   * tasks). "Used by" is waited for a bounded time: `usage` says how far it got.
   */
  listImages(region: string, name: string): Promise<ImagesResponse>;
  getScanFindings(
    region: string,
    name: string,
    digest: string,
    severities?: readonly ScanSeverity[],
  ): Promise<ScanFindingsResponse>;
  getPushCommands(region: string, name: string, tag: string): Promise<PushCommandsResponse>;
  /** The repository (IAM) policy as JSON; `policy: null` when the repository has none. */
  getRepositoryPolicy(region: string, name: string): Promise<RepositoryPolicyResponse>;
  /** The lifecycle policy as JSON with its rules read; `lifecyclePolicy: null` when none. */
  getLifecyclePolicy(region: string, name: string): Promise<LifecyclePolicyResponse>;
}

const withDigest = (image: ImageDetail): image is ImageDetail & { imageDigest: string } =>
  typeof image.imageDigest === 'string' && image.imageDigest !== '';

/** ECR reads for the registry views; "used by" joins them with ECS's task definitions and tasks. */
export function createRegistryService(deps: {
  ecr: EcrReads;
  ecs: EcsReads;
  /** How long an images answer waits for "used by" (USAGE_WAIT_MS); the scan goes on after. */
  usageWaitMs?: number;
}): RegistryService {
  const usage = new ImageUsageReader(deps.ecs);
  const usageWaitMs = deps.usageWaitMs ?? USAGE_WAIT_MS;
  const answers = new LruMap<string, { stamp: string; answer: ImagesResponse }>(ANSWERS_KEPT);

  return {
    async listRepositories(region) {
      const repositories = await deps.ecr.repositories(region);
      // DescribeRepositories has no image counts: one DescribeImages per repository.
      const images = await mapLimit(repositories.value, CONCURRENCY, async (repository) => {
        if (!repository.repositoryName) return undefined;
        try {
          return await deps.ecr.images(region, repository.repositoryName);
        } catch (error) {
          // Deleted since the list: leave it out.
          if (error instanceof NotFoundError) return undefined;
          throw error;
        }
      });
      const listed = repositories.value.flatMap((repository, index) => {
        const read = images[index];
        return read ? [{ repository: toRepository(repository, read.value), read }] : [];
      });
      return {
        repositories: listed
          .map(({ repository }) => repository)
          .sort((a, b) => a.name.localeCompare(b.name)),
        ...freshnessOf(repositories, ...listed.map(({ read }) => read)),
      };
    },

    async getRepository(region, name) {
      const [repository, images, policy, lifecycle] = await Promise.all([
        deps.ecr.repository(region, name),
        deps.ecr.images(region, name),
        deps.ecr.repositoryPolicy(region, name),
        deps.ecr.lifecyclePolicy(region, name),
      ]);
      return {
        repository: {
          ...toRepository(repository.value, images.value),
          repositoryPolicy: policy.value,
          lifecyclePolicy: lifecycle.value?.text ?? null,
        },
        ...freshnessOf(repository, images, policy, lifecycle),
      };
    },

    async listImages(region, name) {
      // The bound runs from the request's start: the images are read meanwhile.
      const [repository, images, ecs] = await Promise.all([
        deps.ecr.repository(region, name),
        deps.ecr.images(region, name),
        usage.read(region, usageWaitMs),
      ]);
      const key = `${region}|${name}`;
      const read = (part: CachedValue<unknown>) => `${part.fetchedAt}:${part.stale ? 1 : 0}`;
      const stamp = [repository, images, ...ecs.parts].map(read).join('|') + `|${ecs.stamp}`;
      const kept = answers.get(key);
      if (kept?.stamp === stamp) return kept.answer;
      const details = images.value.filter(withDigest);
      const uses = computeUsedBy({
        repositoryUri: repository.value.repositoryUri ?? '',
        images: details.map((image) => ({
          digest: image.imageDigest,
          tags: image.imageTags ?? [],
        })),
        taskDefinitions: ecs.taskDefinitions,
        tasks: ecs.tasks,
        complete: ecs.progress.complete,
      });
      const answer: ImagesResponse = {
        images: details
          .map((image) => toRegistryImage(image, uses.get(image.imageDigest)))
          .sort((a, b) => b.pushedAt.localeCompare(a.pushedAt) || a.digest.localeCompare(b.digest)),
        usage: ecs.progress,
        ...freshnessOf(repository, images, ...ecs.parts),
      };
      answers.set(key, { stamp, answer });
      return answer;
    },

    async getScanFindings(region, name, digest, severities) {
      const read = await deps.ecr.scanFindings(region, name, digest);
      return { ...toScanFindings(read.value, severities), ...freshnessOf(read) };
    },

    async getRepositoryPolicy(region, name) {
      const read = await deps.ecr.repositoryPolicy(region, name);
      return { ...toRepositoryPolicy(read.value), ...freshnessOf(read) };
    },

    async getLifecyclePolicy(region, name) {
      const read = await deps.ecr.lifecyclePolicy(region, name);
      return { ...toLifecyclePolicy(read.value), ...freshnessOf(read) };
    },

    async getPushCommands(region, name, tag) {
      const { value: repository } = await deps.ecr.repository(region, name);
      const registryId = repository.registryId ?? '';
      return buildPushCommands({
        repository: name,
        uri: repository.repositoryUri ?? `${registryId}.dkr.ecr.${region}.amazonaws.com/${name}`,
        registryId,
        region,
        tag,
      });
    },
  };
}
