import type { JsonValue } from '@deckhand/shared/taskdef';

export const NETWORK_MODES = ['awsvpc', 'bridge', 'host', 'none'] as const;

/**
 * The mode ports behave by: the member when it is a string, otherwise ECS's default on Linux EC2
 * (`bridge`); Fargate requires `awsvpc`, which the lint says when it is missing.
 */
export function effectiveNetworkMode(networkMode: JsonValue | undefined): string {
  return typeof networkMode === 'string' && networkMode !== '' ? networkMode : 'bridge';
}

/** The hint over a port-mapping table (REFERENCE §4). */
export function hostPortHint(mode: string, explicit: boolean): string {
  const suffix = explicit ? '' : ' (bridge: the default network mode on EC2)';
  switch (mode) {
    case 'awsvpc':
      return 'awsvpc: host port = container port (leave empty).';
    case 'host':
      return 'host: the container port is used on the host (leave the host port empty).';
    case 'none':
      return 'none: the task has no external network; port mappings are not used.';
    default:
      return `bridge${suffix}: 0 or empty = dynamic host port (32768–61000), recommended behind a load balancer.`;
  }
}

/** In awsvpc and host mode the host port is the container port: the form does not ask for one. */
export const hostPortFollowsContainer = (mode: string) => mode === 'awsvpc' || mode === 'host';
