import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { TaskDefinitionsPage } from './task-definitions-page';

const families = {
  ...fresh,
  families: [
    { name: 'web', latestRevision: 7, activeRevisions: 2 },
    { name: 'orders-api', latestRevision: 12, activeRevisions: 1 },
    { name: 'legacy-batch', activeRevisions: 0 },
  ],
};

const show = (url: string, body: unknown = families) =>
  renderPage([{ path: '/task-definitions', element: <TaskDefinitionsPage /> }], url, () => body);

afterEach(() => vi.unstubAllGlobals());

describe('TaskDefinitionsPage', () => {
  it('lists the families with their latest and active revisions', async () => {
    show('/task-definitions?region=eu-west-1');
    expect(screen.getByRole('heading', { level: 1, name: 'Task definitions' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'web' });
    expect(link.getAttribute('href')).toBe('/task-definitions/web?region=eu-west-1');
    expect(screen.getByRole('link', { name: 'orders-api:12' }).getAttribute('href')).toBe(
      '/task-definitions/orders-api/12?region=eu-west-1',
    );
    const row = screen.getByRole('link', { name: 'legacy-batch' }).closest('tr');
    expect(within(row as HTMLElement).getByText('none active')).toBeTruthy();
    expect(screen.getByText('3 of 3 families')).toBeTruthy();
  });

  it('links to the studio for a new task definition', async () => {
    show('/task-definitions?region=eu-west-1');
    await screen.findByRole('link', { name: 'web' });
    expect(screen.getByRole('link', { name: 'New task definition' }).getAttribute('href')).toBe(
      '/task-definitions/new?region=eu-west-1',
    );
  });

  it('asks the BFF for the region in the URL', async () => {
    const { fetchMock } = show('/task-definitions?region=eu-west-1');
    await screen.findByRole('link', { name: 'web' });
    expect(requestedUrls(fetchMock)).toEqual([
      '/api/v1/task-definitions/families?region=eu-west-1',
    ]);
  });

  it('filters by the text typed, kept in the URL as ?q=', async () => {
    const { router } = show('/task-definitions');
    await screen.findByRole('link', { name: 'web' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter task definitions' }), {
      target: { value: 'orders' },
    });
    expect(screen.queryByRole('link', { name: 'web' })).toBeNull();
    expect(screen.getByRole('link', { name: 'orders-api' })).toBeTruthy();
    expect(router.state.location.search).toBe('?q=orders');
  });

  it('starts filtered from ?q= and says when nothing matches', async () => {
    show('/task-definitions?q=nothing-like-it');
    expect(await screen.findByText('No family matches “nothing-like-it”.')).toBeTruthy();
  });

  it('sorts by a column when its header is clicked, kept in the URL', async () => {
    const { router } = show('/task-definitions');
    await screen.findByRole('link', { name: 'web' });
    const names = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('link')[0]?.textContent);
    expect(names()).toEqual(['legacy-batch', 'orders-api', 'web']);
    fireEvent.click(screen.getByRole('button', { name: /Latest revision/ }));
    fireEvent.click(screen.getByRole('button', { name: /Latest revision/ }));
    expect(names()).toEqual(['orders-api', 'web', 'legacy-batch']);
    expect(router.state.location.search).toBe('?sort=-latestRevision');
    expect(
      screen.getByRole('columnheader', { name: /Latest revision/ }).getAttribute('aria-sort'),
    ).toBe('descending');
  });

  it('says how to register one when the region has none', async () => {
    show('/task-definitions', { ...fresh, families: [] });
    expect(await screen.findByText('No task definitions in this region.')).toBeTruthy();
    expect(screen.getByText(/register-task-definition/)).toBeTruthy();
  });

  it('marks stale data', async () => {
    show('/task-definitions', { ...families, stale: true });
    expect(await screen.findByText(/^Stale · as of/)).toBeTruthy();
  });

  it('shows the error with its request id and a retry', async () => {
    show(
      '/task-definitions',
      errorAnswer(503, 'aws_throttled', 'ECS throttled ListTaskDefinitionFamilies.', 'req-42'),
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('ECS throttled ListTaskDefinitionFamilies.')).toBeTruthy();
    expect(within(alert).getByText('request id req-42')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
