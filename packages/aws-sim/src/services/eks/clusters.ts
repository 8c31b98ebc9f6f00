import { epochSeconds } from '../../protocol/input.js';
import type { Random } from '../../engine/random.js';
import type { RegionState } from '../../engine/region-state.js';
import type { EksClusterRecord, EksNodegroupRecord } from './model.js';

export interface EksClusterSpec {
  name: string;
  version: string;
  platformVersion: string;
  /** Subnets, one per Availability Zone the control plane spans. */
  subnetIds: string[];
  vpcId: string;
  tags?: Record<string, string>;
}

/** A PEM the shape of a cluster CA, base64-encoded as EKS returns `certificateAuthority.data`. */
function certificateData(random: Random): string {
  const body = Buffer.from(random.hex(1024), 'hex').toString('base64');
  const lines = body.match(/.{1,64}/g) ?? [];
  const pem = ['-----BEGIN CERTIFICATE-----', ...lines, '-----END CERTIFICATE-----', ''].join('\n');
  return Buffer.from(pem).toString('base64');
}

/** Creates an ACTIVE EKS cluster, named and addressed as EKS does. Scenarios only (EKS is read-only here). */
export function createEksCluster(
  state: RegionState,
  spec: EksClusterSpec,
  random: Random,
  now: number,
): EksClusterRecord {
  const endpointId = random.hex(32).toUpperCase();
  const cluster: EksClusterRecord = {
    name: spec.name,
    arn: state.arn('eks', `cluster/${spec.name}`),
    id: random.uuid(),
    version: spec.version,
    platformVersion: spec.platformVersion,
    createdAt: now,
    endpoint: `https://${endpointId}.gr7.${state.region}.eks.amazonaws.com`,
    roleArn: `arn:aws:iam::${state.accountId}:role/${spec.name}-cluster-role`,
    vpcId: spec.vpcId,
    subnetIds: spec.subnetIds,
    securityGroupIds: [`sg-0${random.hex(16)}`],
    clusterSecurityGroupId: `sg-0${random.hex(16)}`,
    serviceIpv4Cidr: '172.20.0.0/16',
    oidcIssuer: `https://oidc.eks.${state.region}.amazonaws.com/id/${endpointId}`,
    certificateAuthorityData: certificateData(random),
    tags: spec.tags ?? {},
    nodegroups: new Map(),
  };
  state.eksClusters.set(cluster.name, cluster);
  return cluster;
}

export type EksNodegroupSpec = Pick<
  EksNodegroupRecord,
  'name' | 'releaseVersion' | 'capacityType' | 'scaling' | 'instanceTypes' | 'amiType' | 'diskSize'
> & { labels?: Record<string, string>; tags?: Record<string, string> };

/** Adds a managed node group; its ARN ends in a UUID and its Auto Scaling group is `eks-<name>-<uuid>`. */
export function addNodegroup(
  state: RegionState,
  cluster: EksClusterRecord,
  spec: EksNodegroupSpec,
  random: Random,
  now: number,
): EksNodegroupRecord {
  const uuid = random.uuid();
  const nodegroup: EksNodegroupRecord = {
    ...spec,
    arn: state.arn('eks', `nodegroup/${cluster.name}/${spec.name}/${uuid}`),
    clusterName: cluster.name,
    version: cluster.version,
    createdAt: now,
    modifiedAt: now,
    subnets: cluster.subnetIds,
    nodeRole: `arn:aws:iam::${state.accountId}:role/${cluster.name}-node-role`,
    labels: spec.labels ?? {},
    autoScalingGroup: `eks-${spec.name}-${uuid}`,
    tags: spec.tags ?? {},
  };
  cluster.nodegroups.set(nodegroup.name, nodegroup);
  return nodegroup;
}

/** The `Cluster` shape. */
export function describeEksCluster(cluster: EksClusterRecord) {
  return {
    name: cluster.name,
    arn: cluster.arn,
    createdAt: epochSeconds(cluster.createdAt),
    version: cluster.version,
    endpoint: cluster.endpoint,
    roleArn: cluster.roleArn,
    resourcesVpcConfig: {
      subnetIds: cluster.subnetIds,
      securityGroupIds: cluster.securityGroupIds,
      clusterSecurityGroupId: cluster.clusterSecurityGroupId,
      vpcId: cluster.vpcId,
      endpointPublicAccess: true,
      endpointPrivateAccess: true,
      publicAccessCidrs: ['0.0.0.0/0'],
    },
    kubernetesNetworkConfig: {
      serviceIpv4Cidr: cluster.serviceIpv4Cidr,
      ipFamily: 'ipv4',
      elasticLoadBalancing: { enabled: false },
    },
    logging: {
      clusterLogging: [
        { types: ['api', 'audit', 'authenticator'], enabled: true },
        { types: ['controllerManager', 'scheduler'], enabled: false },
      ],
    },
    identity: { oidc: { issuer: cluster.oidcIssuer } },
    status: 'ACTIVE',
    certificateAuthority: { data: cluster.certificateAuthorityData },
    platformVersion: cluster.platformVersion,
    tags: cluster.tags,
    id: cluster.id,
    health: { issues: [] },
    accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
    upgradePolicy: { supportType: 'STANDARD' },
  };
}

/** The `Nodegroup` shape. */
export function describeNodegroup(nodegroup: EksNodegroupRecord) {
  return {
    nodegroupName: nodegroup.name,
    nodegroupArn: nodegroup.arn,
    clusterName: nodegroup.clusterName,
    version: nodegroup.version,
    releaseVersion: nodegroup.releaseVersion,
    createdAt: epochSeconds(nodegroup.createdAt),
    modifiedAt: epochSeconds(nodegroup.modifiedAt),
    status: 'ACTIVE',
    capacityType: nodegroup.capacityType,
    scalingConfig: nodegroup.scaling,
    instanceTypes: nodegroup.instanceTypes,
    subnets: nodegroup.subnets,
    amiType: nodegroup.amiType,
    nodeRole: nodegroup.nodeRole,
    labels: nodegroup.labels,
    resources: { autoScalingGroups: [{ name: nodegroup.autoScalingGroup }] },
    diskSize: nodegroup.diskSize,
    health: { issues: [] },
    updateConfig: { maxUnavailable: 1 },
    tags: nodegroup.tags,
  };
}
