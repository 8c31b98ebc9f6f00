import { buildCluster, buildService } from '@deckhand/shared/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { serviceMapAnswer } from '../testing/service-map-fixtures';
import { ServiceMapPage } from './service-map-page';

/** The fake BFF: the map, and the ECS services its nodes may link to. */
function bff(map: unknown = serviceMapAnswer()) {
  return (url: string): unknown => {
    if (url.startsWith('/api/v1/service-map')) return map;
    if (url.startsWith('/api/v1/clusters/prod-ec2/services'))
      return { ...fresh, services: [] as unknown[] };
    if (url.startsWith('/api/v1/clusters')) return { ...fresh, clusters: [] as unknown[] };
    return errorAnswer(404, 'not_found', 'No such route.', 'r-404');
  };
}

const show = (url: string, answer = bff()) =>
  renderPage(
    [
      { path: '/service-map', element: <ServiceMapPage /> },
      { path: '/traces', element: <p>traces page</p> },
    ],
    url,
    answer,
  );

class FakeResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}

beforeEach(() => {
  // React Flow and Recharts measure their containers; jsdom has no layout.
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

const cells = (row: HTMLElement) =>
  within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

describe('ServiceMapPage', () => {
  it('lists the nodes with type, rate, latency and health shares', async () => {
    show('/service-map');
    const table = await screen.findByRole('table', { name: 'Service map nodes' });
    const web = within(table).getByRole('rowheader', { name: 'web' }).closest('tr') as HTMLElement;
    expect(cells(web).slice(0, 7)).toEqual([
      'ECS Container',
      '106',
      '152 ms',
      '94% (1,500)',
      '1.9% (30)',
      '2.8% (45)',
      '0.9% (15)',
    ]);
    const links = within(web).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('aria-label'))).toEqual(['Traces through web']);
    const edges = screen.getByRole('table', { name: 'Service map edges' });
    expect(within(edges).getByRole('button', { name: 'web to api' })).toBeTruthy();
    expect(screen.getByText('5 nodes and 4 edges in the last 15 minutes')).toBeTruthy();
  });

  it('draws the graph: a focusable node per service, named with its numbers', async () => {
    show('/service-map');
    const graph = await screen.findByRole('application', { name: 'Service map graph' });
    // React Flow keeps nodes hidden (no accessible name) until it has measured them, and jsdom
    // measures nothing: read the attributes the browser will expose.
    const nodes = within(graph)
      .getAllByRole('button', { hidden: true })
      .filter((element) => element.getAttribute('aria-roledescription') === 'node');
    expect(nodes.map((node) => node.getAttribute('tabindex'))).toEqual(['0', '0', '0', '0', '0']);
    expect(nodes.map((node) => node.getAttribute('aria-label'))).toContain(
      'web (ECS Container): 106 requests/min, average 152 ms, 94% OK, 1.9% 4xx, 2.8% 429, 0.9% 5xx',
    );
  });

  it('asks for the window of the range in the URL, in the region', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T10:00:00.000Z'), toFake: ['Date'] });
    const { fetchMock } = show('/service-map?range=1h&region=eu-west-1');
    await screen.findByRole('table', { name: 'Service map nodes' });
    const sent = new URL(requestedUrls(fetchMock)[0] ?? '', 'http://localhost').searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      region: 'eu-west-1',
      start: '2026-11-26T09:00:00.000Z',
      end: '2026-11-26T10:00:00.000Z',
    });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Time range' }).value).toBe(
      '1h',
    );
  });

  it('links a node to its traces with the same range and region', async () => {
    show('/service-map?range=1h&region=eu-west-1');
    const table = await screen.findByRole('table', { name: 'Service map nodes' });
    const link = within(table).getByRole('link', { name: 'Traces through web' });
    const href = new URL(link.getAttribute('href') ?? '', 'http://localhost');
    expect(href.pathname).toBe('/traces');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      filter: 'service("web")',
      range: '1h',
      region: 'eu-west-1',
    });
    const edges = screen.getByRole('table', { name: 'Service map edges' });
    const edgeLink = within(edges).getByRole('link', { name: 'Traces from web to api' });
    expect(
      new URL(edgeLink.getAttribute('href') ?? '', 'http://localhost').searchParams.get('filter'),
    ).toBe('edge("web", "api")');
  });

  it('shows a selected node’s numbers, histogram and links', async () => {
    show('/service-map');
    const table = await screen.findByRole('table', { name: 'Service map nodes' });
    const select = within(table).getByRole('button', { name: 'web' });
    fireEvent.click(select);
    expect(select.getAttribute('aria-pressed')).toBe('true');
    const details = screen.getByRole('complementary', { name: 'web' });
    expect(within(details).getByRole('link', { name: 'Traces through web' })).toBeTruthy();
    const histogram = within(details).getByRole('table', { name: 'Response times of web' });
    expect(
      within(histogram)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['< 5 ms10', '5–10 ms0', '10–25 ms0', '25–50 ms20', '50–100 ms0', '100–250 ms5']);
    fireEvent.click(within(details).getByRole('button', { name: 'Close details' }));
    expect(screen.queryByRole('complementary', { name: 'web' })).toBeNull();
  });

  it('links an ECS service node to its service page', async () => {
    show('/service-map', (url) => {
      if (url.startsWith('/api/v1/clusters/prod-ec2/services'))
        return { ...fresh, services: [buildService({ name: 'web' })] };
      if (url.startsWith('/api/v1/clusters'))
        return {
          ...fresh,
          clusters: [
            buildCluster({ name: 'prod-ec2', activeServicesCount: 1 }),
            buildCluster({ name: 'empty', activeServicesCount: 0 }),
          ],
        };
      return bff()(url);
    });
    const link = await screen.findByRole('link', { name: 'ECS service web in prod-ec2' });
    expect(link.getAttribute('href')).toBe('/clusters/prod-ec2/services/web');
  });

  it('says when there were no traced requests', async () => {
    show('/service-map', bff(serviceMapAnswer({ nodes: [], edges: [] })));
    expect(await screen.findByText('No traced requests in the last 15 minutes.')).toBeTruthy();
  });

  it('shows a failure with its request id, and marks stale answers', async () => {
    show('/service-map', () => errorAnswer(503, 'throttled', 'X-Ray is throttling.', 'req-77'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The service map could not be loaded');
    expect(alert.textContent).toContain('request id req-77');
  });

  it('marks a stale answer', async () => {
    show('/service-map', bff(serviceMapAnswer({ stale: true })));
    await screen.findByRole('table', { name: 'Service map nodes' });
    expect(screen.getByText(/^Stale/)).toBeTruthy();
  });
});
