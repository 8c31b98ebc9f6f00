import { objectList, optionalString, type Input } from '../../protocol/input.js';
import { invalidEcrParameter } from './errors.js';
import type { ImageRecord, RepositoryRecord } from './model.js';

/** An `ImageIdentifier`: a digest, a tag, or both (which must then name the same image). */
export interface ImageId {
  imageDigest?: string;
  imageTag?: string;
}

/** The codes and reasons BatchGetImage and BatchDeleteImage put in `failures`. */
export interface ImageFailure {
  imageId: ImageId;
  failureCode: string;
  failureReason: string;
}

// ECR's own digest constraint (the algorithm name, a colon, hex).
const DIGEST = /^[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+$/;

export function parseImageId(item: Input): ImageId {
  const imageDigest = optionalString(item, 'imageDigest');
  const imageTag = optionalString(item, 'imageTag');
  return {
    ...(imageDigest !== undefined ? { imageDigest } : {}),
    ...(imageTag !== undefined ? { imageTag } : {}),
  };
}

/** `imageIds`: 1–100 identifiers, AWS's batch maximum (REFERENCE.md §2). */
export function parseImageIds(input: Input, field = 'imageIds'): ImageId[] {
  const ids = objectList(input, field).map(parseImageId);
  if (ids.length < 1)
    throw invalidEcrParameter(field, 'Member must have length greater than or equal to 1');
  if (ids.length > 100)
    throw invalidEcrParameter(field, 'Member must have length less than or equal to 100');
  return ids;
}

export const findByTag = (repository: RepositoryRecord, tag: string) =>
  [...repository.images.values()].find((image) => image.tags.includes(tag));

/** Finds the image an identifier names, or says why not in BatchGetImage's failure terms. */
export function resolveImageId(
  repository: RepositoryRecord,
  id: ImageId,
): { image: ImageRecord } | ImageFailure {
  const fail = (failureCode: string, failureReason: string) => ({
    imageId: id,
    failureCode,
    failureReason,
  });
  if (id.imageDigest === undefined && id.imageTag === undefined)
    return fail(
      'MissingDigestAndTag',
      'Invalid request parameters: both tag and digest cannot be null',
    );
  if (id.imageDigest !== undefined) {
    if (!DIGEST.test(id.imageDigest))
      return fail('InvalidImageDigest', 'Invalid request parameters: image digest is invalid');
    const image = repository.images.get(id.imageDigest);
    if (!image) return fail('ImageNotFound', 'Requested image not found');
    if (id.imageTag !== undefined && !image.tags.includes(id.imageTag))
      return fail(
        'ImageTagDoesNotMatchDigest',
        'Invalid request parameters: given tag does not map to the given digest',
      );
    return { image };
  }
  const image = findByTag(repository, id.imageTag ?? '');
  return image ? { image } : fail('ImageNotFound', 'Requested image not found');
}

/** The identifier AWS echoes for an image found by `requested`: the digest, plus the tag asked for. */
export function echoImageId(image: ImageRecord, requested: ImageId): ImageId {
  return {
    imageDigest: image.digest,
    ...(requested.imageTag !== undefined ? { imageTag: requested.imageTag } : {}),
  };
}
