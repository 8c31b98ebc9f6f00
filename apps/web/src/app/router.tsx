import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { ClustersPage } from '../features/clusters/components/clusters-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found';

/**
 * A route whose page is loaded when first visited: the clusters page (the first route) ships in
 * the initial bundle, every other area in a chunk of its own (REFERENCE.md §7: ≤ 170 KB of
 * initial JS).
 */
function lazyRoute(path: string, load: () => Promise<ComponentType>) {
  return { path, lazy: async () => ({ Component: await load() }) };
}

const services = () => import('./routes/services-routes');
const taskDefinitions = () => import('./routes/task-definitions-routes');
const studio = () => import('./routes/studio-routes');
const registry = () => import('./routes/registry-routes');
const traces = () => import('./routes/traces-routes');
const portMap = () => import('../features/port-map/components/port-map-page');

export const routes = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/clusters" replace /> },
      { path: 'clusters', element: <ClustersPage /> },
      lazyRoute('clusters/:cluster', async () => (await services()).ClusterRoute),
      lazyRoute('clusters/:cluster/ports', async () => (await portMap()).PortMapPage),
      lazyRoute('clusters/:cluster/services/:service', async () => (await services()).ServiceRoute),
      lazyRoute(
        'clusters/:cluster/services/:service/ports',
        async () => (await portMap()).PortMapPage,
      ),
      lazyRoute('clusters/:cluster/tasks/:task', async () => (await services()).TaskRoute),
      lazyRoute('task-definitions', async () => (await taskDefinitions()).TaskDefinitionsPage),
      lazyRoute('task-definitions/new', async () => (await studio()).StudioRoute),
      lazyRoute(
        'task-definitions/:family',
        async () => (await taskDefinitions()).TaskDefinitionFamilyPage,
      ),
      lazyRoute(
        'task-definitions/:family/compare',
        async () => (await taskDefinitions()).CompareRevisionsPage,
      ),
      lazyRoute(
        'task-definitions/:family/:revision/edit',
        async () => (await studio()).StudioRoute,
      ),
      lazyRoute(
        'task-definitions/:family/:revision',
        async () => (await taskDefinitions()).TaskDefinitionRevisionRoute,
      ),
      lazyRoute('registry', async () => (await registry()).RegistryPage),
      lazyRoute('registry/:repository', async () => (await registry()).RepositoryRoute),
      lazyRoute(
        'registry/:repository/images/:digest',
        async () => (await registry()).ImageFindingsPage,
      ),
      lazyRoute('traces', async () => (await traces()).TracesPage),
      lazyRoute('traces/:traceId', async () => (await traces()).TraceRoute),
      lazyRoute('service-map', async () => (await traces()).ServiceMapPage),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
