import { ServiceActionResponse } from '@deckhand/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { sendJson } from '../../../lib/api-client';
import { servicePath, type ServiceScope } from './ecs-keys';
import { storeServiceAnswer } from './service-answer';

export interface ScaleVariables {
  desiredCount: number;
  /** The service name, when scaling to 0. */
  confirm?: string;
  idempotencyKey: string;
}

/** Sets a service's desired count (`POST …/scale`); the answer updates the cached service. */
export function useScaleService(scope: ServiceScope) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ desiredCount, confirm, idempotencyKey }: ScaleVariables) =>
      sendJson(
        'POST',
        `${servicePath(scope)}/scale`,
        { desiredCount, ...(confirm === undefined ? {} : { confirm }) },
        ServiceActionResponse,
        { query: { region: scope.region }, idempotencyKey },
      ),
    onSuccess: ({ service }) => storeServiceAnswer(client, scope, service),
  });
}
