import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { ImageFindingsPage } from './image-findings-page';

const digest = `sha256:${'c3'.repeat(32)}`;
const answer = {
  ...fresh,
  scanStatus: 'COMPLETE',
  completedAt: '2026-11-26T09:00:00.000Z',
  counts: { critical: 1, high: 1, medium: 0, low: 1, informational: 0, undefined: 0 },
  findings: [
    {
      name: 'CVE-2024-0001',
      severity: 'CRITICAL',
      package: 'openssl',
      packageVersion: '3.0.2',
      description: 'A bad one.',
      uri: 'https://security-tracker.debian.org/tracker/CVE-2024-0001',
    },
    { name: 'CVE-2024-0002', severity: 'HIGH', package: 'zlib', packageVersion: '1.2.11' },
    { name: 'CVE-2024-0003', severity: 'LOW', uri: 'javascript:alert(1)' },
  ],
};

function show(url: string) {
  return renderPage(
    [{ path: '/registry/:repository/images/:digest', element: <ImageFindingsPage /> }],
    url,
    () => answer,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('ImageFindingsPage', () => {
  it('lists severity, CVE with its link, package and version, description', async () => {
    const { fetchMock } = show(`/registry/team%2Fweb/images/${digest}?region=eu-west-1`);
    const table = await screen.findByRole('table', { name: 'Findings' });
    const link = within(table).getByRole('link', { name: 'CVE-2024-0001' });
    expect(link.getAttribute('href')).toBe(answer.findings[0]?.uri);
    expect(within(table).getByText('openssl')).toBeTruthy();
    expect(within(table).getByText('3.0.2')).toBeTruthy();
    expect(within(table).getByText('A bad one.')).toBeTruthy();
    // Not a web link: shown as text.
    expect(within(table).queryByRole('link', { name: 'CVE-2024-0003' })).toBeNull();
    expect(
      screen.getByRole('img', {
        name: 'Findings: 1 critical, 1 high, 0 medium, 1 low, 0 informational',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: 'team/web' }).getAttribute('href')).toBe(
      `/registry/team%2Fweb?region=eu-west-1&digest=${encodeURIComponent(digest)}`,
    );
    expect(requestedUrls(fetchMock)).toEqual([
      `/api/v1/repositories/team%2Fweb/images/${encodeURIComponent(digest)}/findings?region=eu-west-1`,
    ]);
  });

  it('filters by severity, kept in the URL', async () => {
    const { router } = show(`/registry/web/images/${digest}?severity=high`);
    const table = await screen.findByRole('table', { name: 'Findings' });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).getByText('CVE-2024-0002')).toBeTruthy();
    const group = screen.getByRole('group', { name: 'Filter by severity' });
    expect(within(group).getByRole('button', { name: 'High 1' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    fireEvent.click(within(group).getByRole('button', { name: 'Critical 1' }));
    expect(router.state.location.search).toBe('?severity=CRITICAL%2CHIGH');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
  });
});
