import type { LiveEvent, Task } from '@deckhand/shared';
import { buildTask } from '@deckhand/shared/testing';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { json, renderRoutes } from '../../../testing/render-page';
import type { DesiredStatus } from '../api/ecs-keys';
import { applyLiveEvent } from '../api/live-cache';
import { tasksQueryOptions } from '../api/services-queries';
import { ClusterTasksPanel } from './cluster-tasks-panel';

const REGION = 'eu-west-1';
const scope = { region: REGION, cluster: 'prod' };
const asOf = '2026-11-26T10:00:00.000Z';
const id = (n: number) => `${String(n).padStart(8, '0')}aaaabbbbccccddddeeeeffff`;

function renderPanel(
  url: string,
  lists: Partial<Record<DesiredStatus, Task[]>> = {},
  stale = false,
) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  for (const [desiredStatus, tasks] of Object.entries(lists))
    client.setQueryData(
      tasksQueryOptions({
        ...scope,
        service: undefined,
        desiredStatus: desiredStatus as DesiredStatus,
      }).queryKey,
      { tasks, stale, asOf },
    );
  return renderRoutes(
    [{ path: '/clusters/:cluster', element: <ClusterTasksPanel region={REGION} cluster="prod" /> }],
    url,
    { client },
  );
}

const table = () => screen.getByRole('table', { name: 'Cluster tasks' });
/** Body rows in the DOM (the header row and hidden spacers left out). */
const bodyRows = () => within(table()).getAllByRole('row').slice(1);

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      json(
        { error: { code: 'throttled', message: 'AWS is throttling.', requestId: 'req-42' } },
        503,
      ),
    ),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('ClusterTasksPanel', () => {
  it('keeps only a window of 20,000 tasks in the DOM, and scrolls it', () => {
    // jsdom has no layout: give the scroll area the size a browser would (600 px of 40 px rows).
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(1200);
    const tasks = Array.from({ length: 20_000 }, (_, n) =>
      buildTask({ id: id(n), group: `service:svc-${n % 1925}` }),
    );
    const { view } = renderPanel(`/clusters/prod?region=${REGION}&tsort=task`, { RUNNING: tasks });

    expect(table().getAttribute('aria-rowcount')).toBe('20001');
    expect(screen.getByTestId('tasks-count').textContent).toBe('20,000 of 20,000 tasks');
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.length).toBeLessThan(100);
    expect(rendered[0]?.getAttribute('aria-rowindex')).toBe('2');
    const nodes = view.container.querySelectorAll('*').length;
    expect(nodes).toBeLessThan(1_400);

    const scroller = table().parentElement as HTMLElement;
    Object.defineProperty(scroller, 'scrollTop', { configurable: true, value: 40 * 10_000 });
    fireEvent.scroll(scroller);
    const indexes = bodyRows().map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(indexes).toContain(10_002);
    expect(indexes.length).toBeLessThan(100);
    expect(screen.getByRole('link', { name: `Task ${id(10_000)}` })).toBeTruthy();
  });

  it('restores status, filter and sort from the URL, and writes them back', async () => {
    const web = buildTask({
      id: id(1),
      group: 'service:web',
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedAt: '2026-11-26T09:00:00.000Z',
    });
    const webLater = { ...web, id: id(2), stoppedAt: '2026-11-26T09:30:00.000Z' };
    const api = { ...web, id: id(3), group: 'service:api' };
    const { router } = renderPanel(
      `/clusters/prod?region=${REGION}&tasks=STOPPED&tq=service:web&tsort=started&tdir=desc`,
      { STOPPED: [web, api, webLater], RUNNING: [buildTask({ id: id(9), group: 'service:api' })] },
    );

    expect(screen.getByRole('radio', { name: 'Stopped' })).toHaveProperty('checked', true);
    expect(screen.getByRole('searchbox', { name: 'Filter tasks' })).toHaveProperty(
      'value',
      'service:web',
    );
    expect(screen.getByRole('columnheader', { name: /Stopped/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    expect(bodyRows().map((row) => row.getAttribute('data-task-id'))).toEqual([id(2), id(1)]);
    expect(screen.getByTestId('tasks-count').textContent).toBe('2 of 3 tasks');

    fireEvent.click(screen.getByRole('button', { name: 'Stopped' }));
    await waitFor(() =>
      expect(bodyRows().map((row) => row.getAttribute('data-task-id'))).toEqual([id(1), id(2)]),
    );
    expect(router.state.location.search).toContain('tdir=asc');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter tasks' }), {
      target: { value: '-service:web' },
    });
    await waitFor(() =>
      expect(bodyRows().map((row) => row.getAttribute('data-task-id'))).toEqual([id(3)]),
    );
    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('tq')).toBe('-service:web');
    expect(search.get('tasks')).toBe('STOPPED');
    expect(search.get('tsort')).toBe('started');
    expect(search.get('region')).toBe(REGION);

    fireEvent.click(screen.getByRole('radio', { name: 'Running' }));
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).has('tasks')).toBe(false),
    );
    expect(screen.getByRole('columnheader', { name: /Started/ })).toBeTruthy();
  });

  it('takes the filter from the URL again on back/forward', async () => {
    const { router } = renderPanel(`/clusters/prod?tq=web`, { RUNNING: [buildTask()] });
    await act(() => router.navigate('/clusters/prod?tq=api'));
    expect(screen.getByRole('searchbox', { name: 'Filter tasks' })).toHaveProperty('value', 'api');
  });

  it('adds a row when the live feed reports a task started', async () => {
    const { client } = renderPanel('/clusters/prod', {
      RUNNING: [buildTask({ id: id(1) }), buildTask({ id: id(2) })],
    });
    expect(bodyRows()).toHaveLength(2);
    const event: LiveEvent = {
      type: 'task.started',
      ...scope,
      service: 'web',
      task: buildTask({ id: id(3), ec2InstanceId: 'i-0new' }),
    };
    act(() => applyLiveEvent(client, scope, event));
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(within(table()).getByText('i-0new')).toBeTruthy();
    expect(screen.getByTestId('tasks-count').textContent).toBe('3 of 3 tasks');
  });

  it('links each task to its page in the region, with status, ports and host', () => {
    renderPanel('/clusters/prod', {
      RUNNING: [buildTask({ id: id(1), healthStatus: 'UNHEALTHY', cpu: 512, memory: 1024 })],
    });
    const link = screen.getByRole('link', { name: `Task ${id(1)}` });
    expect(link.getAttribute('href')).toBe(`/clusters/prod/tasks/${id(1)}?region=${REGION}`);
    const row = bodyRows()[0] as HTMLElement;
    expect(row.textContent).toContain('unhealthy');
    expect(row.textContent).toContain('32768→8080/tcp');
    expect(row.textContent).toContain('i-0a1b2c3d4e5f67890');
    expect(row.textContent).toContain('0.50 vCPU · 1 GiB');
  });

  it('says why stopped tasks stopped', () => {
    renderPanel('/clusters/prod?tasks=STOPPED', {
      STOPPED: [
        buildTask({
          lastStatus: 'STOPPED',
          desiredStatus: 'STOPPED',
          containers: [{ name: 'app', image: 'x', exitCode: 137, portMappings: [] }],
        }),
      ],
    });
    expect(bodyRows()[0]?.textContent).toContain('Container app was killed (exit 137)');
  });

  it('says what to do when nothing runs, and when the filter hides everything', async () => {
    renderPanel('/clusters/prod?tq=nomatch', { RUNNING: [buildTask()], STOPPED: [] });
    expect(screen.getByText('No tasks match this filter')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'clear it' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(screen.getByRole('searchbox', { name: 'Filter tasks' })).toHaveProperty('value', '');
    fireEvent.click(screen.getByRole('radio', { name: 'Stopped' }));
    expect(await screen.findByText('No stopped tasks recorded')).toBeTruthy();
  });

  it('shows a loading skeleton, then the error with its request id', async () => {
    renderPanel('/clusters/prod');
    expect(screen.getByRole('status', { name: 'Loading tasks' })).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Tasks could not be loaded');
    expect(alert.textContent).toContain('req-42');
  });

  it('marks tasks the BFF served stale', () => {
    renderPanel('/clusters/prod', { RUNNING: [buildTask()] }, true);
    expect(screen.getByText(/^Stale · as of/)).toBeTruthy();
  });
});
