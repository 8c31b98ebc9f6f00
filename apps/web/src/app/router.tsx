import { createBrowserRouter, Navigate } from 'react-router';
import { ClustersPage } from '../features/clusters/components/clusters-page';
import { PortMapPage } from '../features/port-map/components/port-map-page';
import {
  ClusterRoute,
  RegistryPage,
  RepositoryRoute,
  ServiceRoute,
  TaskDefinitionFamilyPage,
  TaskDefinitionRevisionRoute,
  TaskDefinitionsPage,
  TaskRoute,
  TraceRoute,
  TracesPage,
} from './ecs-routes';
import { Layout } from './layout';
import { NotFoundPage } from './not-found';

export const routes = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/clusters" replace /> },
      { path: 'clusters', element: <ClustersPage /> },
      { path: 'clusters/:cluster', element: <ClusterRoute /> },
      { path: 'clusters/:cluster/ports', element: <PortMapPage /> },
      { path: 'clusters/:cluster/services/:service', element: <ServiceRoute /> },
      { path: 'clusters/:cluster/services/:service/ports', element: <PortMapPage /> },
      { path: 'clusters/:cluster/tasks/:task', element: <TaskRoute /> },
      { path: 'task-definitions', element: <TaskDefinitionsPage /> },
      { path: 'task-definitions/:family', element: <TaskDefinitionFamilyPage /> },
      { path: 'task-definitions/:family/:revision', element: <TaskDefinitionRevisionRoute /> },
      { path: 'registry', element: <RegistryPage /> },
      { path: 'registry/:repository', element: <RepositoryRoute /> },
      { path: 'traces', element: <TracesPage /> },
      { path: 'traces/:traceId', element: <TraceRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
