import { Link, useSearchParams } from 'react-router';

export const CLUSTER_TABS = ['overview', 'tasks', 'instances', 'events'] as const;
export type ClusterTab = (typeof CLUSTER_TABS)[number];

const LABELS: Record<ClusterTab, string> = {
  overview: 'Overview',
  tasks: 'Tasks',
  instances: 'Instances',
  events: 'Events',
};

/** The open tab, from `?tab=` (deep links and reloads land on the same view). */
export function useClusterTab(): ClusterTab {
  const [params] = useSearchParams();
  const tab = params.get('tab');
  return CLUSTER_TABS.find((candidate) => candidate === tab) ?? 'overview';
}

/**
 * The cluster page's views as links that change `?tab=` (so the browser's back button and a
 * copied URL work), plus the port mappings, which have a page of their own.
 */
export function ClusterTabs({ current, portsHref }: { current: ClusterTab; portsHref: string }) {
  const [params] = useSearchParams();
  const hrefOf = (tab: ClusterTab) => {
    const next = new URLSearchParams(params);
    if (tab === 'overview') next.delete('tab');
    else next.set('tab', tab);
    const search = next.toString();
    return search ? `?${search}` : '?';
  };
  const base =
    'rounded-t-md border-b-2 px-3 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-sky-500 focus-visible:outline-none';
  return (
    <nav aria-label="Cluster views" className="border-b border-slate-200 dark:border-slate-700">
      <ul className="-mb-px flex flex-wrap gap-1">
        {CLUSTER_TABS.map((tab) => (
          <li key={tab}>
            <Link
              to={hrefOf(tab)}
              aria-current={tab === current ? 'page' : undefined}
              className={`${base} ${
                tab === current
                  ? 'border-sky-600 text-sky-800 dark:border-sky-400 dark:text-sky-200'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white'
              }`}
            >
              {LABELS[tab]}
            </Link>
          </li>
        ))}
        <li>
          <Link
            to={portsHref}
            className={`${base} border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white`}
          >
            Port mappings
          </Link>
        </li>
      </ul>
    </nav>
  );
}
