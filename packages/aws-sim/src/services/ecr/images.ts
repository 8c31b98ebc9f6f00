import { epochSeconds, stringList, type Input } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { paginate } from '../../engine/paginate.js';
import { imageNotFound, invalidEcrParameter } from './errors.js';
import {
  echoImageId,
  parseImageIds,
  resolveImageId,
  type ImageFailure,
  type ImageId,
} from './image-ids.js';
import type { ImageRecord, RepositoryRecord } from './model.js';
import { requireRepository } from './repositories.js';
import { scanStatus, scanSummary } from './scans.js';

const TAG_STATUSES = new Set(['TAGGED', 'UNTAGGED', 'ANY']);
// DescribeImages and ListImages page at ≤ 1000, 100 by default (REFERENCE.md §2).
const PAGE = { defaultSize: 100, maxSize: 1000 };

const present = (value: unknown) => value !== undefined && value !== null;

function tagStatusOf(input: Input): string {
  const filter = input.filter;
  if (!present(filter)) return 'ANY';
  const status = typeof filter === 'object' ? (filter as Input).tagStatus : undefined;
  if (status === undefined) return 'ANY';
  if (typeof status !== 'string' || !TAG_STATUSES.has(status))
    throw invalidEcrParameter(
      'filter.tagStatus',
      'Member must satisfy enum value set: [TAGGED, UNTAGGED, ANY]',
    );
  return status;
}

const byDigest = (repository: RepositoryRecord) =>
  [...repository.images.values()].sort((a, b) => (a.digest < b.digest ? -1 : 1));

/** The `ImageDetail` shape at `now` (the scan status moves on with the clock). */
export function describeImage(repository: RepositoryRecord, image: ImageRecord, now: number) {
  const summary = image.scan ? scanSummary(image.scan, now) : undefined;
  return {
    registryId: repository.registryId,
    repositoryName: repository.name,
    imageDigest: image.digest,
    // Untagged images carry no imageTags member at all.
    ...(image.tags.length > 0 ? { imageTags: [...image.tags] } : {}),
    imageSizeInBytes: image.sizeInBytes,
    imagePushedAt: epochSeconds(image.pushedAt),
    ...(image.scan ? { imageScanStatus: scanStatus(image.scan, now) } : {}),
    ...(summary ? { imageScanFindingsSummary: summary } : {}),
    imageManifestMediaType: image.manifestMediaType,
    ...(image.artifactMediaType ? { artifactMediaType: image.artifactMediaType } : {}),
    ...(image.lastRecordedPullTime !== undefined
      ? { lastRecordedPullTime: epochSeconds(image.lastRecordedPullTime) }
      : {}),
  };
}

export const imageOperations: Record<string, Operation> = {
  ListImages(input, { state }) {
    const repository = requireRepository(state, input);
    const tagStatus = tagStatusOf(input);
    // One entry per tag, and one (digest only) per untagged image.
    const ids: ImageId[] = [];
    for (const image of byDigest(repository)) {
      if (image.tags.length === 0) {
        if (tagStatus !== 'TAGGED') ids.push({ imageDigest: image.digest });
      } else if (tagStatus !== 'UNTAGGED') {
        for (const imageTag of [...image.tags].sort())
          ids.push({ imageDigest: image.digest, imageTag });
      }
    }
    const page = paginate(
      ids,
      (id) => `${id.imageDigest ?? ''}/${id.imageTag ?? ''}`,
      input.maxResults,
      input.nextToken,
      PAGE,
    );
    return { imageIds: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },

  DescribeImages(input, { state, clock }) {
    const repository = requireRepository(state, input);
    const now = clock.now();
    if (present(input.imageIds)) {
      // As AWS: a request names its images or pages through them, never both.
      if (present(input.maxResults) || present(input.nextToken)) {
        throw invalidEcrParameter(
          'maxResults',
          'maxResults and nextToken cannot be used together with imageIds',
        );
      }
      const seen = new Set<string>();
      const details = [];
      for (const id of parseImageIds(input)) {
        const found = resolveImageId(repository, id);
        if (!('image' in found)) throw imageNotFound(id, repository.name, repository.registryId);
        if (seen.has(found.image.digest)) continue;
        seen.add(found.image.digest);
        details.push(describeImage(repository, found.image, now));
      }
      return { imageDetails: details };
    }
    const tagStatus = tagStatusOf(input);
    const images = byDigest(repository).filter(
      (image) => tagStatus === 'ANY' || (tagStatus === 'TAGGED') === image.tags.length > 0,
    );
    const page = paginate(images, (image) => image.digest, input.maxResults, input.nextToken, PAGE);
    return {
      imageDetails: page.items.map((image) => describeImage(repository, image, now)),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  },

  BatchGetImage(input, { state, clock }) {
    const repository = requireRepository(state, input);
    const ids = parseImageIds(input);
    // ECR can convert between manifest schemas; the simulator returns each manifest as pushed.
    stringList(input, 'acceptedMediaTypes');
    const images = [];
    const failures: ImageFailure[] = [];
    for (const id of ids) {
      const found = resolveImageId(repository, id);
      if (!('image' in found)) {
        failures.push(found);
        continue;
      }
      // Fetching a manifest is what `docker pull` does: it is the pull ECR records.
      found.image.lastRecordedPullTime = clock.now();
      images.push({
        registryId: repository.registryId,
        repositoryName: repository.name,
        imageId: echoImageId(found.image, id),
        imageManifest: found.image.manifest,
        imageManifestMediaType: found.image.manifestMediaType,
      });
    }
    return { images, failures };
  },

  BatchDeleteImage(input, { state }) {
    const repository = requireRepository(state, input);
    const deleted: ImageId[] = [];
    const failures: ImageFailure[] = [];
    for (const id of parseImageIds(input)) {
      const found = resolveImageId(repository, id);
      if (!('image' in found)) {
        failures.push(found);
        continue;
      }
      const { image } = found;
      if (id.imageTag !== undefined && id.imageDigest === undefined) {
        // By tag: the tag goes; an image losing its last tag goes with it.
        image.tags = image.tags.filter((tag) => tag !== id.imageTag);
        if (image.tags.length === 0) repository.images.delete(image.digest);
        deleted.push({ imageDigest: image.digest, imageTag: id.imageTag });
        continue;
      }
      // By digest: the image and every tag on it.
      repository.images.delete(image.digest);
      if (image.tags.length === 0) deleted.push({ imageDigest: image.digest });
      for (const imageTag of image.tags) deleted.push({ imageDigest: image.digest, imageTag });
    }
    return { imageIds: deleted, failures };
  },
};
