import type {
  RegisterTaskDefinitionCommandOutput,
  StopTaskCommandOutput,
  UpdateContainerInstancesStateCommandOutput,
  UpdateServiceCommandOutput,
} from '@aws-sdk/client-ecs';
import {
  ContainerInstanceStateResponse,
  EcsTaskDefinition,
  ServiceActionResponse,
  StopTaskResponse,
} from '@deckhand/shared';
import { z } from 'zod';
import { AwsUnavailableError } from '../../aws/errors.js';
import { InputError, NotFoundError } from '../../http/errors.js';
import { toContainerInstance } from '../container-instances/container-instances.mapper.js';
import { nameOf } from '../ecs-mapping.js';
import { toServiceDetail } from '../services/services.mapper.js';
import { toTaskDefinitionDto } from '../task-definitions/task-definitions.mapper.js';
import { toTask } from '../tasks/tasks.mapper.js';

/** `POST /task-definitions`: the registered revision as `GET /task-definitions/:family/:revision` shows it. */
export const RegisterTaskDefinitionResponse = z.object({
  taskDefinition: EcsTaskDefinition,
  tags: z.array(z.object({ key: z.string(), value: z.string() })),
});
export type RegisterTaskDefinitionResponse = z.infer<typeof RegisterTaskDefinitionResponse>;

/** A success answer without the resource would be an AWS fault, never the user's. */
const missingFrom = (operation: string, what: string) =>
  new AwsUnavailableError(`${operation} answered without the ${what}.`);

/** UpdateService output → the service as ECS answered the update (events included). */
export function toServiceAnswer(output: UpdateServiceCommandOutput): ServiceActionResponse {
  if (!output.service) throw missingFrom('UpdateService', 'service');
  return ServiceActionResponse.parse({ service: toServiceDetail(output.service) });
}

/** StopTask output → the task, now with desiredStatus STOPPED. */
export function toStopAnswer(output: StopTaskCommandOutput): StopTaskResponse {
  if (!output.task) throw missingFrom('StopTask', 'task');
  return StopTaskResponse.parse({ task: toTask(output.task) });
}

/**
 * UpdateContainerInstancesState output → the instance. ECS reports a refusal per instance in
 * `failures` (MISSING, INACTIVE) with a 200, so one asked-for instance is found or refused here.
 */
export function toInstanceStateAnswer(
  output: UpdateContainerInstancesStateCommandOutput,
  cluster: string,
  id: string,
  taskIds: string[],
): ContainerInstanceStateResponse {
  const instance = output.containerInstances?.[0];
  if (instance) {
    return ContainerInstanceStateResponse.parse({
      containerInstance: toContainerInstance(instance, taskIds),
    });
  }
  const reason = output.failures?.[0]?.reason ?? 'MISSING';
  if (reason === 'MISSING')
    throw new NotFoundError(`Container instance ${id} was not found in cluster ${cluster}.`);
  throw new InputError(`Container instance ${id}: ECS refused the change (${reason}).`);
}

/** RegisterTaskDefinition output → the revision in the AWS shape, with its tags. */
export function toRegisterAnswer(
  output: RegisterTaskDefinitionCommandOutput,
): RegisterTaskDefinitionResponse {
  if (!output.taskDefinition) throw missingFrom('RegisterTaskDefinition', 'task definition');
  return {
    taskDefinition: toTaskDefinitionDto(output.taskDefinition),
    tags: (output.tags ?? []).flatMap((tag) =>
      tag.key ? [{ key: tag.key, value: tag.value ?? '' }] : [],
    ),
  };
}

/** The short outcome the audit log keeps for each action. */
export const auditResult = {
  service: ({ service }: ServiceActionResponse) => ({
    desiredCount: service.desiredCount,
    taskDefinition: service.taskDefinition,
    deploymentId: service.deployments.find((d) => d.status === 'PRIMARY')?.id,
  }),
  task: ({ task }: StopTaskResponse) => ({
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
  }),
  instance: ({ containerInstance }: ContainerInstanceStateResponse) => ({
    status: containerInstance.status,
  }),
  taskDefinition: ({ taskDefinition }: RegisterTaskDefinitionResponse) => ({
    taskDefinition: nameOf(taskDefinition.taskDefinitionArn, ''),
  }),
};
