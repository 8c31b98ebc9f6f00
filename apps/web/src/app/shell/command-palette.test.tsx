import { buildCluster, buildService, buildTask } from '@deckhand/shared/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fresh, renderShell } from './render-shell';

const TASK = '0123456789abcdef0123456789abcdef';

const routes = {
  '/clusters': {
    ...fresh,
    clusters: [buildCluster({ name: 'prod-ec2' }), buildCluster({ name: 'prod-fargate' })],
  },
  '/clusters/prod-ec2/services': { ...fresh, services: [buildService({ name: 'web' })] },
  '/clusters/prod-fargate/services': {
    ...fresh,
    services: [buildService({ name: 'web' }), buildService({ name: 'api' })],
  },
  '/task-definitions/families': {
    ...fresh,
    families: [{ name: 'web', latestRevision: 4, activeRevisions: 2 }],
  },
  '/repositories': { ...fresh, repositories: [] },
  [`/clusters/prod-fargate/tasks/${TASK}`]: { ...fresh, task: buildTask({ id: TASK }) },
};

async function openPalette(url = '/clusters?region=eu-west-1') {
  const view = renderShell(url, routes);
  fireEvent.keyDown(document.body, { key: 'k', metaKey: true });
  const dialog = await screen.findByRole('dialog', { name: 'Command palette' });
  const input = within(dialog).getByRole('combobox', { name: 'Jump to' });
  return { ...view, dialog, input };
}

const results = () => within(screen.getByRole('listbox', { name: 'Results' }));
const selected = () =>
  results()
    .getAllByRole('option')
    .find((option) => option.getAttribute('aria-selected') === 'true');

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('CommandPalette', () => {
  it('focuses the input and lists pages, clusters and services of every cluster', async () => {
    const { input } = await openPalette();
    expect(document.activeElement).toBe(input);
    await screen.findByRole('option', { name: 'api prod-fargate' });
    expect(screen.getByRole('group', { name: 'Pages' })).toBeTruthy();
    expect(
      within(screen.getByRole('group', { name: 'Clusters' })).getAllByRole('option'),
    ).toHaveLength(2);
    expect(screen.getByRole('option', { name: 'web prod-ec2' })).toBeTruthy();
  });

  it('moves with the arrow keys (wrapping) and opens the chosen result with Enter, keeping the region', async () => {
    const { input } = await openPalette();
    fireEvent.change(input, { target: { value: 'web' } });
    await screen.findByRole('option', { name: 'web prod-fargate' });
    await screen.findByRole('option', { name: /^web latest :4/ });
    expect(selected()?.textContent).toBe('web prod-ec2');
    expect(input.getAttribute('aria-activedescendant')).toBe(selected()?.id);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()?.textContent).toBe('web prod-fargate');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(selected()?.textContent).toBe('web prod-ec2');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(selected()?.textContent).toBe('web latest :4');
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('location').textContent).toBe(
      '/task-definitions/web?region=eu-west-1',
    );
  });

  it('closes with Escape and leaves the page as it was', async () => {
    const { input } = await openPalette();
    fireEvent.keyDown(input, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('location').textContent).toBe('/clusters?region=eu-west-1');
  });

  it('finds a pasted task id in the cluster that has it, and offers the trace too', async () => {
    const { input, fetchMock } = await openPalette('/clusters');
    fireEvent.change(input, { target: { value: TASK } });
    const option = await screen.findByRole('option', { name: `Task ${TASK} in prod-fargate` });
    expect(screen.queryByRole('option', { name: /in prod-ec2/ })).toBeNull();
    expect(
      fetchMock.mock.calls.some(([url]) => url === `/api/v1/clusters/prod-ec2/tasks/${TASK}`),
    ).toBe(true);
    expect(screen.getByRole('option', { name: /^Trace 1-01234567-/ })).toBeTruthy();
    fireEvent.click(option);
    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(
        `/clusters/prod-fargate/tasks/${TASK}`,
      ),
    );
  });

  it('says when nothing matches', async () => {
    const { input } = await openPalette();
    await screen.findByRole('option', { name: 'api prod-fargate' });
    fireEvent.change(input, { target: { value: 'zzzz' } });
    expect(await screen.findByText('Nothing matches “zzzz”.')).toBeTruthy();
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('dialog', { name: 'Command palette' })).toBeTruthy();
  });
});
