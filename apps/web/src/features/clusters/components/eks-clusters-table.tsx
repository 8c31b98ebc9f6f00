import type { EksCluster, EksNodegroup } from '@deckhand/shared';
import { CopyButton } from '../../../components/ui/copy-button';
import { ROW } from '../../../components/ui/styles';
import { ClusterArn } from './cluster-arn';
import { ARN, TABLE_HEAD } from './styles';

const CELL = 'px-4 py-3';

/** EKS's own word for a healthy cluster is ACTIVE; anything else is worth a colour. */
function statusTone(status: string): string {
  if (status === 'ACTIVE') return 'text-emerald-800 dark:text-emerald-300';
  if (status === 'FAILED' || status === 'DEGRADED' || status === 'DELETING')
    return 'text-red-700 dark:text-red-300';
  return 'text-amber-800 dark:text-amber-300';
}

function EksBadge() {
  return (
    <span className="inline-flex items-center rounded-md bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-900 ring-1 ring-inset ring-indigo-300 dark:bg-indigo-900/50 dark:text-indigo-100 dark:ring-indigo-700">
      EKS
    </span>
  );
}

function Nodegroup({ group }: { group: EksNodegroup }) {
  return (
    <li>
      <span className="font-medium">{group.name}</span>{' '}
      <span className={`text-xs ${statusTone(group.status)}`}>{group.status}</span>
      <div className="text-xs text-slate-600 dark:text-slate-400">
        {group.instanceTypes.join(', ') || 'instance type not set'} · {group.desiredSize} nodes (
        {group.minSize}–{group.maxSize})
      </div>
    </li>
  );
}

/** EKS clusters, read-only: Deckhand shows them beside ECS but has no pages for them. */
export function EksClustersTable({ clusters }: { clusters: readonly EksCluster[] }) {
  return (
    <table className="w-full text-left text-sm">
      <thead className={`${TABLE_HEAD} uppercase tracking-wide`}>
        <tr>
          <th scope="col" className="px-4 py-2 font-medium">
            Cluster
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Version
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Node groups
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Endpoint
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
        {clusters.map((cluster) => (
          <tr key={cluster.arn} className={ROW}>
            <th scope="row" className={`${CELL} font-normal`}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{cluster.name}</span>
                <EksBadge />
                <span className={`text-xs font-medium ${statusTone(cluster.status)}`}>
                  {cluster.status}
                </span>
              </div>
              <ClusterArn cluster={cluster} />
            </th>
            <td className={`${CELL} whitespace-nowrap`}>
              Kubernetes {cluster.version}
              <div className="text-xs text-slate-600 dark:text-slate-400">
                {cluster.platformVersion}
              </div>
            </td>
            <td className={CELL}>
              {cluster.nodegroups.length > 0 ? (
                <ul className="space-y-1">
                  {cluster.nodegroups.map((group) => (
                    <Nodegroup key={group.name} group={group} />
                  ))}
                </ul>
              ) : (
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  No managed node groups
                </span>
              )}
            </td>
            <td className={CELL}>
              {cluster.endpoint ? (
                <div className="flex items-start gap-2">
                  <span className={ARN}>{cluster.endpoint}</span>
                  <CopyButton value={cluster.endpoint} label={`endpoint of ${cluster.name}`} />
                </div>
              ) : (
                <span className="text-xs text-slate-600 dark:text-slate-400">
                  Not yet available
                </span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
