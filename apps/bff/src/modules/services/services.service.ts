import type { ServiceDetailResponse, ServicesResponse } from '@deckhand/shared';
import { failuresField } from '../../aws/describe-failures.js';
import type { EcsReads } from '../../aws/ecs-reads.js';
import { freshnessOf } from '../../http/read-response.js';
import type { HistoryStore } from '../../store/types.js';
import { MAX_SERVICE_EVENTS, mergeServiceEvents } from '../history-merge.js';
import { toService, toServiceDetail } from './services.mapper.js';

export interface ServicesService {
  /** Every service of a cluster (ListServices to the end, DescribeServices by 10), by name. */
  listServices(region: string, cluster: string): Promise<ServicesResponse>;
  /**
   * One service with its configuration and events (AWS's 100 latest, then older ones from the
   * history); NotFoundError when ECS reports it MISSING.
   */
  getService(region: string, cluster: string, service: string): Promise<ServiceDetailResponse>;
}

export function createServicesService(reads: EcsReads, history?: HistoryStore): ServicesService {
  return {
    async listServices(region, cluster) {
      const services = await reads.services(region, cluster);
      return {
        services: services.value.map(toService).sort((a, b) => a.name.localeCompare(b.name)),
        ...failuresField(services.value),
        ...freshnessOf(services),
      };
    },

    async getService(region, cluster, name) {
      const service = await reads.service(region, cluster, name);
      const detail = toServiceDetail(service.value);
      if (history) {
        const kept = await history.serviceEvents(
          { region, cluster, service: name },
          { limit: MAX_SERVICE_EVENTS },
        );
        detail.events = mergeServiceEvents(detail.events, kept);
      }
      return { service: detail, ...freshnessOf(service) };
    },
  };
}
