import {
  BatchGetImageCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListImagesCommand,
  type EnhancedImageScanFinding,
  type FindingSeverity,
  type Image,
  type ImageDetail,
  type ImageIdentifier,
  type ImageScanFinding,
  type Repository,
} from '@aws-sdk/client-ecr';
import { NotFoundError } from '../http/errors.js';
import { chunk, collectPages, mapLimit } from './batch.js';
import type { AwsClients } from './clients.js';
import { toHttpError } from './errors.js';
import { cachedRead, type CachedValue, type ReadCache } from './read-cache.js';

/** API maxima (REFERENCE.md §2); every default is smaller (100), so always ask for these. */
export const ECR_LIMITS = {
  describeRepositories: 1000,
  describeImages: 1000,
  listImages: 1000,
  describeImageScanFindings: 1000,
  batchGetImage: 100,
} as const;

const CONCURRENCY = 4;

/** Every manifest type a registry may hold; BatchGetImage otherwise converts to Docker v2 schema 2. */
const MANIFEST_TYPES = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
];

/** One image's scan as DescribeImageScanFindings reports it, every page merged. */
export interface ScanFindingsRead {
  status?: string;
  completedAt?: Date;
  counts?: Partial<Record<FindingSeverity, number>>;
  findings: ImageScanFinding[];
  enhancedFindings: EnhancedImageScanFinding[];
}

/** GetLifecyclePolicy's answer: the policy text and the time of its last evaluation, if any. */
export interface LifecyclePolicyRead {
  text: string;
  lastEvaluatedAt?: Date;
}

/** AWS's answer for an absent optional thing; the read answers `null` instead of an error. */
function isAbsent(error: unknown, name: string): boolean {
  return (error as { name?: unknown } | null)?.name === name;
}

/**
 * Every ECR read, in the style of EcsReads: paginated to the end at the API maximum, batched at
 * the API maximum, cached briefly and shared by identical concurrent requests, the last good
 * answer served (stale) while AWS throttles or is down.
 */
export class EcrReads {
  constructor(
    private readonly clients: AwsClients,
    private readonly cache: ReadCache,
  ) {}

  repositories(region: string): Promise<CachedValue<Repository[]>> {
    return this.cached(`${region}:ecr:repositories`, 'Listing repositories', () =>
      collectPages(async (nextToken) => {
        const page = await this.clients.ecr(region).send(
          new DescribeRepositoriesCommand({
            maxResults: ECR_LIMITS.describeRepositories,
            nextToken,
          }),
        );
        return { items: page.repositories, nextToken: page.nextToken };
      }),
    );
  }

  /** One repository; RepositoryNotFoundException becomes a 404. */
  repository(region: string, name: string): Promise<CachedValue<Repository>> {
    return this.cached(
      `${region}:ecr:repository:${name}`,
      `Reading repository ${name}`,
      async () => {
        const page = await this.clients
          .ecr(region)
          .send(new DescribeRepositoriesCommand({ repositoryNames: [name] }));
        const repository = page.repositories?.[0];
        if (!repository) throw new NotFoundError(`Reading repository ${name}: not found`);
        return repository;
      },
    );
  }

  /** Every image of a repository, tagged or not (DescribeImages lists both by default). */
  images(region: string, name: string): Promise<CachedValue<ImageDetail[]>> {
    return this.cached(`${region}:ecr:images:${name}`, `Listing images of ${name}`, () =>
      collectPages(async (nextToken) => {
        const page = await this.clients.ecr(region).send(
          new DescribeImagesCommand({
            repositoryName: name,
            maxResults: ECR_LIMITS.describeImages,
            nextToken,
          }),
        );
        return { items: page.imageDetails, nextToken: page.nextToken };
      }),
    );
  }

  /** Image ids only (one entry per digest–tag pair): the light way to count or resolve tags. */
  imageIds(region: string, name: string): Promise<CachedValue<ImageIdentifier[]>> {
    return this.cached(`${region}:ecr:image-ids:${name}`, `Listing image ids of ${name}`, () =>
      collectPages(async (nextToken) => {
        const page = await this.clients.ecr(region).send(
          new ListImagesCommand({
            repositoryName: name,
            maxResults: ECR_LIMITS.listImages,
            nextToken,
          }),
        );
        return { items: page.imageIds, nextToken: page.nextToken };
      }),
    );
  }

