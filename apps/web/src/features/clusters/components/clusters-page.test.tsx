import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCluster } from '@deckhand/shared/testing';
import { ClustersPage } from './clusters-page';

const fresh = { stale: false, asOf: '2026-11-26T10:00:00.000Z' };

function renderPage(body: unknown, status = 200, url = '/clusters') {
  const fetchMock = vi.fn((_input: string) =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter([{ path: '/clusters', element: <ClustersPage /> }], {
    initialEntries: [url],
  });
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { fetchMock, router };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ClustersPage', () => {
  it('lists every cluster with its flavour and counts', async () => {
    renderPage({
      ...fresh,
      clusters: [
        buildCluster({ name: 'prod-ec2', runningTasksCount: 9 }),
        buildCluster({
          name: 'prod-fargate',
          flavor: 'fargate',
          registeredContainerInstancesCount: 0,
        }),
      ],
    });
    const row = (await screen.findByText('prod-ec2')).closest('tr');
    expect(row).not.toBeNull();
    expect(within(row as HTMLElement).getByText('EC2')).toBeTruthy();
    expect(within(row as HTMLElement).getByText('9')).toBeTruthy();
    expect(screen.getByText('Fargate')).toBeTruthy();
    expect(screen.getByText('2 of 2 clusters')).toBeTruthy();
  });

  it('asks the BFF for the region in the URL', async () => {
    const { fetchMock } = renderPage({ ...fresh, clusters: [] }, 200, '/clusters?region=eu-west-1');
    await screen.findByText('No ECS clusters in this region.');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/v1/clusters?region=eu-west-1');
  });

  it('links each cluster to its page, keeping the region', async () => {
    renderPage(
      { ...fresh, clusters: [buildCluster({ name: 'prod-ec2' })] },
      200,
      '/clusters?region=eu-west-1',
    );
    const link = await screen.findByRole('link', { name: 'prod-ec2' });
    expect(link.getAttribute('href')).toBe('/clusters/prod-ec2?region=eu-west-1');
  });

  it('filters by the text typed and keeps it in the URL', async () => {
    const { router } = renderPage({
      ...fresh,
      clusters: [buildCluster({ name: 'alpha' }), buildCluster({ name: 'beta' })],
    });
    await screen.findByText('alpha');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter clusters' }), {
      target: { value: 'bet' },
    });
    expect(screen.queryByText('alpha')).toBeNull();
    expect(screen.getByText('beta')).toBeTruthy();
    expect(router.state.location.search).toBe('?q=bet');
  });

  it('shows the error inline with a retry', async () => {
    renderPage(
      {
        error: {
          code: 'unavailable',
          message: 'Listing clusters: AWS is unreachable.',
          requestId: 'r-9',
        },
      },
      503,
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Listing clusters: AWS is unreachable.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
