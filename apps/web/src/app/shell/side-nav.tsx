import type { ComponentType } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { GoTarget } from '../../lib/shortcuts';
import { ClustersIcon, RegistryIcon, TaskDefinitionsIcon, TracesIcon } from './icons';
import { withRegion } from './region-path';

export interface NavItem {
  target: GoTarget;
  label: string;
  path: string;
  Icon: ComponentType;
}

/** The console's sections, in the order the navigation shows them. */
export const NAV_ITEMS: readonly NavItem[] = [
  { target: 'clusters', label: 'Clusters', path: '/clusters', Icon: ClustersIcon },
  {
    target: 'task-definitions',
    label: 'Task definitions',
    path: '/task-definitions',
    Icon: TaskDefinitionsIcon,
  },
  { target: 'registry', label: 'Registry', path: '/registry', Icon: RegistryIcon },
  { target: 'traces', label: 'Traces', path: '/traces', Icon: TracesIcon },
];

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${
    isActive
      ? 'bg-slate-900 text-white dark:bg-sky-900/60 dark:text-white'
      : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white'
  }`;

/**
 * The main navigation: a sidebar from `md` up, a row of icons (labels from `sm`) below it. Links
 * keep `?region=`, and the section of the current page is marked (`aria-current="page"`).
 */
export function SideNav() {
  const { search } = useLocation();
  return (
    <nav
      aria-label="Main"
      className="shrink-0 border-b border-slate-200 bg-white px-2 py-1.5 md:w-52 md:border-r md:border-b-0 md:p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      <ul className="flex gap-1 overflow-x-auto md:flex-col">
        {NAV_ITEMS.map(({ target, label, path, Icon }) => (
          <li key={target}>
            <NavLink to={withRegion(path, search)} className={linkClass} title={label}>
              <Icon />
              <span className="max-sm:sr-only whitespace-nowrap">{label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
