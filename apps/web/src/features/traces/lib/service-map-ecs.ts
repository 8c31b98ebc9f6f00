import type { ServiceMapNode } from '@deckhand/shared';
import { regionSearch } from '../../../lib/url-state';

/** An ECS service by name, for a link to its page. */
export interface EcsServiceRef {
  cluster: string;
  service: string;
}

// Nodes that cannot be an ECS service: the callers, remote or SQL downstreams, AWS resources.
const NOT_A_SERVICE = new Set(['client', 'remote', 'Database::SQL']);

/**
 * Whether a node may be an ECS service: X-Ray's ECS plugin names its type
 * `AWS::ECS::Container`; an app on ECS without the plugin has the EC2 plugin's type or none.
 * Other AWS types (DynamoDB, SQS…) are AWS resources, not services.
 */
export function isEcsCandidate(node: Pick<ServiceMapNode, 'type'>): boolean {
  if (node.type.startsWith('AWS::ECS::') || node.type === 'AWS::EC2::Instance') return true;
  return !node.type.startsWith('AWS::') && !NOT_A_SERVICE.has(node.type);
}

/**
 * The ECS services a node stands for: X-Ray names a segment after the app's service name, which
 * on ECS is usually the ECS service's name. A name found in several clusters gives them all.
 */
export function ecsServicesOf(
  node: Pick<ServiceMapNode, 'name' | 'names' | 'type'>,
  services: readonly EcsServiceRef[],
): EcsServiceRef[] {
  if (!isEcsCandidate(node)) return [];
  const names = new Set([node.name, ...node.names]);
  return services
    .filter((ref) => names.has(ref.service))
    .sort((a, b) => a.cluster.localeCompare(b.cluster) || a.service.localeCompare(b.service));
}

/** The service page of an ECS service. */
export function ecsServiceHref(ref: EcsServiceRef, region: string | undefined): string {
  return `/clusters/${encodeURIComponent(ref.cluster)}/services/${encodeURIComponent(ref.service)}${regionSearch(region)}`;
}
