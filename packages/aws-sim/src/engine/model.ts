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

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

export type StopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice';

export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';
export type Protocol = 'tcp' | 'udp';

export interface NetworkBinding {
  bindIP: string;
  containerPort: number;
  hostPort: number;
  protocol: Protocol;
}

export interface ContainerRecord {
  arn: string;
  name: string;
  image: string;
  imageDigest: string;
  runtimeId?: string;
  lastStatus: 'PENDING' | 'RUNNING' | 'STOPPED';
  exitCode?: number;
  reason?: string;
  essential: boolean;
  /** Without a healthCheck in the definition the health status stays UNKNOWN. */
  hasHealthCheck: boolean;
  healthStatus: HealthStatus;
  cpu: number;
  memory?: number;
  memoryReservation?: number;
  networkBindings: NetworkBinding[];
  networkInterfaces: { attachmentId: string; privateIpv4Address: string }[];
}

/** An ENI attachment (awsvpc tasks), with the details AWS lists. */
export interface AttachmentRecord {
  id: string;
  status: 'PRECREATED' | 'ATTACHING' | 'ATTACHED' | 'DETACHING' | 'DELETED';
  subnetId: string;
  networkInterfaceId: string;
  macAddress: string;
  privateIPv4Address: string;
  privateDnsName: string;
}

export interface TaskRecord {
  arn: string;
  id: string;
  clusterArn: string;
  taskDefinitionArn: string;
  family: string;
  launchType: LaunchType;
  capacityProviderName?: string;
  platformVersion?: string;
  containerInstanceArn?: string;
  availabilityZone?: string;
  networkMode: NetworkMode;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  /** `service:<name>` for service tasks, `family:<family>` otherwise. */
  group: string;
  /** Service tasks carry their deployment id (`ecs-svc/…`), as AWS sets it. */
  startedBy?: string;
  serviceArn?: string;
  deploymentId?: string;
  /** Task-level size as the task definition (or overrides) states it, if it does. */
  cpu?: string;
  memory?: string;
  containers: ContainerRecord[];
  attachments: AttachmentRecord[];
  overrides: Record<string, unknown>;
  enableExecuteCommand: boolean;
  /** Target groups the task is registered in while it runs (from its service). */
  targetGroupArns: string[];
  reservation: TaskReservation;
  createdAt: number;
  connectivityAt?: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  executionStoppedAt?: number;
  stoppedAt?: number;
  stopCode?: StopCode;
  stoppedReason?: string;
  tags: Tag[];
  version: number;
  /** Sequence number of the task's pending lifecycle timer; older queue entries are stale. */
  timer: number;
}

export interface LoadBalancerRef {
  targetGroupArn?: string;
  loadBalancerName?: string;
  containerName: string;
  containerPort: number;
}

export interface AwsVpcConfiguration {
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: 'ENABLED' | 'DISABLED';
}

export interface PlacementStrategy {
  type: 'random' | 'spread' | 'binpack';
  field?: string;
}

export interface PlacementConstraint {
  type: 'distinctInstance' | 'memberOf';
  expression?: string;
}

export interface CapacityProviderItem {
  capacityProvider: string;
  weight: number;
  base: number;
}

export interface DeploymentConfiguration {
  maximumPercent: number;
  minimumHealthyPercent: number;
  deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
}

export type RolloutState = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

/** One entry of a service's `deployments` (`ecs-svc/…`). */
export interface DeploymentRecord {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinitionArn: string;
  desiredCount: number;
  failedTasks: number;
  createdAt: number;
  updatedAt: number;
  launchType?: LaunchType;
  capacityProviderStrategy: CapacityProviderItem[];
  platformVersion?: string;
  networkConfiguration?: AwsVpcConfiguration;
  rolloutState: RolloutState;
  rolloutStateReason: string;
  /** The ServiceDeployment (ListServiceDeployments) this deployment carries out. */
  serviceDeploymentArn: string;
  serviceRevisionArn: string;
}

export type ServiceDeploymentStatus =
  | 'PENDING'
  | 'SUCCESSFUL'
  | 'STOPPED'
  | 'STOP_REQUESTED'
  | 'IN_PROGRESS'
  | 'ROLLBACK_REQUESTED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCESSFUL'
  | 'ROLLBACK_FAILED';

/** A ServiceDeployment: the newer API's record of one rollout, kept after it finishes. */
export interface ServiceDeploymentRecord {
  arn: string;
  serviceArn: string;
  clusterArn: string;
  createdAt: number;
  startedAt: number;
  updatedAt: number;
  finishedAt?: number;
  stoppedAt?: number;
  status: ServiceDeploymentStatus;
  statusReason?: string;
  targetRevisionArn: string;
  targetTaskDefinitionArn: string;
  sourceRevisions: { arn: string; taskDefinitionArn: string }[];
  deploymentConfiguration: DeploymentConfiguration;
  failureCount: number;
  threshold: number;
  rollback?: { reason: string; startedAt: number; serviceRevisionArn: string };
}

export interface ServiceEventRecord {
  id: string;
  createdAt: number;
  message: string;
}

export interface ServiceRecord {
  arn: string;
  name: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  /** As requested; absent when a capacity provider strategy places the tasks. */
  launchType?: LaunchType;
  capacityProviderStrategy: CapacityProviderItem[];
  platformVersion?: string;
  taskDefinitionArn: string;
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  loadBalancers: LoadBalancerRef[];
  networkConfiguration?: AwsVpcConfiguration;
  deploymentConfiguration: DeploymentConfiguration;
  placementStrategy: PlacementStrategy[];
  placementConstraints: PlacementConstraint[];
  healthCheckGracePeriodSeconds?: number;
  roleArn?: string;
  propagateTags: 'TASK_DEFINITION' | 'SERVICE' | 'NONE';
  enableECSManagedTags: boolean;
  enableExecuteCommand: boolean;
  availabilityZoneRebalancing: 'ENABLED' | 'DISABLED';
  createdBy: string;
  tags: Tag[];
  createdAt: number;
  /** PRIMARY first. */
  deployments: DeploymentRecord[];
  /** Newest first. */
  serviceDeployments: ServiceDeploymentRecord[];
  /** Newest first, at most 100. */
  events: ServiceEventRecord[];
  /** The last deployment that completed: what the circuit breaker rolls back to. */
  lastCompleted?: { id: string; taskDefinitionArn: string; serviceRevisionArn: string };
  /** CreateService idempotency: the token and a fingerprint of the request that used it. */
  clientToken?: string;
  requestFingerprint?: string;
  /** The scheduler's next look at this service (simulated ms) and its queue sequence number. */
  wakeAt?: number;
  wakeSeq?: number;
  /** While tasks cannot be placed, the scheduler retries less and less often (ms). */
  placementBackoff?: number;
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
