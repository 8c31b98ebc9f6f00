import { invalidParameter } from '../../protocol/errors.js';
import { optionalString, stringList } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { paginate } from '../../engine/paginate.js';
import type { RegionState } from '../../engine/region-state.js';
import { parseInclude, requireCluster } from './clusters.js';

/**
 * The simulator's capacity providers: the two AWS manages in every account and region. They are
 * always ACTIVE, have no Auto Scaling group and carry no tags.
 */
export const MANAGED_CAPACITY_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;

const providerArn = (state: RegionState, name: string) =>
  state.arn('ecs', `capacity-provider/${name}`);

function nameOf(state: RegionState, nameOrArn: string): string {
  const prefix = providerArn(state, '');
  return nameOrArn.startsWith(prefix) ? nameOrArn.slice(prefix.length) : nameOrArn;
}

export const capacityProviderOperations: Record<string, Operation> = {
  DescribeCapacityProviders(input, { state }) {
    const requested = stringList(input, 'capacityProviders');
    if (requested.length > 100) {
      throw invalidParameter('The maximum number of capacity providers is 100.');
    }
    const include = parseInclude(input, new Set(['TAGS']));
    const clusterName = optionalString(input, 'cluster');
    // With a cluster, only the providers associated with it (PutClusterCapacityProviders).
    const available: readonly string[] =
      clusterName === undefined
        ? MANAGED_CAPACITY_PROVIDERS
        : requireCluster(state, clusterName).capacityProviders;

    const failures: { arn: string; reason: string }[] = [];
    let names: string[] = [...available];
    if (requested.length > 0) {
      names = [];
      for (const nameOrArn of requested) {
        const name = nameOf(state, nameOrArn);
        if (available.includes(name)) names.push(name);
        else failures.push({ arn: providerArn(state, name), reason: 'MISSING' });
      }
    }
    const sorted = [...new Set(names)].sort();
    // AWS pages this call at 10 (maxResults 1–10), unlike the other Describe* batches.
    const page = paginate(sorted, (name) => name, input.maxResults, input.nextToken, {
      defaultSize: 10,
      maxSize: 10,
    });
    return {
      capacityProviders: page.items.map((name) => ({
        capacityProviderArn: providerArn(state, name),
        name,
        status: 'ACTIVE',
        type: name,
        ...(include.has('TAGS') ? { tags: [] } : {}),
      })),
      failures,
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  },
};
