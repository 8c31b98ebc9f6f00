import {
  RegisterTaskDefinitionCommand,
  StopTaskCommand,
  UpdateContainerInstancesStateCommand,
  UpdateServiceCommand,
  type RegisterTaskDefinitionCommandInput,
  type RegisterTaskDefinitionCommandOutput,
  type StopTaskCommandOutput,
  type UpdateContainerInstancesStateCommandOutput,
  type UpdateServiceCommandOutput,
} from '@aws-sdk/client-ecs';
import type { AwsClients } from './clients.js';

/** What a service update changes: the desired count (scale) or the revision / a forced redeploy. */
export interface ServiceUpdate {
  desiredCount?: number;
  taskDefinition?: string;
  forceNewDeployment?: boolean;
}

/** AWS's request id of a call, from a successful output or from the SDK error of a refused one. */
export function awsRequestIdOf(outputOrError: unknown): string | undefined {
  if (outputOrError === null || typeof outputOrError !== 'object') return undefined;
  const metadata = (outputOrError as { $metadata?: { requestId?: unknown } }).$metadata;
  return typeof metadata?.requestId === 'string' ? metadata.requestId : undefined;
}

/**
 * The ECS mutations Deckhand makes, one SDK call each. None of these operations takes a
 * clientToken, so deduplication is the caller's (the BFF's idempotency store). Errors are the
 * SDK's own, unmapped: the caller needs their `$metadata` for the audit log before mapping them.
 * Mutations are not tied to the browser request's abort signal: once sent, the answer is
 * awaited so that the audit log records how it ended.
 */
export class EcsWrites {
  constructor(private readonly clients: AwsClients) {}

  /** UpdateService with only the members given: a scale never redeploys, a deploy keeps the count. */
  updateService(
    region: string,
    cluster: string,
    service: string,
    update: ServiceUpdate,
  ): Promise<UpdateServiceCommandOutput> {
    return this.clients.ecs(region).send(
      new UpdateServiceCommand({
        cluster,
        service,
        ...(update.desiredCount !== undefined ? { desiredCount: update.desiredCount } : {}),
        ...(update.taskDefinition !== undefined ? { taskDefinition: update.taskDefinition } : {}),
        ...(update.forceNewDeployment ? { forceNewDeployment: true } : {}),
      }),
    );
  }

  /** StopTask by task id within its cluster; the reason shows as the task's stoppedReason. */
  stopTask(
    region: string,
    cluster: string,
    task: string,
    reason: string,
  ): Promise<StopTaskCommandOutput> {
    return this.clients.ecs(region).send(new StopTaskCommand({ cluster, task, reason }));
  }

  /** UpdateContainerInstancesState for one instance; per-instance refusals come back as `failures`. */
  updateContainerInstanceState(
    region: string,
    cluster: string,
    containerInstance: string,
    status: 'ACTIVE' | 'DRAINING',
  ): Promise<UpdateContainerInstancesStateCommandOutput> {
    return this.clients.ecs(region).send(
      new UpdateContainerInstancesStateCommand({
        cluster,
        containerInstances: [containerInstance],
        status,
      }),
    );
  }

  registerTaskDefinition(
    region: string,
    input: RegisterTaskDefinitionCommandInput,
  ): Promise<RegisterTaskDefinitionCommandOutput> {
    return this.clients.ecs(region).send(new RegisterTaskDefinitionCommand(input));
  }
}
