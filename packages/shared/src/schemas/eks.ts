import { z } from 'zod';
import { freshness } from './freshness.js';

const size = z.number().int().nonnegative();

export const EksNodegroup = z.object({
  name: z.string(),
  /** `ACTIVE`, `CREATING`, `DEGRADED`, …; kept open for new values. */
  status: z.string(),
  instanceTypes: z.array(z.string()),
  desiredSize: size,
  minSize: size,
  maxSize: size,
});
export type EksNodegroup = z.infer<typeof EksNodegroup>;

export const EksCluster = z.object({
  name: z.string(),
  arn: z.string(),
  /** Kubernetes version, e.g. `1.31`. */
  version: z.string(),
  status: z.string(),
  /** The API server URL; absent while the cluster is being created. */
  endpoint: z.string().optional(),
  /** EKS platform version, e.g. `eks.12`. */
  platformVersion: z.string(),
  createdAt: z.iso.datetime(),
  nodegroups: z.array(EksNodegroup),
});
export type EksCluster = z.infer<typeof EksCluster>;

/** `GET /api/v1/eks/clusters`: EKS clusters, read-only. */
export const EksClustersResponse = z.object({ clusters: z.array(EksCluster), ...freshness });
export type EksClustersResponse = z.infer<typeof EksClustersResponse>;
