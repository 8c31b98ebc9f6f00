/** The simulator's EKS records (read-only: scenarios create them). Timestamps are simulated epoch ms. */

export interface EksNodegroupRecord {
  name: string;
  arn: string;
  clusterName: string;
  version: string;
  releaseVersion: string;
  createdAt: number;
  modifiedAt: number;
  capacityType: 'ON_DEMAND' | 'SPOT';
  scaling: { minSize: number; maxSize: number; desiredSize: number };
  instanceTypes: string[];
  subnets: string[];
  amiType: string;
  nodeRole: string;
  labels: Record<string, string>;
  diskSize: number;
  autoScalingGroup: string;
  tags: Record<string, string>;
}

export interface EksClusterRecord {
  name: string;
  arn: string;
  /** The cluster's UUID. */
  id: string;
  version: string;
  platformVersion: string;
  createdAt: number;
  endpoint: string;
  roleArn: string;
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  clusterSecurityGroupId: string;
  serviceIpv4Cidr: string;
  oidcIssuer: string;
  certificateAuthorityData: string;
  tags: Record<string, string>;
  nodegroups: Map<string, EksNodegroupRecord>;
}