  /**
   * Manifests, in batches of 100. Not cached and not used by any list: ECR counts BatchGetImage
   * as a pull and moves `lastRecordedPullTime`, which lifecycle rules on pull time act on, so it
   * is only for an explicit user action on named images.
   */
  async manifests(region: string, name: string, imageIds: ImageIdentifier[]): Promise<Image[]> {
    try {
      const pages = await mapLimit(
        chunk(imageIds, ECR_LIMITS.batchGetImage),
        CONCURRENCY,
        async (batch) => {
          const page = await this.clients.ecr(region).send(
            new BatchGetImageCommand({
              repositoryName: name,
              imageIds: batch,
              acceptedMediaTypes: MANIFEST_TYPES,
            }),
          );
          return page.images ?? [];
        },
      );
      return pages.flat();
    } catch (error) {
      throw toHttpError(error, `Reading manifests of ${name}`);
    }
  }

  /** An image's scan, every page of findings; undefined when the image was never scanned. */
  scanFindings(
    region: string,
    name: string,
    digest: string,
  ): Promise<CachedValue<ScanFindingsRead | undefined>> {
    const what = `Reading scan findings of ${name}@${digest}`;
    return this.cached(`${region}:ecr:findings:${name}:${digest}`, what, async () => {
      const read: ScanFindingsRead = { findings: [], enhancedFindings: [] };
      let nextToken: string | undefined;
      try {
        do {
          // Enhanced (Inspector) findings come at most 100 per page whatever maxResults says.
          const page = await this.clients.ecr(region).send(
            new DescribeImageScanFindingsCommand({
              repositoryName: name,
              imageId: { imageDigest: digest },
              maxResults: ECR_LIMITS.describeImageScanFindings,
              nextToken,
            }),
          );
          read.status ??= page.imageScanStatus?.status;
          read.completedAt ??= page.imageScanFindings?.imageScanCompletedAt;
          read.counts ??= page.imageScanFindings?.findingSeverityCounts;
          read.findings.push(...(page.imageScanFindings?.findings ?? []));
          read.enhancedFindings.push(...(page.imageScanFindings?.enhancedFindings ?? []));
          nextToken = page.nextToken;
        } while (nextToken);
      } catch (error) {
        if (isAbsent(error, 'ScanNotFoundException')) return undefined;
        throw error;
      }
      return read;
    });
  }

  /** The repository policy text; null when the repository has none. */
  repositoryPolicy(region: string, name: string): Promise<CachedValue<string | null>> {
    const what = `Reading the policy of ${name}`;
    return this.cached(`${region}:ecr:policy:${name}`, what, async () => {
      try {
        const page = await this.clients
          .ecr(region)
          .send(new GetRepositoryPolicyCommand({ repositoryName: name }));
        return page.policyText ?? null;
      } catch (error) {
        if (isAbsent(error, 'RepositoryPolicyNotFoundException')) return null;
        throw error;
      }
    });
  }

  /** The lifecycle policy text and when ECR last evaluated it; null when the repository has none. */
  lifecyclePolicy(region: string, name: string): Promise<CachedValue<LifecyclePolicyRead | null>> {
    const what = `Reading the lifecycle policy of ${name}`;
    return this.cached(`${region}:ecr:lifecycle:${name}`, what, async () => {
      try {
        const page = await this.clients
          .ecr(region)
          .send(new GetLifecyclePolicyCommand({ repositoryName: name }));
        if (page.lifecyclePolicyText === undefined) return null;
        return {
          text: page.lifecyclePolicyText,
          ...(page.lastEvaluatedAt ? { lastEvaluatedAt: page.lastEvaluatedAt } : {}),
        };
      } catch (error) {
        if (isAbsent(error, 'LifecyclePolicyNotFoundException')) return null;
        throw error;
      }
    });
  }

  private cached<T>(key: string, what: string, load: () => Promise<T>): Promise<CachedValue<T>> {
    return cachedRead(this.cache, key, what, load);
  }
}
