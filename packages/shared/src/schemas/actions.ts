import { z } from 'zod';
import { ContainerInstance } from './ecs-instances.js';
import { ServiceDetail } from './services.js';
import { Task } from './tasks.js';

/**
 * Inputs and answers of the mutation routes (DESIGN.md). Destructive actions (scale to 0, stop a
 * task, drain an instance) need `confirm` to repeat the target's name, so a stray script or a
 * raw API call cannot do them by accident: the BFF answers 400 `confirmation_required` without it.
 */

/** ECS's own ceiling on a service's desired count. */
export const MAX_DESIRED_COUNT = 5_000;

/** What `confirm` repeats is an ECS name (≤ 255 characters) or id: anything longer is no confirmation. */
const Confirmation = z.string().max(255);

export const ScaleServiceInput = z.strictObject({
  desiredCount: z.number().int().min(0).max(MAX_DESIRED_COUNT),
  /** The service name; required when `desiredCount` is 0. */
  confirm: Confirmation.optional(),
});
export type ScaleServiceInput = z.infer<typeof ScaleServiceInput>;

/** `family:revision`, `family` (latest ACTIVE) or a task definition ARN. */
export const TaskDefinitionReference = z
  .string()
  .regex(
    /^(arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/)?[A-Za-z0-9_-]{1,255}(:\d{1,9})?$/,
    'must be family, family:revision or a task definition ARN',
  );

export const DeployServiceInput = z
  .strictObject({
    taskDefinition: TaskDefinitionReference.optional(),
    forceNewDeployment: z.boolean().optional(),
  })
  .refine((input) => input.taskDefinition !== undefined || input.forceNewDeployment === true, {
    message: 'name a taskDefinition or set forceNewDeployment: true',
  });
export type DeployServiceInput = z.infer<typeof DeployServiceInput>;

export const StopTaskInput = z.strictObject({
  /** Shown in the task's stoppedReason; ECS caps it at 255 characters. */
  reason: z.string().trim().min(1, 'say why the task is stopped').max(255),
  /** The task id. */
  confirm: Confirmation.optional(),
});
export type StopTaskInput = z.infer<typeof StopTaskInput>;

export const ContainerInstanceStateInput = z.strictObject({
  status: z.enum(['DRAINING', 'ACTIVE']),
  /** The container instance id; required for DRAINING. */
  confirm: Confirmation.optional(),
});
export type ContainerInstanceStateInput = z.infer<typeof ContainerInstanceStateInput>;

/** `POST …/scale` and `POST …/deploy`: the service as ECS answered the update. */
export const ServiceActionResponse = z.object({ service: ServiceDetail });
export type ServiceActionResponse = z.infer<typeof ServiceActionResponse>;

export const StopTaskResponse = z.object({ task: Task });
export type StopTaskResponse = z.infer<typeof StopTaskResponse>;

export const ContainerInstanceStateResponse = z.object({ containerInstance: ContainerInstance });
export type ContainerInstanceStateResponse = z.infer<typeof ContainerInstanceStateResponse>;

export type DestructiveAction =
  | { action: 'scale'; service: string; desiredCount: number }
  | { action: 'stop-task'; task: string }
  | { action: 'instance-state'; containerInstance: string; status: 'DRAINING' | 'ACTIVE' };

/**
 * The word a destructive action's `confirm` must repeat, or undefined when the action needs no
 * confirmation. The UI asks the user to type it; the BFF refuses the request without it.
 */
export function requiredConfirmation(action: DestructiveAction): string | undefined {
  switch (action.action) {
    case 'scale':
      return action.desiredCount === 0 ? action.service : undefined;
    case 'stop-task':
      return action.task;
    case 'instance-state':
      return action.status === 'DRAINING' ? action.containerInstance : undefined;
  }
}
