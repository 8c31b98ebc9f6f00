/** The simulator's ECS records. Timestamps are simulated epoch milliseconds. */

export interface Tag {
  key: string;
  value: string;
}

export interface ClusterRecord {
  arn: string;
  name: string;
  status: 'ACTIVE' | 'INACTIVE';
  tags: Tag[];
  capacityProviders: string[];
  defaultCapacityProviderStrategy: { capacityProvider: string; weight: number; base: number }[];
  settings: { name: string; value: string }[];
  createdAt: number;
}

export interface ContainerInstanceRecord {
  arn: string;
  /** The 32-hex id at the end of the ARN. */
  id: string;
  clusterArn: string;
  ec2InstanceId: string;
  instanceType: string;
  availabilityZone: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE' | 'DEREGISTERING';
  agentConnected: boolean;
  agentVersion: string;
  dockerVersion: string;
  /** CPU units (1024 per vCPU) and MiB, as the agent registers them. */
  cpu: number;
  memory: number;
  /** Ports the agent reserves on every instance (22, 2375, 2376, 51678, 51679, 51680). */
  reservedTcpPorts: number[];
  reservedUdpPorts: number[];
  attributes: { name: string; value?: string }[];
  tags: Tag[];
  registeredAt: number;
  /** Bumped on every change, as AWS's `version`. */
  version: number;
}

export type LaunchType = 'EC2' | 'FARGATE' | 'EXTERNAL';

/** What a placed task holds on its container instance. */
export interface TaskReservation {
  cpu: number;
  memory: number;
  tcpPorts: number[];
  udpPorts: number[];
}

export interface TaskRecord {
  arn: string;
  id: string;
  clusterArn: string;
  taskDefinitionArn: string;
  launchType: LaunchType;
  containerInstanceArn?: string;
  lastStatus: string;
  desiredStatus: 'RUNNING' | 'STOPPED';
  /** `service:<name>` for service tasks, `family:<family>` otherwise. */
  group: string;
  startedBy?: string;
  reservation: TaskReservation;
  createdAt: number;
  startedAt?: number;
  stoppedAt?: number;
  tags: Tag[];
  version: number;
}

export interface ServiceRecord {
  arn: string;
  name: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  launchType?: LaunchType;
  taskDefinitionArn: string;
  tags: Tag[];
  createdAt: number;
}

export interface TaskDefinitionRecord {
  arn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';
  /** The RegisterTaskDefinition input, as normalised by ECS. */
  definition: Record<string, unknown>;
  tags: Tag[];
  registeredAt: number;
  deregisteredAt?: number;
}
