import { z } from 'zod';
import { freshness } from './freshness.js';

/**
 * ECR repository names: lowercase path components separated by `/`, 2–256 characters
 * (the API's own pattern). Checked before any AWS call.
 */
export const RepositoryName = z
  .string()
  .min(2)
  .max(256)
  .regex(
    /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
    'must be an ECR repository name (lowercase letters, digits, . _ - and /)',
  );

/** An image manifest digest as ECR reports it. */
export const ImageDigest = z
  .string()
  .regex(/^sha256:[a-f0-9]{64}$/, 'must be an image digest (sha256: and 64 hex digits)');

/** An image tag (Docker's rule: up to 128 characters, not starting with . or -). */
export const ImageTag = z
  .string()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, 'must be an image tag');

export const ScanSeverity = z.enum([
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNDEFINED',
]);
export type ScanSeverity = z.infer<typeof ScanSeverity>;

const count = z.number().int().nonnegative();

/** Findings per severity; severities ECR did not report count 0. */
export const ScanSeverityCounts = z.object({
  critical: count,
  high: count,
  medium: count,
  low: count,
  informational: count,
  undefined: count,
});
export type ScanSeverityCounts = z.infer<typeof ScanSeverityCounts>;

/** The scan status of an image that was never scanned (ECR reports nothing at all then). */
export const NOT_SCANNED = 'NOT_SCANNED';

export const Repository = z.object({
  name: z.string(),
  uri: z.string(),
  arn: z.string(),
  registryId: z.string(),
  /** `MUTABLE`, `IMMUTABLE`, or the `…_WITH_EXCLUSION` variants; kept open for new values. */
  imageTagMutability: z.string(),
  scanOnPush: z.boolean(),
  encryption: z.object({ type: z.string(), kmsKey: z.string().optional() }),
  imageCount: count,
  lastPushedAt: z.iso.datetime().optional(),
  createdAt: z.iso.datetime(),
});
export type Repository = z.infer<typeof Repository>;

/** `GET /api/v1/repositories`. */
export const RepositoriesResponse = z.object({
  repositories: z.array(Repository),
  ...freshness,
});
export type RepositoriesResponse = z.infer<typeof RepositoriesResponse>;

export const RepositoryDetail = Repository.extend({
  /** The repository policy as JSON text; null when the repository has none. */
  repositoryPolicy: z.string().nullable(),
  /** The lifecycle policy as JSON text; null when the repository has none. */
  lifecyclePolicy: z.string().nullable(),
});
export type RepositoryDetail = z.infer<typeof RepositoryDetail>;

/** `GET /api/v1/repositories/:name`. */
export const RepositoryDetailResponse = z.object({ repository: RepositoryDetail, ...freshness });
export type RepositoryDetailResponse = z.infer<typeof RepositoryDetailResponse>;

/** A task definition revision (ACTIVE) whose container names the image by tag or by digest. */
export const TaskDefinitionUsage = z.object({
  kind: z.literal('task-definition'),
  family: z.string(),
  revision: z.number().int().positive(),
  container: z.string(),
  via: z.enum(['tag', 'digest']),
});
export type TaskDefinitionUsage = z.infer<typeof TaskDefinitionUsage>;

/**
 * A RUNNING task's container that runs the image. `drift`: it was started from a tag that
 * now points to another image (or to none), so a new task would run something else.
 */
export const TaskUsage = z.object({
  kind: z.literal('task'),
  cluster: z.string(),
  taskId: z.string(),
  service: z.string().optional(),
  container: z.string(),
  digest: ImageDigest,
  drift: z.boolean(),
});
export type TaskUsage = z.infer<typeof TaskUsage>;

export const ImageUsage = z.discriminatedUnion('kind', [TaskDefinitionUsage, TaskUsage]);
export type ImageUsage = z.infer<typeof ImageUsage>;

export const ImageScan = z.object({
  /** ECR's scan status (`COMPLETE`, `IN_PROGRESS`, `FAILED`, …) or `NOT_SCANNED`. */
  status: z.string(),
  completedAt: z.iso.datetime().optional(),
  counts: ScanSeverityCounts,
});
export type ImageScan = z.infer<typeof ImageScan>;

