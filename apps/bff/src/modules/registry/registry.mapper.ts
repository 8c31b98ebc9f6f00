import type {
  EnhancedImageScanFinding,
  ImageDetail,
  ImageScanFinding,
  Repository as SdkRepository,
} from '@aws-sdk/client-ecr';
import {
  NOT_SCANNED,
  ScanSeverity,
  type ImageScan,
  type ImageUse,
  type RegistryImage,
  type Repository,
  type ScanFinding,
  type ScanFindingsResponse,
  type ScanSeverityCounts,
} from '@deckhand/shared';
import type { ScanFindingsRead } from '../../aws/ecr-reads.js';

const COUNT_KEYS: Record<ScanSeverity, keyof ScanSeverityCounts> = {
  CRITICAL: 'critical',
  HIGH: 'high',
  MEDIUM: 'medium',
  LOW: 'low',
  INFORMATIONAL: 'informational',
  UNDEFINED: 'undefined',
};

const SEVERITY_ORDER = ScanSeverity.options;

/** ECR's severities, and Inspector's (which adds `UNTRIAGED`), onto the shared six; unknown → UNDEFINED. */
export function toSeverity(value: string | undefined): ScanSeverity {
  const parsed = ScanSeverity.safeParse(value?.toUpperCase());
  return parsed.success ? parsed.data : 'UNDEFINED';
}

/** `findingSeverityCounts` → all six counts (missing severities are 0). */
export function toSeverityCounts(
  counts: Partial<Record<string, number>> | undefined,
): ScanSeverityCounts {
  const result: ScanSeverityCounts = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    informational: 0,
    undefined: 0,
  };
  for (const [severity, value] of Object.entries(counts ?? {})) {
    if (typeof value === 'number' && value > 0) result[COUNT_KEYS[toSeverity(severity)]] += value;
  }
  return result;
}

const iso = (date: Date | undefined) => date?.toISOString();
/** AWS always sends these timestamps; a missing one reads as the epoch instead of failing the list. */
const isoOrEpoch = (date: Date | undefined) => (date ?? new Date(0)).toISOString();

/** The newest push among a repository's images. */
export function lastPushedAt(images: readonly ImageDetail[]): Date | undefined {
  let newest: Date | undefined;
  for (const image of images) {
    if (image.imagePushedAt && (!newest || image.imagePushedAt > newest)) {
      newest = image.imagePushedAt;
    }
  }
  return newest;
}

/** DescribeRepositories output, with the repository's images → the shared Repository DTO. */
export function toRepository(
  repository: SdkRepository,
  images: readonly ImageDetail[],
): Repository {
  const name = repository.repositoryName ?? repository.repositoryArn?.split('/').slice(1).join('/');
  const pushed = iso(lastPushedAt(images));
  const kmsKey = repository.encryptionConfiguration?.kmsKey;
  return {
    name: name ?? 'unknown',
    uri: repository.repositoryUri ?? '',
    arn: repository.repositoryArn ?? '',
    registryId: repository.registryId ?? '',
    imageTagMutability: repository.imageTagMutability ?? 'MUTABLE',
    scanOnPush: repository.imageScanningConfiguration?.scanOnPush ?? false,
    // Repositories created before encryption settings existed report none: they use AES256.
    encryption: {
      type: repository.encryptionConfiguration?.encryptionType ?? 'AES256',
      ...(kmsKey ? { kmsKey } : {}),
    },
    imageCount: new Set(images.map((image) => image.imageDigest).filter(Boolean)).size,
    ...(pushed ? { lastPushedAt: pushed } : {}),
    createdAt: isoOrEpoch(repository.createdAt),
  };
}

