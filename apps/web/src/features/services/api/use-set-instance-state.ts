import { ContainerInstanceStateResponse, type ContainerInstancesResponse } from '@deckhand/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../lib/api-client';
import { clusterPath, ecsKeys, type ClusterScope } from './ecs-keys';

export interface InstanceStateVariables {
  instance: string;
  status: 'DRAINING' | 'ACTIVE';
  /** The instance id, when draining. */
  confirm?: string;
  idempotencyKey: string;
}

/** Drains or reactivates a container instance (`POST …/container-instances/:id/state`). */
export function useSetInstanceState(scope: ClusterScope) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ instance, status, confirm, idempotencyKey }: InstanceStateVariables) =>
      sendJson(
        'POST',
        `${clusterPath(scope)}/container-instances/${encodeURIComponent(instance)}/state`,
        { status, ...(confirm === undefined ? {} : { confirm }) },
        ContainerInstanceStateResponse,
        { query: { region: scope.region }, idempotencyKey },
      ),
    onSuccess: ({ containerInstance }) => {
      client.setQueryData<ContainerInstancesResponse>(ecsKeys.instancesList(scope), (data) =>
        data
          ? {
              ...data,
              containerInstances: data.containerInstances.map((instance) =>
                instance.id === containerInstance.id ? containerInstance : instance,
              ),
            }
          : data,
      );
    },
  });
}
