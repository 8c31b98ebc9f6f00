import type { LiveEvent } from '@deckhand/shared';
import { buildService, buildServiceDetail, buildTask } from '@deckhand/shared/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeStreams } from '../../../testing/fake-event-source';
import { fresh, json, renderRoutes, stubFetch } from '../../../testing/render-page';
import { ServicePage } from './service-page';

const where = { region: 'us-east-1', cluster: 'prod' };

/** Renders the service page of prod/web against a fake BFF; `mutate` answers the POSTs. */
function renderPage({
  readOnly = false,
  mutate = () => json({ service: buildServiceDetail({ name: 'web', desiredCount: 0 }) }),
}: { readOnly?: boolean; mutate?: (url: string, init: RequestInit) => Promise<Response> } = {}) {
  const fetchMock = stubFetch((url: string, init: RequestInit = {}) => {
    if (init.method === 'POST') return mutate(url, init);
    if (url.startsWith('/api/v1/clusters/prod/services/web'))
      return json({ ...fresh, service: buildServiceDetail({ name: 'web' }) });
    if (url.startsWith('/api/v1/clusters/prod/tasks'))
      return json({ ...fresh, tasks: [buildTask({ id: 'task-a' })] });
    return json({ error: { code: 'not_found', message: 'No such route.', requestId: 'r' } }, 404);
  });
  const fake = createFakeStreams();
  renderRoutes(
    [
      {
        path: '/clusters/:cluster/services/:service',
        element: <ServicePage readOnly={readOnly} />,
      },
    ],
    '/clusters/prod/services/web',
    { streams: fake.streams },
  );
  return { fetchMock, fake };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ServicePage', () => {
  it('applies a live event to the running count without refetching', async () => {
    const { fetchMock, fake } = renderPage();
    expect((await screen.findByLabelText('Running tasks')).textContent).toBe('2');
    await screen.findByText('task-a');
    const source = fake.latest();
    expect(source?.url).toBe('/api/v1/clusters/prod/services/web/events');
    act(() => source?.open());
    expect(screen.getByRole('status', { name: 'Live updates' }).textContent).toBe('Live');
    const calls = fetchMock.mock.calls.length;

    const event: LiveEvent = {
      type: 'service.updated',
      ...where,
      service: buildService({ name: 'web', desiredCount: 3, runningCount: 3 }),
    };
    act(() => source?.emit('service.updated', event, '12'));
    // The cache notifies observers on the next tick.
    await waitFor(() => expect(screen.getByLabelText('Running tasks').textContent).toBe('3'));
    expect(screen.getByLabelText('Desired tasks').textContent).toBe('3');

    act(() =>
      source?.emit(
        'task.started',
        { type: 'task.started', ...where, service: 'web', task: buildTask({ id: 'task-b' }) },
        '13',
      ),
    );
    expect(await screen.findByText('task-b')).toBeTruthy();
    expect(fetchMock.mock.calls.length).toBe(calls);
  });

  it('shows new service events at the top of the Events list', async () => {
    const { fake } = renderPage();
    const list = await screen.findByRole('list', { name: 'Events' });
    act(() =>
      fake.latest()?.emit(
        'service.event',
        {
          type: 'service.event',
          ...where,
          service: 'web',
          event: {
            id: 'e9',
            createdAt: '2026-11-26T09:30:00.000Z',
            message: '(service web) was unable to place a task.',
            kind: 'placement-failure',
          },
        },
        '20',
      ),
    );
    expect(fake.streams.droppedFrames('/api/v1/clusters/prod/services/web/events')).toBe(0);
    await waitFor(() =>
      expect(within(list).getAllByTestId('event-item')[0]?.textContent).toContain(
        'unable to place a task',
      ),
    );
    const items = within(list).getAllByTestId('event-item');
    expect(items).toHaveLength(2);
    expect(items[0]?.dataset.kind).toBe('placement-failure');
  });

  it('asks for the service name before scaling to 0', async () => {
    const { fetchMock } = renderPage();
    fireEvent.change(await screen.findByLabelText('Desired count'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Scale' }));
    const dialog = screen.getByRole('dialog', { name: 'Scale web to 0 tasks?' });
    const confirm = within(dialog).getByRole('button', { name: 'Set desired count to 0' });
    expect(confirm).toHaveProperty('disabled', true);
    const field = within(dialog).getByLabelText('Type web to confirm');
    fireEvent.change(field, { target: { value: 'api' } });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.click(confirm);
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);

    fireEvent.change(field, { target: { value: 'web' } });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe('/api/v1/clusters/prod/services/web/scale');
    expect(JSON.parse(post?.[1]?.body as string)).toEqual({ desiredCount: 0, confirm: 'web' });
    expect(post?.[1]?.headers).toMatchObject({ 'x-deckhand-request': '1' });
    expect((post?.[1]?.headers as Record<string, string>)['idempotency-key']).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    expect(screen.getByLabelText('Desired tasks').textContent).toBe('0');
  });

  it('shows the BFF’s message inline when scaling fails, and sends a new key next time', async () => {
    const { fetchMock } = renderPage({
      mutate: () =>
        json(
          {
            error: {
              code: 'bad_request',
              message: 'InvalidParameterException: desiredCount exceeds the account limit.',
              requestId: 'req-7',
            },
          },
          400,
        ),
    });
    fireEvent.change(await screen.findByLabelText('Desired count'), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Scale' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'InvalidParameterException: desiredCount exceeds the account limit.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Scale' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(2),
    );
    const keys = fetchMock.mock.calls
      .filter(([, init]) => init?.method === 'POST')
      .map(([, init]) => (init?.headers as Record<string, string>)['idempotency-key']);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('offers no write controls in read-only mode', async () => {
    renderPage({ readOnly: true });
    await screen.findByText('task-a');
    expect(screen.queryByLabelText('Desired count')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Deploy' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Stop task/ })).toBeNull();
  });

  it('asks for the task id before stopping a task', async () => {
    const { fetchMock } = renderPage({
      mutate: () => json({ task: buildTask({ id: 'task-a', desiredStatus: 'STOPPED' }) }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Stop task task-a' }));
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Confirm stop' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByLabelText('Type task-a to confirm'), {
      target: { value: 'task-a' },
    });
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(post?.[0]).toBe('/api/v1/clusters/prod/tasks/task-a/stop');
    expect(JSON.parse(post?.[1]?.body as string)).toEqual({
      reason: 'Stopped from Deckhand',
      confirm: 'task-a',
    });
    expect(screen.getByRole('button', { name: 'Stop task task-a' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});

describe('ServicePage links', () => {
  it('links to the traces through the service, by its X-Ray service name', async () => {
    renderPage();
    const link = await screen.findByRole('link', { name: 'Traces' });
    const url = new URL(link.getAttribute('href') ?? '', 'http://localhost');
    expect(url.pathname).toBe('/traces');
    expect(url.searchParams.get('filter')).toBe('service("web")');
    expect(screen.getByRole('link', { name: 'Port mappings' })).toBeTruthy();
  });
});
