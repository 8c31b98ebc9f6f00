import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { vi } from 'vitest';
import { Layout } from '../layout';

export const fresh = { stale: false, asOf: '2026-11-26T10:00:00.000Z' };

export const HEALTH = {
  status: 'ok',
  mode: 'simulator',
  region: 'us-east-1',
  regions: ['us-east-1', 'eu-west-1'],
  readOnly: false,
  version: '0.1.0',
};

/** Answers per API path (without `/api/v1` and the query); a number is an error status. */
export type FakeRoutes = Record<string, unknown>;

/** Stubs `fetch` with the routes; unknown paths answer 404. */
export function stubApi(routes: FakeRoutes) {
  const fetchMock = vi.fn((input: string) => {
    const path = new URL(input, 'http://deckhand.test').pathname.replace(/^\/api\/v1/, '');
    const body = routes[path];
    const status = body === undefined ? 404 : typeof body === 'number' ? body : 200;
    const payload =
      status === 200
        ? body
        : { error: { code: 'err', message: `status ${status}`, requestId: 'r' } };
    return Promise.resolve(
      new Response(JSON.stringify(payload), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function Page({ title }: { title: string }) {
  const location = useLocation();
  return (
    <div>
      <h1>{title}</h1>
      <p data-testid="location">{`${location.pathname}${location.search}`}</p>
      <input aria-label={`Filter ${title}`} data-page-filter />
    </div>
  );
}

/** The shell around stand-in pages, in a memory router, with its own query client. */
export function renderShell(url = '/clusters', routes: FakeRoutes = {}, extra?: ReactNode) {
  const fetchMock = stubApi({
    '/health': HEALTH,
    '/session': { required: false, authenticated: false },
    ...routes,
  });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(
    [
      {
        path: '/',
        element: <Layout />,
        children: [
          { path: 'clusters', element: <Page title="Clusters" /> },
          { path: 'task-definitions', element: <Page title="Task definitions" /> },
          { path: 'registry', element: <Page title="Registry" /> },
          { path: 'traces', element: <Page title="Traces" /> },
          { path: '*', element: <Page title="Elsewhere" /> },
        ],
      },
    ],
    { initialEntries: [url] },
  );
  const view = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
      {extra}
    </QueryClientProvider>,
  );
  return { ...view, client, router, fetchMock };
}
