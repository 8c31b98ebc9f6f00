import { createBrowserRouter, Navigate } from 'react-router';
import { ClustersPage } from '../features/clusters/components/clusters-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found';

export const routes = [
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Navigate to="/clusters" replace /> },
      { path: 'clusters', element: <ClustersPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
