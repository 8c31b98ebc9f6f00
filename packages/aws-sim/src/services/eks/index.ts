import { AwsError } from '../../protocol/errors.js';
import type { RestContext, RestService } from '../../protocol/rest-json.js';
import { paginate } from '../../engine/paginate.js';
import type { RegionState } from '../../engine/region-state.js';
import { describeEksCluster, describeNodegroup } from './clusters.js';
import type { EksClusterRecord } from './model.js';

// EKS answers a missing resource with 404 ResourceNotFoundException, worded as below.
const clusterNotFound = (name: string) =>
  new AwsError('ResourceNotFoundException', `No cluster found for name: ${name}.`, 404);
const nodegroupNotFound = (name: string) =>
  new AwsError('ResourceNotFoundException', `No node group found for name: ${name}.`, 404);
/** EKS's model: `ThrottlingException` with HTTP 429 (ECS's is a 400). */
export const eksThrottled = () => new AwsError('ThrottlingException', 'Rate exceeded', 429);

function requireCluster(state: RegionState, name: string): EksClusterRecord {
  const cluster = state.eksClusters.get(name);
  if (!cluster) throw clusterNotFound(name);
  return cluster;
}

/** `maxResults` (≤ 100, default 100) and `nextToken` come in the query string. */
function pageOf(names: string[], query: URLSearchParams) {
  const raw = query.get('maxResults');
  return paginate(
    names.sort(),
    (name) => name,
    raw === null ? undefined : Number(raw),
    query.get('nextToken') ?? undefined,
    { defaultSize: 100, maxSize: 100 },
  );
}

const param = (context: RestContext, index: number) => context.params[index] ?? '';

/** Amazon EKS on restJson1, read-only: clusters and their managed node groups. */
export const eksService: RestService = {
  signingName: 'eks',
  throttledError: eksThrottled,
  routes: [
    {
      method: 'GET',
      path: /^\/clusters$/,
      operation: 'ListClusters',
      handler: ({ state, query }) => {
        const page = pageOf([...state.eksClusters.keys()], query);
        return { clusters: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
      },
    },
    {
      method: 'GET',
      path: /^\/clusters\/([^/]+)$/,
      operation: 'DescribeCluster',
      handler: (context) => ({
        cluster: describeEksCluster(requireCluster(context.state, param(context, 0))),
      }),
    },
    {
      method: 'GET',
      path: /^\/clusters\/([^/]+)\/node-groups$/,
      operation: 'ListNodegroups',
      handler: (context) => {
        const cluster = requireCluster(context.state, param(context, 0));
        const page = pageOf([...cluster.nodegroups.keys()], context.query);
        return {
          nodegroups: page.items,
          ...(page.nextToken ? { nextToken: page.nextToken } : {}),
        };
      },
    },
    {
      method: 'GET',
      path: /^\/clusters\/([^/]+)\/node-groups\/([^/]+)$/,
      operation: 'DescribeNodegroup',
      handler: (context) => {
        const cluster = requireCluster(context.state, param(context, 0));
        const name = param(context, 1);
        const nodegroup = cluster.nodegroups.get(name);
        if (!nodegroup) throw nodegroupNotFound(name);
        return { nodegroup: describeNodegroup(nodegroup) };
      },
    },
  ],
};
