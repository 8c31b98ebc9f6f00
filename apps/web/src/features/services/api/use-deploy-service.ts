import { ServiceActionResponse } from '@deckhand/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../lib/api-client';
import { servicePath, type ServiceScope } from './ecs-keys';
import { storeServiceAnswer } from './service-answer';

export interface DeployVariables {
  /** `family:revision` (or `family`); undefined redeploys the current revision. */
  taskDefinition?: string;
  forceNewDeployment: boolean;
  idempotencyKey: string;
}

/** Starts a deployment (`POST …/deploy`): a new revision, or fresh tasks of the current one. */
export function useDeployService(scope: ServiceScope) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ taskDefinition, forceNewDeployment, idempotencyKey }: DeployVariables) =>
      sendJson(
        'POST',
        `${servicePath(scope)}/deploy`,
        { ...(taskDefinition ? { taskDefinition } : {}), forceNewDeployment },
        ServiceActionResponse,
        { query: { region: scope.region }, idempotencyKey },
      ),
    onSuccess: ({ service }) => storeServiceAnswer(client, scope, service),
  });
}
