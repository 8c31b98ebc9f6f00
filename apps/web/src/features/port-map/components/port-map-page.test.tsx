import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderRoutes, stubFetch } from '../../../testing/render-page';
import { buildPortMap, TG_WEB } from '../testing/build-port-map';
import { PortMapPage } from './port-map-page';

/** Renders the page at `entry` against a fake BFF answering the port map with `answer`. */
function renderPage(entry: string, answer: () => Promise<Response> = () => json(buildPortMap())) {
  const fetchMock = stubFetch((url: string) =>
    url.startsWith('/api/v1/clusters/prod-ec2/port-map')
      ? answer()
      : json({ error: { code: 'not_found', message: 'No such route.', requestId: 'r' } }, 404),
  );
  const { router } = renderRoutes(
    [
      { path: '/clusters/:cluster/ports', element: <PortMapPage /> },
      { path: '/clusters/:cluster/services/:service/ports', element: <PortMapPage /> },
    ],
    entry,
  );
  return { fetchMock, router };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PortMapPage', () => {
  it('draws a dynamic host port path with its badge, task link and target group', async () => {
    const { fetchMock } = renderPage('/clusters/prod-ec2/ports?region=us-east-1');
    const table = await screen.findByRole('table', { name: 'Port mappings' });
    expect(fetchMock.mock.calls[0]?.[0]).toBe(
      '/api/v1/clusters/prod-ec2/port-map?region=us-east-1',
    );
    const row = within(table).getByRole('row', {
      name: 'target group web → i-0bbb2222bbbb22220 10.0.2.12:32771/tcp dynamic → task 2b3c4d5e web:8080',
    });
    expect(within(row).getByText('dynamic')).toBeTruthy();
    expect(within(row).getByRole('link', { name: '2b3c4d5e' }).getAttribute('href')).toBe(
      '/clusters/prod-ec2/tasks/2b3c4d5e6f7a48b9c0d1e2f3a4b5c6d7?region=us-east-1',
    );
    // One row per path; legacy-admin's is static.
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    const legacy = within(table).getByRole('row', { name: /legacy-admin .*:8080\/tcp static/ });
    expect(within(legacy).getByText('static')).toBeTruthy();
  });

  it('copies a target group ARN', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    renderPage('/clusters/prod-ec2/ports');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy target group ARN web' }));
    expect(writeText).toHaveBeenCalledWith(TG_WEB);
  });

  it('puts the unplaceable task first, with why a static host port blocks it', async () => {
    renderPage('/clusters/prod-ec2/ports');
    const findings = await screen.findByRole('list', { name: 'Port findings' });
    const items = within(findings).getAllByRole('listitem');
    expect(items[0]?.dataset.kind).toBe('unplaceable');
    const unplaceable = within(findings).getByRole('listitem', {
      name: 'Unplaceable task · legacy-admin',
    });
    expect(unplaceable.textContent).toContain(
      'already uses a port it needs (static host port 8080/tcp)',
    );
    expect(unplaceable.textContent).toContain('one task per instance');
    const range = within(findings).getByRole('listitem', {
      name: 'Dynamic host ports: open the ephemeral range',
    });
    expect(range.textContent).toContain('32768–61000 from the load balancer’s security group');
  });

  it('narrows the map and the findings to one service on its route', async () => {
    renderPage('/clusters/prod-ec2/services/web/ports');
    const table = await screen.findByRole('table', { name: 'Port mappings' });
    const paths = within(table)
      .getAllByRole('row')
      .map((row) => row.getAttribute('aria-label'))
      .filter(Boolean);
    expect(paths).toHaveLength(2);
    expect(paths.every((path) => path?.startsWith('target group web →'))).toBe(true);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('of service web');
    expect(screen.queryByRole('listitem', { name: /Unplaceable/ })).toBeNull();
    expect(screen.getByRole('listitem', { name: /open the ephemeral range/ })).toBeTruthy();
  });

  it('filters from ?q= and keeps what is typed in the URL', async () => {
    const { router } = renderPage('/clusters/prod-ec2/ports?region=us-east-1&q=10.0.2.12');
    const table = await screen.findByRole('table', { name: 'Port mappings' });
    const filter = screen.getByRole('searchbox', { name: 'Filter port mappings' });
    expect((filter as HTMLInputElement).value).toBe('10.0.2.12');
    expect(within(table).getAllByRole('row', { name: /→/ })).toHaveLength(1);

    fireEvent.change(filter, { target: { value: 'static' } });
    await waitFor(() => expect(router.state.location.search).toBe('?region=us-east-1&q=static'));
    expect(within(table).getByRole('row', { name: /legacy-admin/ })).toBeTruthy();
    expect(within(table).getAllByRole('row', { name: /→/ })).toHaveLength(1);

    fireEvent.change(filter, { target: { value: 'nothing-like-it' } });
    expect(await screen.findByText('No port mapping matches “nothing-like-it”')).toBeTruthy();
    fireEvent.change(filter, { target: { value: '' } });
    await waitFor(() => expect(router.state.location.search).toBe('?region=us-east-1'));
  });

  it('says why there is nothing to draw', async () => {
    renderPage('/clusters/prod-ec2/ports', () => json(buildPortMap({ rows: [], findings: [] })));
    expect(await screen.findByText('No port mappings in this cluster')).toBeTruthy();
    expect(screen.getByText(/no services with port mappings/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows the loading skeleton, then the error with its request id', async () => {
    let fail: (response: Response) => void = () => undefined;
    renderPage('/clusters/prod-ec2/ports', () => new Promise((resolve) => (fail = resolve)));
    expect(screen.getByRole('status', { name: 'Loading port mappings' })).toBeTruthy();
    fail(
      new Response(
        JSON.stringify({
          error: { code: 'throttled', message: 'AWS is throttling.', requestId: 'req-42' },
        }),
        { status: 503 },
      ),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The port map could not be loaded');
    expect(alert.textContent).toContain('req-42');
  });

  it('marks a stale answer and offers the raw JSON', async () => {
    renderPage('/clusters/prod-ec2/ports', () => json(buildPortMap({ stale: true })));
    expect((await screen.findByText(/^Stale/)).getAttribute('role')).toBe('status');
    const summary = screen.getByLabelText('Port map as JSON');
    expect(summary.closest('details')?.textContent).toContain('"hostPort": 32771');
  });
});
