import type { ServiceDetailResponse, ServicesResponse } from '@deckhand/shared';
import type { EcsReads } from '../../aws/ecs-reads.js';
import { freshnessOf } from '../../http/read-response.js';
import { toService, toServiceDetail } from './services.mapper.js';

export interface ServicesService {
  /** Every service of a cluster (ListServices to the end, DescribeServices by 10), by name. */
  listServices(region: string, cluster: string): Promise<ServicesResponse>;
  /** One service with its configuration and events; NotFoundError when ECS reports it MISSING. */
  getService(region: string, cluster: string, service: string): Promise<ServiceDetailResponse>;
}

export function createServicesService(reads: EcsReads): ServicesService {
  return {
    async listServices(region, cluster) {
      const services = await reads.services(region, cluster);
      return {
        services: services.value.map(toService).sort((a, b) => a.name.localeCompare(b.name)),
        ...freshnessOf(services),
      };
    },

    async getService(region, cluster, name) {
      const service = await reads.service(region, cluster, name);
      return { service: toServiceDetail(service.value), ...freshnessOf(service) };
    },
  };
}
