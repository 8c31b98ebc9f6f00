import { createBrowserRouter, Navigate } from 'react-router';
import { ClustersPage } from '../features/clusters/components/clusters-page';
import { ClusterRoute, ServiceRoute } from './ecs-routes';
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
      { path: 'clusters/:cluster/services/:service', element: <ServiceRoute /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
