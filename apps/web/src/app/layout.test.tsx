import { buildCluster } from '@deckhand/shared/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fresh, HEALTH, renderShell } from './shell/render-shell';

afterEach(() => {
  vi.unstubAllGlobals();
});

const location = () => screen.getByTestId('location').textContent;

describe('Layout', () => {
  it('links every section, keeps ?region= and marks the current one', async () => {
    renderShell('/clusters?region=eu-west-1&q=prod');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Clusters',
      'Task definitions',
      'Registry',
      'Traces',
    ]);
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/clusters?region=eu-west-1',
      '/task-definitions?region=eu-west-1',
      '/registry?region=eu-west-1',
      '/traces?region=eu-west-1',
    ]);
    expect(within(nav).getByRole('link', { name: 'Clusters' }).getAttribute('aria-current')).toBe(
      'page',
    );
    fireEvent.click(within(nav).getByRole('link', { name: 'Traces' }));
    await screen.findByRole('heading', { name: 'Traces' });
    expect(location()).toBe('/traces?region=eu-west-1');
    expect(within(nav).getByRole('link', { name: 'Traces' }).getAttribute('aria-current')).toBe(
      'page',
    );
  });

  it('leaves the region out of links when the URL has none', () => {
    renderShell('/registry');
    expect(screen.getByRole('link', { name: 'Clusters' }).getAttribute('href')).toBe('/clusters');
  });

  it('has a skip link to <main id="main">', () => {
    renderShell();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    fireEvent.click(skip);
    expect(document.activeElement).toBe(screen.getByRole('main'));
    expect(screen.getByRole('main').id).toBe('main');
  });

  it('shows the simulator mode, or the AWS account and region', async () => {
    renderShell('/clusters?region=eu-west-1', {
      '/health': { ...HEALTH, mode: 'aws', readOnly: true },
      '/clusters': {
        ...fresh,
        clusters: [buildCluster({ arn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod' })],
      },
    });
    expect(await screen.findByText('AWS · 123456789012 · eu-west-1')).toBeTruthy();
    expect(screen.getByText('Read-only')).toBeTruthy();
  });

  it('says Simulator in simulator mode without asking for clusters', async () => {
    const { fetchMock } = renderShell();
    expect(await screen.findByText('Simulator')).toBeTruthy();
    expect(screen.queryByText('Read-only')).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => url.startsWith('/api/v1/clusters'))).toBe(false);
  });

  it('goes to a section with g then a letter, keeping the region', async () => {
    renderShell('/clusters?region=eu-west-1');
    fireEvent.keyDown(document.body, { key: 'g' });
    fireEvent.keyDown(document.body, { key: 't' });
    await screen.findByRole('heading', { name: 'Task definitions' });
    expect(location()).toBe('/task-definitions?region=eu-west-1');
    fireEvent.keyDown(document.body, { key: 'g' });
    fireEvent.keyDown(document.body, { key: 'r' });
    await screen.findByRole('heading', { name: 'Registry' });
  });

  it('focuses the page filter with / and opens the help with ?', async () => {
    renderShell();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Filter Clusters' }));
    fireEvent.keyDown(document.body, { key: 'Escape' });
    act(() => (document.activeElement as HTMLElement).blur());
    fireEvent.keyDown(document.body, { key: '?' });
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Go to clusters')).toBeTruthy();
    fireEvent.keyDown(help, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('ignores shortcuts typed into a field', () => {
    renderShell();
    const filter = screen.getByRole('textbox', { name: 'Filter Clusters' });
    filter.focus();
    fireEvent.keyDown(filter, { key: '?' });
    fireEvent.keyDown(filter, { key: 'g' });
    fireEvent.keyDown(filter, { key: 'x' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(location()).toBe('/clusters');
  });

  it('opens the palette with Ctrl+K (even from a field) and with the Search button', async () => {
    renderShell();
    const filter = screen.getByRole('textbox', { name: 'Filter Clusters' });
    filter.focus();
    fireEvent.keyDown(filter, { key: 'k', ctrlKey: true });
    expect(await screen.findByRole('dialog', { name: 'Command palette' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Jump to' }), { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(filter);
    fireEvent.click(screen.getByRole('button', { name: /Search/ }));
    expect(await screen.findByRole('dialog', { name: 'Command palette' })).toBeTruthy();
  });
});
