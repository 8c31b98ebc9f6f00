import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildCluster, buildEksCluster } from '@deckhand/shared/testing';
import { fresh, json, renderRoutes, stubFetch } from '../../../testing/render-page';
import { ClustersPage } from './clusters-page';

const noEks = { ...fresh, clusters: [] };

function renderPage(body: unknown, status = 200, url = '/clusters', eks: unknown = noEks) {
  const fetchMock = stubFetch((input: string) =>
    input.startsWith('/api/v1/eks/') ? json(eks, 200) : json(body, status),
  );
  const { router } = renderRoutes([{ path: '/clusters', element: <ClustersPage /> }], url);
  return { fetchMock, router };
}

/** The cluster names of the ECS table, top to bottom. */
async function ecsOrder(): Promise<string[]> {
  const table = (await screen.findAllByRole('table'))[0];
  if (!table) throw new Error('no table');
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => within(cell).getByRole('link').textContent ?? '');
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
    // The first data cell is the instance count (the e2e test reads it).
    expect(within(row as HTMLElement).getAllByRole('cell')[0]?.textContent).toBe('3');
    expect(within(row as HTMLElement).getByRole('meter', { name: 'CPU reserved' })).toBeTruthy();
    expect(within(row as HTMLElement).getByRole('meter', { name: 'Memory reserved' })).toBeTruthy();
    expect(
      within(row as HTMLElement).getByRole('button', { name: 'Copy ARN of prod-ec2' }),
    ).toBeTruthy();
    expect(screen.getByText('Fargate')).toBeTruthy();
    expect(screen.getByText('2 of 2 clusters')).toBeTruthy();
  });

  it('asks the BFF for the region in the URL and says when it has no cluster', async () => {
    const { fetchMock } = renderPage({ ...fresh, clusters: [] }, 200, '/clusters?region=eu-west-1');
    await screen.findByText('No clusters in eu-west-1.');
    const urls = fetchMock.mock.calls.map((call) => call[0]);
    expect(urls).toContain('/api/v1/clusters?region=eu-west-1');
    expect(urls).toContain('/api/v1/eks/clusters?region=eu-west-1');
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
    const input = screen.getByRole('searchbox', { name: 'Filter clusters' });
    expect(input.hasAttribute('data-page-filter')).toBe(true);
    fireEvent.change(input, { target: { value: 'bet' } });
    expect(screen.queryByText('alpha')).toBeNull();
    expect(screen.getByText('beta')).toBeTruthy();
    expect(router.state.location.search).toBe('?q=bet');
  });

  it('sorts by a column from the URL and by a click, keeping the filter', async () => {
    const clusters = [
      buildCluster({ name: 'prod-a', runningTasksCount: 2 }),
      buildCluster({ name: 'prod-b', runningTasksCount: 30 }),
      buildCluster({ name: 'prod-c', runningTasksCount: 11 }),
    ];
    const { router } = renderPage(
      { ...fresh, clusters },
      200,
      '/clusters?q=prod&sort=name&dir=desc',
    );
    expect(await ecsOrder()).toEqual(['prod-c', 'prod-b', 'prod-a']);
    const tasks = screen.getByRole('button', { name: 'Tasks' });
    fireEvent.click(tasks);
    expect(router.state.location.search).toBe('?q=prod&sort=tasks&dir=desc');
    expect(await ecsOrder()).toEqual(['prod-b', 'prod-c', 'prod-a']);
    expect(tasks.closest('th')?.getAttribute('aria-sort')).toBe('descending');
    fireEvent.click(tasks);
    expect(router.state.location.search).toBe('?q=prod&sort=tasks&dir=asc');
    expect(await ecsOrder()).toEqual(['prod-a', 'prod-c', 'prod-b']);
  });

  it('shows EKS clusters read-only beside the ECS ones', async () => {
    renderPage({ ...fresh, clusters: [buildCluster({ name: 'prod-ec2' })] }, 200, '/clusters', {
      ...fresh,
      clusters: [buildEksCluster({ name: 'platform-eks', status: 'UPDATING' })],
    });
    const eks = await screen.findByRole('region', { name: /EKS clusters/ });
    const row = (await within(eks).findByText('platform-eks')).closest('tr') as HTMLElement;
    expect(within(row).getByText('EKS')).toBeTruthy();
    expect(within(row).getByText('UPDATING')).toBeTruthy();
    expect(within(row).getByText('Kubernetes 1.31')).toBeTruthy();
    expect(within(row).getByText(/3 nodes \(2–6\)/)).toBeTruthy();
    expect(within(row).queryByRole('link')).toBeNull();
    expect(within(row).getByRole('button', { name: 'Copy endpoint of platform-eks' })).toBeTruthy();
    // ECS count stays about ECS clusters.
    expect(screen.getByText('1 of 1 clusters')).toBeTruthy();
  });

  it('marks an answer served stale', async () => {
    renderPage({ stale: true, asOf: '2026-11-26T10:00:00.000Z', clusters: [buildCluster()] });
    expect(await screen.findByText(/^Stale · as of/)).toBeTruthy();
  });

  it('shows the error inline with its request id and a retry', async () => {
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
    expect(within(alert).getByText('request id r-9')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
