import type { JsonService } from '../protocol/operation.js';
import type { RestService } from '../protocol/rest-json.js';
import { THROTTLE_POLICIES } from '../protocol/throttle.js';
import { ecrService } from './ecr/index.js';
import { ecsService } from './ecs/index.js';
import { eksService } from './eks/index.js';
import { xrayService } from './xray/index.js';

/** awsJson1_1 services (ECS, ECR), found by their `X-Amz-Target` prefix. */
export const JSON_SERVICES: readonly JsonService[] = [ecsService, ecrService];
/** restJson1 services (X-Ray, EKS), matched by method and path. */
export const REST_SERVICES: readonly RestService[] = [eksService, xrayService];

/**
 * The operation names of every simulated service, by signing name: the operations and routes
 * it answers, plus any its throttling table lists (ECS's names its whole API), so `/_sim/faults`
 * accepts exactly the names a call can carry.
 */
export function serviceOperations(): Map<string, Set<string>> {
  const catalogue = new Map<string, Set<string>>();
  const add = (service: string, names: Iterable<string>) => {
    const known = catalogue.get(service) ?? new Set<string>();
    for (const name of names) known.add(name);
    catalogue.set(service, known);
  };
  for (const service of JSON_SERVICES) add(service.signingName, Object.keys(service.operations));
  for (const service of REST_SERVICES)
    add(
      service.signingName,
      service.routes.map((route) => route.operation),
    );
  for (const [service, policy] of Object.entries(THROTTLE_POLICIES))
    if (catalogue.has(service)) add(service, Object.keys(policy.categories));
  return catalogue;
}

/** Computed once: the services never change while the simulator runs. */
export const SERVICE_OPERATIONS: ReadonlyMap<string, ReadonlySet<string>> = serviceOperations();
