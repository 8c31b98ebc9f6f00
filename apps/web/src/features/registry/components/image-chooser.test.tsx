import { buildRegistryImage, buildRepository } from '@deckhand/shared/testing';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, fresh, json, requestedUrls, stubFetch } from '../../../testing/render-page';
import { ImageChooser } from './image-chooser';

const web = buildRepository({ name: 'web' });
const payments = buildRepository({ name: 'team/payments', imageCount: 1 });
const digest = (pair: string) => `sha256:${pair.repeat(32)}`;

const webImages = [
  buildRegistryImage({
    digest: digest('a1'),
    tags: ['1.4.1'],
    pushedAt: '2026-11-10T09:00:00.000Z',
  }),
  buildRegistryImage({
    digest: digest('b2'),
    tags: ['1.4.2', 'latest'],
    pushedAt: '2026-11-20T09:00:00.000Z',
  }),
  buildRegistryImage({
    digest: digest('c3'),
    tags: [],
    pushedAt: '2026-11-25T09:00:00.000Z',
    scan: {
      status: 'NOT_SCANNED',
      counts: { critical: 0, high: 0, medium: 0, low: 0, informational: 0, undefined: 0 },
    },
  }),
];

type Answer = unknown;

/** The chooser over a fake BFF: `answers` maps a URL path (without query) to a body or status. */
function renderChooser(
  answers: Record<string, Answer>,
  value = '',
  region: string | undefined = 'eu-west-1',
) {
  const fetchMock = stubFetch((url: string) => {
    const path = url.split('?')[0] ?? url;
    const answer = answers[path];
    if (answer && typeof answer === 'object' && 'status' in answer && 'body' in answer) {
      const { status, body } = answer as { status: number; body: unknown };
      return json(body, status);
    }
    return answer === undefined
      ? json({ error: { code: 'not_found', message: 'no', requestId: 'r' } }, 404)
      : json(answer);
  });
  const onChoose = vi.fn();
  const onClose = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <ImageChooser region={region} value={value} onChoose={onChoose} onClose={onClose} />
    </QueryClientProvider>,
  );
  return { fetchMock, onChoose, onClose };
}

const standard = {
  '/api/v1/repositories': { ...fresh, repositories: [web, payments] },
  '/api/v1/repositories/web/images': { ...fresh, images: webImages },
  '/api/v1/repositories/team%2Fpayments/images': { ...fresh, images: [] },
};

afterEach(() => vi.unstubAllGlobals());

describe('ImageChooser', () => {
  it('lists the repositories, filters them, and lists the chosen one’s images newest first', async () => {
    const { fetchMock, onChoose } = renderChooser(standard);
    expect(screen.getByRole('dialog', { name: 'Choose an image from ECR' })).toBeTruthy();
    const list = await screen.findByRole('list', { name: 'Repositories' });
    expect(
      within(list)
        .getAllByRole('button')
        .map((button) => button.querySelector('span')?.textContent),
    ).toEqual(['team/payments', 'web']);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter repositories' }), {
      target: { value: 'we' },
    });
    expect(within(list).queryByText('team/payments')).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: /^web/ }));

    const images = await screen.findByRole('list', { name: 'Images of web' });
    const rows = within(images).getAllByRole('listitem');
    expect(rows.map((row) => row.getAttribute('data-digest'))).toEqual([
      digest('c3'),
      digest('b2'),
      digest('a1'),
    ]);
    expect(
      within(rows[1] as HTMLElement).getByRole('img', { name: /Findings: 0 critical, 1 high/ }),
    ).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Not scanned')).toBeTruthy();

    fireEvent.click(within(images).getByRole('button', { name: '1.4.2' }));
    expect(onChoose).toHaveBeenLastCalledWith(`${web.uri}:1.4.2`);
    fireEvent.click(within(images).getByRole('button', { name: /untagged/ }));
    expect(onChoose).toHaveBeenLastCalledWith(`${web.uri}@${digest('c3')}`);
    expect(requestedUrls(fetchMock)).toEqual([
      '/api/v1/repositories?region=eu-west-1',
      '/api/v1/repositories/web/images?region=eu-west-1',
    ]);
  });

  it('opens on the current image’s repository, marks it, and goes back to the list', async () => {
    renderChooser(standard, `${web.uri}:1.4.1`);
    const images = await screen.findByRole('list', { name: 'Images of web' });
    const current = within(images).getByText('current').closest('li');
    expect(current?.getAttribute('data-digest')).toBe(digest('a1'));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter images' }), {
      target: { value: 'latest' },
    });
    expect(within(images).getAllByRole('listitem')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '← Repositories' }));
    expect(await screen.findByRole('list', { name: 'Repositories' })).toBeTruthy();
  });

  it('says when a repository has no images or the region none', async () => {
    renderChooser(standard);
    fireEvent.click(await screen.findByRole('button', { name: /^team\/payments/ }));
    expect(await screen.findByText('No images in team/payments.')).toBeTruthy();
    vi.unstubAllGlobals();
    renderChooser({ '/api/v1/repositories': { ...fresh, repositories: [] } });
    expect(await screen.findByText('No repositories in this region.')).toBeTruthy();
  });

  it('shows a failed load with its request id and a retry', async () => {
    renderChooser({
      '/api/v1/repositories': errorAnswer(503, 'aws_unavailable', 'ECR is unreachable.', 'req-1'),
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Repositories could not be loaded')).toBeTruthy();
    expect(within(alert).getByText('request id req-1')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('closes on Cancel and on Escape without choosing', async () => {
    const { onClose, onChoose } = renderChooser(standard);
    await screen.findByRole('list', { name: 'Repositories' });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onChoose).not.toHaveBeenCalled();
  });
});
