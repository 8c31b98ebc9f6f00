import type { Cluster as SdkCluster, Nodegroup as SdkNodegroup } from '@aws-sdk/client-eks';
import type { EksCluster, EksNodegroup } from '@deckhand/shared';

const size = (value: number | undefined) => Math.max(0, value ?? 0);

/** DescribeNodegroup output → the shared node group DTO. */
export function toEksNodegroup(nodegroup: SdkNodegroup): EksNodegroup {
  return {
    name: nodegroup.nodegroupName ?? nodegroup.nodegroupArn?.split('/')[2] ?? 'unknown',
    status: nodegroup.status ?? 'UNKNOWN',
    instanceTypes: nodegroup.instanceTypes ?? [],
    desiredSize: size(nodegroup.scalingConfig?.desiredSize),
    minSize: size(nodegroup.scalingConfig?.minSize),
    maxSize: size(nodegroup.scalingConfig?.maxSize),
  };
}

/** DescribeCluster output and its node groups → the shared EKS cluster DTO. Tolerates missing fields. */
export function toEksCluster(cluster: SdkCluster, nodegroups: readonly SdkNodegroup[]): EksCluster {
  return {
    name: cluster.name ?? cluster.arn?.split('/').pop() ?? 'unknown',
    arn: cluster.arn ?? '',
    version: cluster.version ?? '',
    status: cluster.status ?? 'UNKNOWN',
    ...(cluster.endpoint ? { endpoint: cluster.endpoint } : {}),
    platformVersion: cluster.platformVersion ?? '',
    // AWS always sends it; a missing one reads as the epoch instead of failing the list.
    createdAt: (cluster.createdAt ?? new Date(0)).toISOString(),
    nodegroups: nodegroups.map(toEksNodegroup).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
