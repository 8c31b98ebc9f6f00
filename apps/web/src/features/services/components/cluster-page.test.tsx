import type { LiveEvent } from '@deckhand/shared';
import {
  buildClusterDetail,
  buildContainerInstance,
  buildService,
  buildTask,
} from '@deckhand/shared/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeStreams } from '../../../testing/fake-event-source';
import { fresh, json, renderRoutes, stubFetch } from '../../../testing/render-page';
import { ClusterPage } from './cluster-page';

const where = { region: 'eu-west-1', cluster: 'prod' };
const INSTANCE = 'a1b2c3d4e5f6478899aabbccddeeff00';

function renderPage(readOnly = false) {
  const fetchMock = stubFetch((url: string, init: RequestInit = {}) => {
    if (init.method === 'POST')
      return json({
        containerInstance: buildContainerInstance({ id: INSTANCE, status: 'DRAINING' }),
      });
    const path = url.split('?')[0];
    if (path === '/api/v1/clusters/prod')
      return json({
        ...fresh,
        cluster: buildClusterDetail({ name: 'prod', runningTasksCount: 7 }),
      });
    if (path === '/api/v1/clusters/prod/services')
      return json({
        ...fresh,
        services: [buildService({ name: 'web' }), buildService({ name: 'api' })],
      });
    if (path === '/api/v1/clusters/prod/container-instances')
      return json({ ...fresh, containerInstances: [buildContainerInstance({ id: INSTANCE })] });
    return json({ error: { code: 'not_found', message: 'No such route.', requestId: 'r' } }, 404);
  });
  const fake = createFakeStreams();
  renderRoutes(
    [{ path: '/clusters/:cluster', element: <ClusterPage readOnly={readOnly} /> }],
    '/clusters/prod?region=eu-west-1',
    { streams: fake.streams },
  );
  return { fetchMock, fake };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ClusterPage', () => {
  it('keeps the open tab in the URL and links the port mappings', async () => {
    renderPage();
    const tasksTab = await screen.findByRole('link', { name: 'Tasks' });
    expect(tasksTab.getAttribute('href')).toBe('/clusters/prod?region=eu-west-1&tab=tasks');
    fireEvent.click(tasksTab);
    expect(await screen.findByRole('link', { name: 'Tasks', current: 'page' })).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Services' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Port mappings' }).getAttribute('href')).toBe(
      '/clusters/prod/ports?region=eu-west-1',
    );
  });

  it('lists services linking to their pages, in the region of the URL', async () => {
    const { fetchMock, fake } = renderPage();
    const link = await screen.findByRole('link', { name: 'web' });
    expect(link.getAttribute('href')).toBe('/clusters/prod/services/web?region=eu-west-1');
    expect(fetchMock.mock.calls.map(([url]) => url)).toContain(
      '/api/v1/clusters/prod/services?region=eu-west-1',
    );
    expect(fake.latest()?.url).toBe('/api/v1/clusters/prod/events?region=eu-west-1');
  });

  it('shows stopped tasks in the feed with the diagnosis and exit codes, and filters', async () => {
    const { fake } = renderPage();
    await screen.findByRole('link', { name: 'web' });
    const stopped: LiveEvent = {
      type: 'task.stopped',
      ...where,
      service: 'web',
      task: buildTask({
        id: '0f1e2d3c4b5a49687766554433221100',
        lastStatus: 'STOPPED',
        containers: [{ name: 'app', image: 'web:1', exitCode: 137, portMappings: [] }],
      }),
      diagnosis: { kind: 'out-of-memory', summary: 'Container app was killed (exit 137).' },
    };
    const started: LiveEvent = {
      type: 'task.started',
      ...where,
      service: 'api',
      task: buildTask({ id: 'b' }),
    };
    act(() => {
      fake.latest()?.open();
      fake.latest()?.emit('task.stopped', stopped, '1');
      fake.latest()?.emit('task.started', started, '2');
    });
    const feed = screen.getByRole('list', { name: 'Live events' });
    const items = within(feed).getAllByTestId('feed-item');
    expect(items).toHaveLength(2);
    expect(items[1]?.textContent).toContain('Container app was killed (exit 137).');
    expect(items[1]?.textContent).toContain('app exited 137');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter events' }), {
      target: { value: 'exit 137' },
    });
    expect(within(feed).getAllByTestId('feed-item')).toHaveLength(1);
  });

  it('updates a service row from the live feed', async () => {
    const { fake } = renderPage();
    const row = (await screen.findByRole('link', { name: 'api' })).closest('tr');
    act(() =>
      fake.latest()?.emit(
        'service.updated',
        {
          type: 'service.updated',
          ...where,
          service: buildService({ name: 'api', runningCount: 9 }),
        },
        '3',
      ),
    );
    await waitFor(() => expect(within(row as HTMLElement).getByText('9')).toBeTruthy());
  });

  it('drains an instance only once its id is typed', async () => {
    const { fetchMock } = renderPage();
    fireEvent.click(await screen.findByRole('link', { name: 'Instances' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Drain i-0a1b2c3d4e5f67890' }));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Confirm drain' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByLabelText(`Type ${INSTANCE} to confirm`), {
      target: { value: INSTANCE },
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe(
      `/api/v1/clusters/prod/container-instances/${INSTANCE}/state?region=eu-west-1`,
    );
    expect(JSON.parse(post?.[1]?.body as string)).toEqual({
      status: 'DRAINING',
      confirm: INSTANCE,
    });
    expect(
      await screen.findByRole('button', { name: 'Activate i-0a1b2c3d4e5f67890' }),
    ).toBeTruthy();
  });

  it('offers no Drain in read-only mode', async () => {
    renderPage(true);
    fireEvent.click(await screen.findByRole('link', { name: 'Instances' }));
    await screen.findByRole('table', { name: /instances/i });
    expect(screen.queryByRole('button', { name: /Drain/ })).toBeNull();
  });
});
