/**
 * The parts of a RegisterTaskDefinition input that validation and normalisation read. A conformed
 * input (taskdef-conform.ts) carries every other modelled member too; spreads keep them.
 */

export interface PortMapping {
  containerPort?: number;
  hostPort?: number;
  protocol?: string;
  containerPortRange?: string;
  name?: string;
  appProtocol?: string;
}

export interface Secret {
  name?: string;
  valueFrom?: string;
}

export interface LogConfiguration {
  logDriver?: string;
  options?: Record<string, string>;
  secretOptions?: Secret[];
}

export interface HealthCheck {
  command?: string[];
  interval?: number;
  timeout?: number;
  retries?: number;
  startPeriod?: number;
}

export interface ContainerDefinition {
  name?: string;
  image?: string;
  cpu?: number;
  memory?: number;
  memoryReservation?: number;
  links?: string[];
  portMappings?: PortMapping[];
  essential?: boolean;
  environment?: { name?: string; value?: string }[];
  mountPoints?: { sourceVolume?: string; containerPath?: string; readOnly?: boolean }[];
  volumesFrom?: { sourceContainer?: string; readOnly?: boolean }[];
  linuxParameters?: { devices?: unknown[]; sharedMemorySize?: number; maxSwap?: number };
  secrets?: Secret[];
  dependsOn?: { containerName?: string; condition?: string }[];
  startTimeout?: number;
  stopTimeout?: number;
  hostname?: string;
  extraHosts?: { hostname?: string; ipAddress?: string }[];
  privileged?: boolean;
  logConfiguration?: LogConfiguration;
  healthCheck?: HealthCheck;
  systemControls?: unknown[];
  repositoryCredentials?: { credentialsParameter?: string };
  firelensConfiguration?: { type?: string };
  resourceRequirements?: { type?: string; value?: string }[];
}

export interface Volume {
  name?: string;
  host?: { sourcePath?: string };
  dockerVolumeConfiguration?: Record<string, unknown>;
  efsVolumeConfiguration?: { fileSystemId?: string; authorizationConfig?: { iam?: string } };
  s3filesVolumeConfiguration?: Record<string, unknown>;
  fsxWindowsFileServerVolumeConfiguration?: Record<string, unknown>;
  configuredAtLaunch?: boolean;
}

export interface TaskDefinitionInput {
  family?: string;
  taskRoleArn?: string;
  executionRoleArn?: string;
  networkMode?: string;
  containerDefinitions?: ContainerDefinition[];
  volumes?: Volume[];
  placementConstraints?: { type?: string; expression?: string }[];
  requiresCompatibilities?: string[];
  cpu?: string;
  memory?: string;
  tags?: { key?: string; value?: string }[];
  pidMode?: string;
  ipcMode?: string;
  proxyConfiguration?: { type?: string; containerName?: string };
  ephemeralStorage?: { sizeInGiB?: number };
  runtimePlatform?: { cpuArchitecture?: string; operatingSystemFamily?: string };
}

/** Linux tasks default to `bridge` when `networkMode` is omitted. */
export function networkModeOf(definition: TaskDefinitionInput): string {
  return definition.networkMode ?? 'bridge';
}

export function requestsFargate(definition: TaskDefinitionInput): boolean {
  return definition.requiresCompatibilities?.includes('FARGATE') ?? false;
}

// ECR private registry images: <account>.dkr.ecr.<region>.amazonaws.com[.cn]/<repository>
const ECR_IMAGE = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;

export function isEcrImage(image: string | undefined): boolean {
  return image !== undefined && ECR_IMAGE.test(image);
}
