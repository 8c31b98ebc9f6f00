/** The simulator's ECR records. Timestamps are simulated epoch milliseconds. */

export type TagMutability =
  'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE_WITH_EXCLUSION';

/** A tag pattern exempt from the repository's mutability setting (`*` is the only wildcard). */
export interface MutabilityExclusionFilter {
  filterType: 'WILDCARD';
  filter: string;
}

/** ECR spells its resource tags `Key`/`Value`, unlike ECS's `key`/`value`. */
export interface EcrTag {
  Key: string;
  Value: string;
}

export type FindingSeverity =
  'CRITICAL' | 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNDEFINED';

/** Worst first: the order findings are listed and paged in. */
export const SEVERITIES: readonly FindingSeverity[] = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNDEFINED',
];

/** A basic-scanning finding, shaped as `ImageScanFinding`. */
export interface ScanFinding {
  name: string;
  description: string;
  uri: string;
  severity: FindingSeverity;
  attributes: { key: string; value: string }[];
}

/**
 * A basic scan. It is IN_PROGRESS until `completesAt` (simulated time), then ends with `outcome`;
 * nothing has to run when it finishes, readers compare with the clock.
 */
export interface ScanRecord {
  startedAt: number;
  completesAt: number;
  outcome: 'COMPLETE' | 'UNSUPPORTED_IMAGE';
  vulnerabilitySourceUpdatedAt: number;
  findings: ScanFinding[];
}

export interface ImageRecord {
  /** `sha256:` + the hex SHA-256 of the manifest bytes, as ECR computes it. */
  digest: string;
  tags: string[];
  manifest: string;
  manifestMediaType: string;
  /** The config blob's media type (the image's "artifact" type). */
  artifactMediaType?: string;
  /** The sum of the manifest's layer sizes: what ECR reports (compressed, config excluded). */
  sizeInBytes: number;
  pushedAt: number;
  lastRecordedPullTime?: number;
  scan?: ScanRecord;
}

export interface RepositoryRecord {
  name: string;
  arn: string;
  registryId: string;
  uri: string;
  createdAt: number;
  imageTagMutability: TagMutability;
  imageTagMutabilityExclusionFilters: MutabilityExclusionFilter[];
  scanOnPush: boolean;
  encryption: { encryptionType: string; kmsKey?: string };
  tags: EcrTag[];
  lifecyclePolicy?: { text: string; lastEvaluatedAt?: number };
  policyText?: string;
  /** Images by digest. */
  images: Map<string, ImageRecord>;
}

/** The registry host every repository URI and `docker login` uses. */
export const registryHost = (accountId: string, region: string) =>
  `${accountId}.dkr.ecr.${region}.amazonaws.com`;