/** An image's scan summary from DescribeImages: NOT_SCANNED when ECR reports no scan at all. */
export function toImageScan(image: ImageDetail): ImageScan {
  const summary = image.imageScanFindingsSummary;
  const completedAt = iso(summary?.imageScanCompletedAt);
  return {
    status: image.imageScanStatus?.status ?? (summary ? 'COMPLETE' : NOT_SCANNED),
    ...(completedAt ? { completedAt } : {}),
    counts: toSeverityCounts(summary?.findingSeverityCounts),
  };
}

/** DescribeImages output and who uses it → the shared image DTO. Call only with a digest. */
export function toRegistryImage(
  image: ImageDetail & { imageDigest: string },
  use: ImageUse | undefined,
): RegistryImage {
  const lastPulledAt = iso(image.lastRecordedPullTime);
  return {
    digest: image.imageDigest,
    tags: [...(image.imageTags ?? [])].sort(),
    sizeBytes: Math.max(0, image.imageSizeInBytes ?? 0),
    pushedAt: isoOrEpoch(image.imagePushedAt),
    ...(lastPulledAt ? { lastPulledAt } : {}),
    mediaType: image.imageManifestMediaType ?? '',
    scan: toImageScan(image),
    usedBy: use?.usedBy ?? [],
    notUsed: use?.notUsed ?? true,
  };
}

function optional<K extends string>(key: K, value: string | undefined) {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** A basic-scanning finding; the package is in its attributes. */
export function toBasicFinding(finding: ImageScanFinding): ScanFinding {
  const attribute = (key: string) => finding.attributes?.find((item) => item.key === key)?.value;
  return {
    name: finding.name ?? 'unnamed finding',
    severity: toSeverity(finding.severity),
    ...optional('description', finding.description),
    ...optional('uri', finding.uri),
    ...optional('package', attribute('package_name')),
    ...optional('packageVersion', attribute('package_version')),
  };
}

/** An enhanced-scanning (Amazon Inspector) finding: the first vulnerable package stands for it. */
export function toEnhancedFinding(finding: EnhancedImageScanFinding): ScanFinding {
  const details = finding.packageVulnerabilityDetails;
  const affected = details?.vulnerablePackages?.[0];
  const version =
    affected?.version && affected.release
      ? `${affected.version}-${affected.release}`
      : affected?.version;
  return {
    name: details?.vulnerabilityId ?? finding.title ?? finding.findingArn ?? 'unnamed finding',
    severity: toSeverity(finding.severity),
    ...optional('description', finding.description),
    ...optional('uri', details?.sourceUrl ?? details?.referenceUrls?.[0]),
    ...optional('package', affected?.name),
    ...optional('packageVersion', version),
  };
}

function bySeverityThenName(a: ScanFinding, b: ScanFinding): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    a.name.localeCompare(b.name)
  );
}

/**
 * DescribeImageScanFindings (every page) → the findings answer, worst first. `counts` cover
 * every finding whatever `severities` keeps; an image never scanned has none and NOT_SCANNED.
 */
export function toScanFindings(
  read: ScanFindingsRead | undefined,
  severities?: readonly ScanSeverity[],
): Omit<ScanFindingsResponse, 'stale' | 'asOf'> {
  if (!read) return { findings: [], counts: toSeverityCounts(undefined), scanStatus: NOT_SCANNED };
  const all = [
    ...read.findings.map(toBasicFinding),
    ...read.enhancedFindings.map(toEnhancedFinding),
  ].sort(bySeverityThenName);
  const counts = read.counts
    ? toSeverityCounts(read.counts)
    : toSeverityCounts(
        all.reduce<Record<string, number>>((tally, finding) => {
          tally[finding.severity] = (tally[finding.severity] ?? 0) + 1;
          return tally;
        }, {}),
      );
  const completedAt = iso(read.completedAt);
  return {
    findings: severities ? all.filter((finding) => severities.includes(finding.severity)) : all,
    counts,
    scanStatus: read.status ?? (completedAt ? 'COMPLETE' : NOT_SCANNED),
    ...(completedAt ? { completedAt } : {}),
  };
}
