import {
  Service,
  type ServiceDetail,
  type ServiceDetailResponse,
  type ServicesResponse,
} from '@deckhand/shared';
import type { QueryClient } from '@tanstack/react-query';
import { applyToServiceDetail, applyToServices } from '../lib/live-reducers';
import { ecsKeys, type ServiceScope } from './ecs-keys';

/**
 * Puts the service a mutation answered with into the cache, as a `service.updated` event would:
 * the answer is what ECS now holds, and the events it carries are only AWS's last 100, so the
 * cached event history is kept.
 */
export function storeServiceAnswer(
  client: QueryClient,
  scope: ServiceScope,
  answer: ServiceDetail,
): void {
  const event = {
    type: 'service.updated' as const,
    region: scope.region ?? '',
    cluster: scope.cluster,
    service: Service.parse(answer),
  };
  client.setQueryData<ServicesResponse>(
    ecsKeys.servicesList(scope),
    (data) => data && applyToServices(data, event),
  );
  client.setQueryData<ServiceDetailResponse>(
    ecsKeys.serviceDetail(scope),
    (data) => data && applyToServiceDetail(data, event),
  );
}
