import { serviceNotFound } from '../../protocol/errors.js';
import type { ClusterRecord, ServiceRecord } from '../../engine/model.js';
import type { RegionState } from '../../engine/region-state.js';

/** Service names: up to 255 letters, numbers, underscores and hyphens. */
export const SERVICE_NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** The ARN of a service in the long format (`service/<cluster>/<name>`), from a name or an ARN. */
export function serviceArnOf(
  state: RegionState,
  cluster: ClusterRecord,
  nameOrArn: string,
): string {
  if (!nameOrArn.startsWith('arn:'))
    return state.arn('ecs', `service/${cluster.name}/${nameOrArn}`);
  // The short format `service/<name>` names the same service.
  const name = nameOrArn.split('/').pop() ?? '';
  return state.arn('ecs', `service/${cluster.name}/${name}`);
}

export function findService(
  state: RegionState,
  cluster: ClusterRecord,
  nameOrArn: string,
): ServiceRecord | undefined {
  const service = state.services.get(serviceArnOf(state, cluster, nameOrArn));
  return service && service.clusterArn === cluster.arn ? service : undefined;
}

export function requireService(
  state: RegionState,
  cluster: ClusterRecord,
  nameOrArn: string,
): ServiceRecord {
  const service = findService(state, cluster, nameOrArn);
  if (!service) throw serviceNotFound();
  return service;
}