export const RegistryImage = z.object({
  digest: z.string(),
  /** Empty for an untagged image. */
  tags: z.array(z.string()),
  /** Compressed layer bytes, as ECR reports (what a pull transfers, not the unpacked size). */
  sizeBytes: count,
  pushedAt: z.iso.datetime(),
  lastPulledAt: z.iso.datetime().optional(),
  mediaType: z.string(),
  scan: ImageScan,
  usedBy: z.array(ImageUsage),
  /**
   * Nothing references it: no ACTIVE task definition revision and no RUNNING task. Never true
   * while the answer's `usage` is incomplete.
   */
  notUsed: z.boolean(),
});
export type RegistryImage = z.infer<typeof RegistryImage>;

/**
 * How far "used by" got. Finding who uses images describes every ACTIVE task definition revision
 * (one call each) and reads every RUNNING task: on a large account the first scan takes minutes,
 * so the images are answered without waiting for it. While `complete` is false, `usedBy` lists
 * only what was found so far and no image is `notUsed`; a later request gets the fuller answer.
 */
export const ImageUsageProgress = z.object({
  complete: z.boolean(),
  /** ACTIVE task definition revisions whose containers are known. */
  taskDefinitionsScanned: count,
  /** ACTIVE task definition revisions in the region; absent until they are listed. */
  taskDefinitionsTotal: count.optional(),
  /** Whether the RUNNING tasks were read (drift and task uses come from them). */
  runningTasksKnown: z.boolean(),
});
export type ImageUsageProgress = z.infer<typeof ImageUsageProgress>;

/** `GET /api/v1/repositories/:name/images`. `usage` absent: "used by" is complete. */
export const ImagesResponse = z.object({
  images: z.array(RegistryImage),
  usage: ImageUsageProgress.optional(),
  ...freshness,
});
export type ImagesResponse = z.infer<typeof ImagesResponse>;

export const ScanFinding = z.object({
  /** The vulnerability id, e.g. `CVE-2024-1234`. */
  name: z.string(),
  severity: ScanSeverity,
  description: z.string().optional(),
  uri: z.string().optional(),
  package: z.string().optional(),
  packageVersion: z.string().optional(),
});
export type ScanFinding = z.infer<typeof ScanFinding>;

/** `?severity=` of the findings route: one severity or a comma list, any case. */
export const ScanFindingsQuery = z.object({
  severity: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      const parsed = z
        .array(ScanSeverity)
        .safeParse(value.split(',').map((part) => part.trim().toUpperCase()));
      if (!parsed.success) {
        ctx.addIssue({
          code: 'custom',
          message: `must be among ${ScanSeverity.options.join(', ')}`,
        });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

/** `GET /api/v1/repositories/:name/images/:digest/findings`. `counts` are over all findings. */
export const ScanFindingsResponse = z.object({
  findings: z.array(ScanFinding),
  counts: ScanSeverityCounts,
  scanStatus: z.string(),
  completedAt: z.iso.datetime().optional(),
  ...freshness,
});
export type ScanFindingsResponse = z.infer<typeof ScanFindingsResponse>;

export const PushCommandSet = z.object({
  login: z.string(),
  build: z.string(),
  tag: z.string(),
  push: z.string(),
  pull: z.string(),
});
export type PushCommandSet = z.infer<typeof PushCommandSet>;

export const ContainerTool = z.enum(['docker', 'podman', 'finch']);
export type ContainerTool = z.infer<typeof ContainerTool>;

/** `GET /api/v1/repositories/:name/push-commands?tag=`. */
export const PushCommandsResponse = z.object({
  repository: z.string(),
  uri: z.string(),
  /** `ACCOUNT.dkr.ecr.REGION.amazonaws.com`: what `login` signs in to. */
  registry: z.string(),
  region: z.string(),
  accountId: z.string(),
  tag: z.string(),
  commands: z.record(ContainerTool, PushCommandSet),
});
export type PushCommandsResponse = z.infer<typeof PushCommandsResponse>;
