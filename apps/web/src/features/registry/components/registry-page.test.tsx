import { buildRepository } from '@deckhand/shared/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { RegistryPage } from './registry-page';

const repositories = {
  ...fresh,
  repositories: [
    buildRepository({ name: 'web', imageCount: 3 }),
    buildRepository({
      name: 'team/payments',
      imageTagMutability: 'IMMUTABLE',
      scanOnPush: false,
      encryption: { type: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/abc' },
      imageCount: 12,
      lastPushedAt: undefined,
    }),
  ],
};

const show = (url: string, body: unknown = repositories) =>
  renderPage([{ path: '/registry', element: <RegistryPage /> }], url, () => body);

afterEach(() => vi.unstubAllGlobals());

describe('RegistryPage', () => {
  it('lists the repositories with URI, settings, image count and last push', async () => {
    const { fetchMock } = show('/registry?region=eu-west-1');
    expect(screen.getByRole('heading', { level: 1, name: 'Registry' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'team/payments' });
    expect(link.getAttribute('href')).toBe('/registry/team%2Fpayments?region=eu-west-1');
    const row = link.closest('tr') as HTMLElement;
    expect(within(row).getByText('Immutable')).toBeTruthy();
    expect(within(row).getByText('off')).toBeTruthy();
    expect(within(row).getByText('KMS')).toBeTruthy();
    expect(within(row).getByText('12')).toBeTruthy();
    expect(within(row).getByText('never')).toBeTruthy();
    expect(
      within(row).getByText('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/payments'),
    ).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Copy URI of team/payments' })).toBeTruthy();
    expect(requestedUrls(fetchMock)).toEqual(['/api/v1/repositories?region=eu-west-1']);
  });

  it('filters by the text typed, kept in the URL', async () => {
    const { router } = show('/registry');
    await screen.findByRole('link', { name: 'web' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter repositories' }), {
      target: { value: 'pay' },
    });
    expect(screen.queryByRole('link', { name: 'web' })).toBeNull();
    expect(router.state.location.search).toBe('?q=pay');
  });

  it('sorts by image count from the URL', async () => {
    show('/registry?sort=-imageCount');
    await screen.findByRole('link', { name: 'web' });
    const names = screen
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('link')[0]?.textContent);
    expect(names).toEqual(['team/payments', 'web']);
  });

  it('says how to create one when the region has none', async () => {
    show('/registry', { ...fresh, repositories: [] });
    expect(await screen.findByText('No repositories in this region.')).toBeTruthy();
    expect(screen.getByText(/aws ecr create-repository/)).toBeTruthy();
  });

  it('marks stale data and shows errors with the request id', async () => {
    show('/registry', { ...repositories, stale: true });
    expect(await screen.findByText(/^Stale · as of/)).toBeTruthy();
    vi.unstubAllGlobals();
    show('/registry', errorAnswer(503, 'aws_unavailable', 'ECR is unreachable.', 'req-ecr'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('request id req-ecr')).toBeTruthy();
  });
});
