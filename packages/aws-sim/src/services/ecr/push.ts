import { createHash } from 'node:crypto';
import { AwsError } from '../../protocol/errors.js';
import { optionalString, requiredString, type Input } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { imageTagAlreadyExists, invalidEcrParameter } from './errors.js';
import { findByTag } from './image-ids.js';
import type { ImageRecord, RepositoryRecord } from './model.js';
import { isTagImmutable } from './mutability.js';
import { requireRepository } from './repositories.js';
import { isScannable, startScan } from './scans.js';

export const DOCKER_MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const MANIFEST_TYPES = new Set([
  DOCKER_MANIFEST_V2,
  OCI_MANIFEST,
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
]);
// Docker's reference grammar for tags, with ECR's longer limit of 300 characters.
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,299}$/;

/** `sha256:<hex>` of the manifest bytes: the digest a registry gives a manifest. */
export const manifestDigest = (manifest: string) =>
  `sha256:${createHash('sha256').update(manifest, 'utf8').digest('hex')}`;

interface ParsedManifest {
  mediaType: string;
  artifactMediaType?: string;
  sizeInBytes: number;
}

/** Reads what ECR records from a manifest: its media type, config type and layer sizes. */
function parseManifest(manifest: string, declared: string | undefined): ParsedManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifest);
  } catch {
    throw invalidEcrParameter('ImageManifest', 'Invalid JSON syntax');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw invalidEcrParameter('ImageManifest', 'Invalid JSON syntax');
  const body = parsed as Record<string, unknown>;
  if (body.schemaVersion !== 2)
    throw invalidEcrParameter('ImageManifest', 'Unsupported manifest schemaVersion');
  const inManifest = typeof body.mediaType === 'string' ? body.mediaType : undefined;
  // An OCI manifest may leave its media type out; the request's imageManifestMediaType then says it.
  const mediaType = inManifest ?? declared ?? OCI_MANIFEST;
  if (declared !== undefined && inManifest !== undefined && declared !== inManifest) {
    throw invalidEcrParameter(
      'imageManifestMediaType',
      'The media type does not match the media type in the image manifest',
    );
  }
  if (!MANIFEST_TYPES.has(mediaType))
    throw invalidEcrParameter('imageManifestMediaType', `Unsupported media type ${mediaType}`);
  const config = body.config as Record<string, unknown> | undefined;
  const layers = Array.isArray(body.layers) ? (body.layers as Record<string, unknown>[]) : [];
  return {
    mediaType,
    ...(config && typeof config.mediaType === 'string'
      ? { artifactMediaType: config.mediaType }
      : {}),
    sizeInBytes: layers.reduce(
      (sum, layer) => sum + (typeof layer.size === 'number' ? layer.size : 0),
      0,
    ),
  };
}

export interface PushOptions {
  tag?: string;
  mediaType?: string;
  /** The digest the client computed; AWS refuses a mismatch. */
  digest?: string;
}

/**
 * A push, as `docker push` ends it with PutImage: stores the manifest under its digest and points
 * the tag at it. A mutable tag held by another image moves (that image loses it and may be left
 * untagged); an immutable one is refused. Scenarios push through here too.
 */
export function pushImage(
  repository: RepositoryRecord,
  manifest: string,
  options: PushOptions,
  now: number,
): ImageRecord {
  const { tag } = options;
  if (tag !== undefined && !IMAGE_TAG.test(tag))
    throw invalidEcrParameter('imageTag', 'must be 1-300 characters of [A-Za-z0-9_.-]');
  const parsed = parseManifest(manifest, options.mediaType);
  const digest = manifestDigest(manifest);
  if (options.digest !== undefined && options.digest !== digest) {
    throw new AwsError(
      'ImageDigestDoesNotMatchException',
      `Invalid parameter at 'imageDigest' failed to satisfy constraint: 'The provided digest ${options.digest} does not match the digest ${digest} of the image manifest'`,
    );
  }
  const existing = repository.images.get(digest);
  const holder = tag === undefined ? undefined : findByTag(repository, tag);
  if (existing && (tag === undefined || holder === existing)) {
    throw new AwsError(
      'ImageAlreadyExistsException',
      `Image with digest '${digest}'${tag === undefined ? '' : ` and tag '${tag}'`} already exists in the repository with name '${repository.name}' in registry with id '${repository.registryId}'`,
    );
  }
  if (tag !== undefined && holder && holder !== existing) {
    if (isTagImmutable(repository, tag)) throw imageTagAlreadyExists(tag, repository.name);
    holder.tags = holder.tags.filter((held) => held !== tag);
  }
  const image: ImageRecord = existing ?? {
    digest,
    tags: [],
    manifest,
    manifestMediaType: parsed.mediaType,
    ...(parsed.artifactMediaType ? { artifactMediaType: parsed.artifactMediaType } : {}),
    sizeInBytes: parsed.sizeInBytes,
    pushedAt: now,
  };
  if (tag !== undefined) image.tags.push(tag);
  if (!existing) {
    repository.images.set(digest, image);
    if (repository.scanOnPush && isScannable(image)) startScan(image, now);
  }
  return image;
}

export const pushOperations: Record<string, Operation> = {
  PutImage(input: Input, { state, clock }) {
    const repository = requireRepository(state, input);
    const manifest = requiredString(input, 'imageManifest');
    const tag = optionalString(input, 'imageTag');
    const options = {
      tag,
      mediaType: optionalString(input, 'imageManifestMediaType'),
      digest: optionalString(input, 'imageDigest'),
    };
    const image = pushImage(repository, manifest, options, clock.now());
    return {
      image: {
        registryId: repository.registryId,
        repositoryName: repository.name,
        imageId: { imageDigest: image.digest, imageTag: tag },
        imageManifest: image.manifest,
        imageManifestMediaType: image.manifestMediaType,
      },
    };
  },
};
