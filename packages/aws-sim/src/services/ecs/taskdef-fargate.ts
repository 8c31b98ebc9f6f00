import { isEcrImage, networkModeOf, type TaskDefinitionInput } from './taskdef-model.js';
import { isFargateSize, parseTaskCpu, parseTaskMemory } from './taskdef-units.js';

const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

/**
 * Why a task definition cannot run on Fargate, in ECS's words, or undefined when it can.
 * RegisterTaskDefinition refuses the first reason when FARGATE is required; otherwise the same
 * test decides whether `compatibilities` lists FARGATE.
 */
export function fargateViolation(definition: TaskDefinitionInput): string | undefined {
  if (networkModeOf(definition) !== 'awsvpc') {
    // AWS's message really does use typographic quotes here.
    return 'Fargate only supports network mode \u2018awsvpc\u2019.';
  }
  if (definition.cpu === undefined)
    return "Fargate requires that 'cpu' be defined at the task level.";
  if (definition.memory === undefined) {
    return "Fargate requires that 'memory' be defined at the task level.";
  }
  const cpu = parseTaskCpu(definition.cpu);
  const memory = parseTaskMemory(definition.memory);
  if (cpu === undefined || memory === undefined || !isFargateSize(cpu, memory)) {
    return `No Fargate configuration exists for given values: ${cpu ?? definition.cpu} CPU, ${memory ?? definition.memory} memory. See the Amazon ECS documentation for the valid values.`;
  }
  if (definition.ipcMode !== undefined) {
    return 'Tasks using the Fargate launch type do not support ipcMode.';
  }
  if (definition.pidMode !== undefined && definition.pidMode !== 'task') {
    return `Tasks using the Fargate launch type do not support pidMode '${definition.pidMode}'. The supported value for pidMode is 'task'.`;
  }
  if ((definition.placementConstraints ?? []).length > 0) {
    return 'Fargate compatible task definitions do not support constraints';
  }
  for (const volume of definition.volumes ?? []) {
    if (volume.host?.sourcePath !== undefined) {
      return 'Fargate compatible task definitions do not support sourcePath';
    }
    if (volume.dockerVolumeConfiguration !== undefined) {
      return 'Fargate compatible task definitions do not support dockerVolumeConfiguration';
    }
  }
  return containerViolation(definition);
}

function containerViolation(definition: TaskDefinitionInput): string | undefined {
  for (const container of definition.containerDefinitions ?? []) {
    if (container.privileged === true) {
      return 'Fargate compatible task definitions do not support privileged';
    }
    if ((container.linuxParameters?.devices ?? []).length > 0) {
      return 'Fargate compatible task definitions do not support devices';
    }
    const driver = container.logConfiguration?.logDriver;
    if (driver !== undefined && !FARGATE_LOG_DRIVERS.includes(driver)) {
      return `${driver} is not a valid log driver. Must be one of [${FARGATE_LOG_DRIVERS.join(', ')}]`;
    }
    // Fargate pulls images and ships logs with the execution role, never the task role.
    if (driver === 'awslogs') {
      if (!definition.executionRoleArn) {
        return 'Fargate requires task definition to have execution role ARN to support log driver awslogs.';
      }
      if (!container.logConfiguration?.options?.['awslogs-stream-prefix']) {
        return "Log driver awslogs option 'awslogs-stream-prefix' should not be null or empty.";
      }
    }
    if (isEcrImage(container.image) && !definition.executionRoleArn) {
      return 'Fargate requires task definition to have execution role ARN to support ECR images.';
    }
  }
  return undefined;
}
