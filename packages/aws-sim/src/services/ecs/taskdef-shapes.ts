/**
 * The wire shapes of RegisterTaskDefinition's input, copied from the ECS service model
 * (botocore `data/ecs/2014-11-13/service-2.json`, shape `RegisterTaskDefinitionRequest` and
 * every structure it reaches). A member is a primitive (`string`, `integer`, `boolean`), the name
 * of another structure here, or a `list`/`map` of either. Enums are plain strings: the
 * deserializer accepts any string and the service judges the value.
 *
 * Kept as data so a fresh machine needs no Python; `taskdef-conform.test.ts` re-derives it from
 * the model whenever botocore is installed and fails on any drift.
 */
export type MemberShape = string | { list: MemberShape } | { map: MemberShape };

export const PRIMITIVES = new Set(['string', 'integer', 'boolean']);

export const TASK_DEFINITION_SHAPES: Readonly<
  Record<string, Readonly<Record<string, MemberShape>>>
> = {
  RegisterTaskDefinitionRequest: {
    family: 'string',
    taskRoleArn: 'string',
    executionRoleArn: 'string',
    networkMode: 'string',
    containerDefinitions: { list: 'ContainerDefinition' },
    volumes: { list: 'Volume' },
    placementConstraints: { list: 'TaskDefinitionPlacementConstraint' },
    requiresCompatibilities: { list: 'string' },
    cpu: 'string',
    memory: 'string',
    tags: { list: 'Tag' },
    pidMode: 'string',
    ipcMode: 'string',
    proxyConfiguration: 'ProxyConfiguration',
    inferenceAccelerators: { list: 'InferenceAccelerator' },
    ephemeralStorage: 'EphemeralStorage',
    runtimePlatform: 'RuntimePlatform',
    enableFaultInjection: 'boolean',
  },
  ContainerDefinition: {
    name: 'string',
    image: 'string',
    repositoryCredentials: 'RepositoryCredentials',
    cpu: 'integer',
    memory: 'integer',
    memoryReservation: 'integer',
    links: { list: 'string' },
    portMappings: { list: 'PortMapping' },
    essential: 'boolean',
    restartPolicy: 'ContainerRestartPolicy',
    entryPoint: { list: 'string' },
    command: { list: 'string' },
    environment: { list: 'KeyValuePair' },
    environmentFiles: { list: 'EnvironmentFile' },
    mountPoints: { list: 'MountPoint' },
    volumesFrom: { list: 'VolumeFrom' },
    linuxParameters: 'LinuxParameters',
    secrets: { list: 'Secret' },
    dependsOn: { list: 'ContainerDependency' },
    startTimeout: 'integer',
    stopTimeout: 'integer',
    versionConsistency: 'string',
    hostname: 'string',
    user: 'string',
    workingDirectory: 'string',
    disableNetworking: 'boolean',
    privileged: 'boolean',
    readonlyRootFilesystem: 'boolean',
    dnsServers: { list: 'string' },
    dnsSearchDomains: { list: 'string' },
    extraHosts: { list: 'HostEntry' },
    dockerSecurityOptions: { list: 'string' },
    interactive: 'boolean',
    pseudoTerminal: 'boolean',
    dockerLabels: { map: 'string' },
    ulimits: { list: 'Ulimit' },
    logConfiguration: 'LogConfiguration',
    healthCheck: 'HealthCheck',
    systemControls: { list: 'SystemControl' },
    resourceRequirements: { list: 'ResourceRequirement' },
    firelensConfiguration: 'FirelensConfiguration',
    credentialSpecs: { list: 'string' },
  },
  RepositoryCredentials: {
    credentialsParameter: 'string',
  },
  PortMapping: {
    containerPort: 'integer',
    hostPort: 'integer',
    protocol: 'string',
    name: 'string',
    appProtocol: 'string',
    containerPortRange: 'string',
  },
  ContainerRestartPolicy: {
    enabled: 'boolean',
    ignoredExitCodes: { list: 'integer' },
    restartAttemptPeriod: 'integer',
  },
  KeyValuePair: {
    name: 'string',
    value: 'string',
  },
  EnvironmentFile: {
    value: 'string',
    type: 'string',
  },
  MountPoint: {
    sourceVolume: 'string',
    containerPath: 'string',
    readOnly: 'boolean',
  },
  VolumeFrom: {
    sourceContainer: 'string',
    readOnly: 'boolean',
  },
  LinuxParameters: {
    capabilities: 'KernelCapabilities',
    devices: { list: 'Device' },
    initProcessEnabled: 'boolean',
    sharedMemorySize: 'integer',
    tmpfs: { list: 'Tmpfs' },
    maxSwap: 'integer',
    swappiness: 'integer',
  },
  KernelCapabilities: {
    add: { list: 'string' },
    drop: { list: 'string' },
  },
  Device: {
    hostPath: 'string',
    containerPath: 'string',
    permissions: { list: 'string' },
  },
  Tmpfs: {
    containerPath: 'string',
    size: 'integer',
    mountOptions: { list: 'string' },
  },
  Secret: {
    name: 'string',
    valueFrom: 'string',
  },
  ContainerDependency: {
    containerName: 'string',
    condition: 'string',
  },
  HostEntry: {
    hostname: 'string',
    ipAddress: 'string',
  },
  Ulimit: {
    name: 'string',
    softLimit: 'integer',
    hardLimit: 'integer',
  },
  LogConfiguration: {
    logDriver: 'string',
    options: { map: 'string' },
    secretOptions: { list: 'Secret' },
  },
  HealthCheck: {
    command: { list: 'string' },
    interval: 'integer',
    timeout: 'integer',
    retries: 'integer',
    startPeriod: 'integer',
  },
  SystemControl: {
    namespace: 'string',
    value: 'string',
  },
  ResourceRequirement: {
    value: 'string',
    type: 'string',
  },
  FirelensConfiguration: {
    type: 'string',
    options: { map: 'string' },
  },
  Volume: {
    name: 'string',
    host: 'HostVolumeProperties',
    dockerVolumeConfiguration: 'DockerVolumeConfiguration',
    efsVolumeConfiguration: 'EFSVolumeConfiguration',
    s3filesVolumeConfiguration: 'S3FilesVolumeConfiguration',
    fsxWindowsFileServerVolumeConfiguration: 'FSxWindowsFileServerVolumeConfiguration',
    configuredAtLaunch: 'boolean',
  },
  HostVolumeProperties: {
    sourcePath: 'string',
  },
  DockerVolumeConfiguration: {
    scope: 'string',
    autoprovision: 'boolean',
    driver: 'string',
    driverOpts: { map: 'string' },
    labels: { map: 'string' },
  },
  EFSVolumeConfiguration: {
    fileSystemId: 'string',
    rootDirectory: 'string',
    transitEncryption: 'string',
    transitEncryptionPort: 'integer',
    authorizationConfig: 'EFSAuthorizationConfig',
  },
  EFSAuthorizationConfig: {
    accessPointId: 'string',
    iam: 'string',
  },
  S3FilesVolumeConfiguration: {
    fileSystemArn: 'string',
    rootDirectory: 'string',
    transitEncryptionPort: 'integer',
    accessPointArn: 'string',
  },
  FSxWindowsFileServerVolumeConfiguration: {
    fileSystemId: 'string',
    rootDirectory: 'string',
    authorizationConfig: 'FSxWindowsFileServerAuthorizationConfig',
  },
  FSxWindowsFileServerAuthorizationConfig: {
    credentialsParameter: 'string',
    domain: 'string',
  },
  TaskDefinitionPlacementConstraint: {
    type: 'string',
    expression: 'string',
  },
  Tag: {
    key: 'string',
    value: 'string',
  },
  ProxyConfiguration: {
    type: 'string',
    containerName: 'string',
    properties: { list: 'KeyValuePair' },
  },
  InferenceAccelerator: {
    deviceName: 'string',
    deviceType: 'string',
  },
  EphemeralStorage: {
    sizeInGiB: 'integer',
  },
  RuntimePlatform: {
    cpuArchitecture: 'string',
    operatingSystemFamily: 'string',
  },
};
