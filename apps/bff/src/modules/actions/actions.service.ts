import {
  requiredConfirmation,
  type ContainerInstanceStateInput,
  type DeployServiceInput,
  type DestructiveAction,
  type ScaleServiceInput,
  type StopTaskInput,
} from '@deckhand/shared';
import type { AwsClients } from '../../aws/clients.js';
import type { EcsReads } from '../../aws/ecs-reads.js';
import { EcsWrites } from '../../aws/ecs-writes.js';
import { ConfirmationRequiredError } from '../../http/errors.js';
import type { AuditLog, IdempotencyStore } from '../../store/types.js';
import { nameOf } from '../ecs-mapping.js';
import {
  auditResult,
  toInstanceStateAnswer,
  toRegisterAnswer,
  toServiceAnswer,
  toStopAnswer,
} from './actions.mapper.js';
import { createActionRunner, type ActionContext, type ActionOutcome } from './action-runner.js';
import {
  registerAuditParams,
  toSdkRegisterInput,
  type RegisterTaskDefinitionInput,
} from './register-input.js';

/**
 * The live operations (DESIGN.md mutation routes): scale and deploy a service, stop a task,
 * drain or re-activate a container instance, register a task definition revision. Each checks
 * its confirmation, is audited before and after its one AWS call, deduplicated by
 * Idempotency-Key, and invalidates the cached reads it changed. Inputs arrive validated.
 */
export interface ActionsService {
  scaleService(
    context: ActionContext,
    cluster: string,
    service: string,
    input: ScaleServiceInput,
  ): Promise<ActionOutcome>;
  deployService(
    context: ActionContext,
    cluster: string,
    service: string,
    input: DeployServiceInput,
  ): Promise<ActionOutcome>;
  /** `task` is the task id. */
  stopTask(
    context: ActionContext,
    cluster: string,
    task: string,
    input: StopTaskInput,
  ): Promise<ActionOutcome>;
  /** `containerInstance` is the container instance id. */
  setContainerInstanceState(
    context: ActionContext,
    cluster: string,
    containerInstance: string,
    input: ContainerInstanceStateInput,
  ): Promise<ActionOutcome>;
  registerTaskDefinition(
    context: ActionContext,
    input: RegisterTaskDefinitionInput,
  ): Promise<ActionOutcome>;
}

export interface ActionsServiceDeps {
  clients: AwsClients;
  reads: EcsReads;
  audit: AuditLog;
  idempotency: IdempotencyStore;
  /** Called after AWS accepted a change in a cluster (e.g. to poll it sooner). */
  afterMutation?: (region: string, cluster: string) => void;
  now?: () => number;
}

/** Refuses a destructive action whose `confirm` does not repeat its target's name. */
function checkConfirmation(action: DestructiveAction, confirm: string | undefined, why: string) {
  const required = requiredConfirmation(action);
  if (required !== undefined && confirm !== required)
    throw new ConfirmationRequiredError(`${why}: set confirm to "${required}" to go ahead.`);
}

export function createActionsService(deps: ActionsServiceDeps): ActionsService {
  const writes = new EcsWrites(deps.clients);
  const run = createActionRunner({
    audit: deps.audit,
    idempotency: deps.idempotency,
    now: deps.now ?? Date.now,
  });
  const changed = (region: string, cluster: string) => () => {
    deps.reads.invalidateCluster(region, cluster);
    deps.afterMutation?.(region, cluster);
  };

  /** The ids of the RUNNING tasks on an instance, best effort: the change is done either way. */
  async function tasksOn(region: string, cluster: string, instanceArn: string | undefined) {
    if (!instanceArn) return [];
    try {
      const tasks = await deps.reads.tasks(region, cluster, 'RUNNING');
      return tasks.value
        .filter((task) => task.containerInstanceArn === instanceArn)
        .map((task) => nameOf(task.taskArn));
    } catch {
      return [];
    }
  }

  return {
    async scaleService(context, cluster, service, input) {
      const { desiredCount } = input;
      checkConfirmation(
        { action: 'scale', service, desiredCount },
        input.confirm,
        `Scaling ${service} to 0 stops all its tasks`,
      );
      return await run(context, {
        action: 'service.scale',
        target: `${cluster}/${service}`,
        input,
        what: `Scaling service ${service}`,
        call: () => writes.updateService(context.region, cluster, service, { desiredCount }),
        answer: toServiceAnswer,
        result: auditResult.service,
        after: changed(context.region, cluster),
      });
    },

    async deployService(context, cluster, service, input) {
      return await run(context, {
        action: 'service.deploy',
        target: `${cluster}/${service}`,
        input,
        what: `Deploying service ${service}`,
        call: () => writes.updateService(context.region, cluster, service, input),
        answer: toServiceAnswer,
        result: auditResult.service,
        after: changed(context.region, cluster),
      });
    },

    async stopTask(context, cluster, task, input) {
      checkConfirmation(
        { action: 'stop-task', task },
        input.confirm,
        `Stopping task ${task} ends its containers`,
      );
      return await run(context, {
        action: 'task.stop',
        target: `${cluster}/task/${task}`,
        input,
        what: `Stopping task ${task}`,
        call: () => writes.stopTask(context.region, cluster, task, input.reason),
        answer: toStopAnswer,
        result: auditResult.task,
        after: changed(context.region, cluster),
      });
    },

    async setContainerInstanceState(context, cluster, containerInstance, input) {
      const { status } = input;
      checkConfirmation(
        { action: 'instance-state', containerInstance, status },
        input.confirm,
        `Draining container instance ${containerInstance} moves its service tasks away`,
      );
      return await run(context, {
        action: 'container-instance.state',
        target: `${cluster}/container-instance/${containerInstance}`,
        input,
        what: `${status === 'DRAINING' ? 'Draining' : 'Activating'} container instance ${containerInstance}`,
        call: () =>
          writes.updateContainerInstanceState(context.region, cluster, containerInstance, status),
        answer: async (output) =>
          toInstanceStateAnswer(
            output,
            cluster,
            containerInstance,
            await tasksOn(
              context.region,
              cluster,
              output.containerInstances?.[0]?.containerInstanceArn,
            ),
          ),
        result: auditResult.instance,
        after: changed(context.region, cluster),
      });
    },

    async registerTaskDefinition(context, input) {
      return await run(context, {
        action: 'task-definition.register',
        target: input.family,
        input,
        params: registerAuditParams(input),
        what: `Registering task definition ${input.family}`,
        call: () => writes.registerTaskDefinition(context.region, toSdkRegisterInput(input)),
        answer: toRegisterAnswer,
        result: auditResult.taskDefinition,
        // A new revision touches no cluster: only the task definition lists are out of date.
        after: () => deps.reads.invalidateTaskDefinitions(context.region),
      });
    },
  };
}
