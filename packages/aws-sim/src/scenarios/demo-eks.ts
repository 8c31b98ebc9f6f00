import { Random } from '../engine/random.js';
import type { RegionState } from '../engine/region-state.js';
import { addNodegroup, createEksCluster } from '../services/eks/clusters.js';

const DAY = 24 * 60 * 60 * 1000;

export const DEMO_EKS = { cluster: 'platform-eks', nodegroup: 'platform-general' } as const;

/**
 * The demo's EKS cluster (Kubernetes 1.31) with one managed node group of three m6i.large
 * nodes. Its own seed keeps its ids stable whatever else the demo draws.
 */
export function buildDemoEks(state: RegionState, now: number): void {
  const random = new Random(0x0e65_1031);
  const subnetIds = ['a', 'b', 'c'].map(() => `subnet-0${random.hex(16)}`);
  const cluster = createEksCluster(
    state,
    {
      name: DEMO_EKS.cluster,
      version: '1.31',
      platformVersion: 'eks.12',
      subnetIds,
      vpcId: `vpc-0${random.hex(16)}`,
      tags: { team: 'platform', environment: 'production' },
    },
    random,
    now - 140 * DAY,
  );
  addNodegroup(
    state,
    cluster,
    {
      name: DEMO_EKS.nodegroup,
      releaseVersion: '1.31.4-20250123',
      capacityType: 'ON_DEMAND',
      scaling: { minSize: 2, maxSize: 6, desiredSize: 3 },
      instanceTypes: ['m6i.large'],
      amiType: 'AL2023_x86_64_STANDARD',
      diskSize: 20,
      labels: { workload: 'general' },
      tags: { team: 'platform' },
    },
    random,
    now - 139 * DAY,
  );
}
