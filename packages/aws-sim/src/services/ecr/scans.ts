import { AwsError } from '../../protocol/errors.js';
import { epochSeconds, type Input } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { paginate } from '../../engine/paginate.js';
import { imageNotFound, invalidEcrParameter, scanNotFound } from './errors.js';
import { findingKey, findingsForDigest, severityCounts } from './findings.js';
import { echoImageId, parseImageId, resolveImageId, type ImageId } from './image-ids.js';
import type { ImageRecord, RepositoryRecord, ScanRecord } from './model.js';
import { requireRepository } from './repositories.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Basic scans take a minute or two; a client polling DescribeImageScanFindings sees IN_PROGRESS first. */
export const SCAN_DURATION_MS = 90_000;
/** Basic scanning allows one scan per image per 24 hours. */
const SCAN_QUOTA_WINDOW_MS = 24 * HOUR;

// Config media types of container images; anything else (Helm charts, signatures) cannot be scanned.
const IMAGE_CONFIGS = new Set([
  'application/vnd.docker.container.image.v1+json',
  'application/vnd.oci.image.config.v1+json',
]);

export const isScannable = (image: ImageRecord) =>
  image.artifactMediaType !== undefined && IMAGE_CONFIGS.has(image.artifactMediaType);

/** Starts a basic scan of an image: on push with scanOnPush, or by StartImageScan. */
export function startScan(image: ImageRecord, now: number): ScanRecord {
  const scan: ScanRecord = {
    startedAt: now,
    completesAt: now + SCAN_DURATION_MS,
    outcome: 'COMPLETE',
    // The vulnerability database is refreshed a few times a day.
    vulnerabilitySourceUpdatedAt: now - 3 * HOUR - 17 * MINUTE,
    findings: findingsForDigest(image.digest),
  };
  image.scan = scan;
  return scan;
}

/** `imageScanStatus` at `now`. */
export function scanStatus(scan: ScanRecord, now: number) {
  if (now < scan.completesAt) return { status: 'IN_PROGRESS', description: 'Scan in progress.' };
  return scan.outcome === 'COMPLETE'
    ? { status: 'COMPLETE', description: 'The scan was completed successfully.' }
    : {
        status: 'UNSUPPORTED_IMAGE',
        description: 'The operating system and/or package manager are not supported.',
      };
}

/** `imageScanFindingsSummary`, present once a scan has completed. */
export function scanSummary(scan: ScanRecord, now: number) {
  if (now < scan.completesAt || scan.outcome !== 'COMPLETE') return undefined;
  return {
    imageScanCompletedAt: epochSeconds(scan.completesAt),
    vulnerabilitySourceUpdatedAt: epochSeconds(scan.vulnerabilitySourceUpdatedAt),
    findingSeverityCounts: severityCounts(scan.findings),
  };
}

/** The single image `imageId` names, or ImageNotFoundException (how single-image calls fail). */
function requireImage(repository: RepositoryRecord, input: Input): [ImageRecord, ImageId] {
  const raw = input.imageId;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    throw invalidEcrParameter('imageId', 'Member must not be null');
  const id = parseImageId(raw as Input);
  const found = resolveImageId(repository, id);
  if (!('image' in found)) throw imageNotFound(id, repository.name, repository.registryId);
  return [found.image, id];
}

export const scanOperations: Record<string, Operation> = {
  StartImageScan(input, { state, clock }) {
    const repository = requireRepository(state, input);
    const [image, id] = requireImage(repository, input);
    if (!isScannable(image)) {
      throw new AwsError(
        'UnsupportedImageTypeException',
        'The image is not a supported image type for scanning.',
      );
    }
    const now = clock.now();
    if (image.scan && now - image.scan.startedAt < SCAN_QUOTA_WINDOW_MS) {
      throw new AwsError(
        'LimitExceededException',
        'The scan quota per image has been exceeded. Wait and try again.',
      );
    }
    const scan = startScan(image, now);
    return {
      registryId: repository.registryId,
      repositoryName: repository.name,
      imageId: echoImageId(image, id),
      imageScanStatus: scanStatus(scan, now),
    };
  },

  DescribeImageScanFindings(input, { state, clock }) {
    const repository = requireRepository(state, input);
    const [image, id] = requireImage(repository, input);
    if (!image.scan) throw scanNotFound(id, repository.name, repository.registryId);
    const now = clock.now();
    const summary = scanSummary(image.scan, now);
    // Basic findings page at ≤ 1000 (default 100); nothing to page until the scan completes.
    const page = paginate(
      summary
        ? [...image.scan.findings].sort((a, b) => (findingKey(a) < findingKey(b) ? -1 : 1))
        : [],
      findingKey,
      input.maxResults,
      input.nextToken,
      { defaultSize: 100, maxSize: 1000 },
    );
    return {
      registryId: repository.registryId,
      repositoryName: repository.name,
      imageId: echoImageId(image, id),
      imageScanStatus: scanStatus(image.scan, now),
      ...(summary ? { imageScanFindings: { ...summary, findings: page.items } } : {}),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  },
};
