import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { TaskDefinitionFamilyPage } from './task-definition-family-page';

const arn = (revision: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;

const show = (url: string, body: unknown) =>
  renderPage(
    [{ path: '/task-definitions/:family', element: <TaskDefinitionFamilyPage /> }],
    url,
    () => body,
  );

afterEach(() => vi.unstubAllGlobals());

describe('TaskDefinitionFamilyPage', () => {
  it('lists the revisions, newest first, linking each to its definition', async () => {
    const { fetchMock } = show('/task-definitions/web?region=eu-west-1', {
      ...fresh,
      revisions: [
        { revision: 7, status: 'ACTIVE', registeredAt: '2026-11-20T09:30:00.000Z', arn: arn(7) },
        { revision: 6, status: 'INACTIVE', arn: arn(6) },
      ],
    });
    expect(screen.getByRole('heading', { level: 1, name: 'web' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'web:7' });
    expect(link.getAttribute('href')).toBe('/task-definitions/web/7?region=eu-west-1');
    const row = screen.getByRole('link', { name: 'web:6' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('INACTIVE')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Copy ARN of web:6' })).toBeTruthy();
    expect(screen.getByText(/2 revisions · 1 active/)).toBeTruthy();
    expect(requestedUrls(fetchMock)).toEqual([
      '/api/v1/task-definitions/web/revisions?region=eu-west-1',
    ]);
  });

  it('links to the studio and to comparisons with the previous revision', async () => {
    show('/task-definitions/web?region=eu-west-1', {
      ...fresh,
      revisions: [
        { revision: 7, status: 'ACTIVE', arn: arn(7) },
        { revision: 5, status: 'ACTIVE', arn: arn(5) },
      ],
    });
    const studio = await screen.findByRole('link', { name: 'New revision from web:7' });
    expect(studio.getAttribute('href')).toBe('/task-definitions/web/7/edit?region=eu-west-1');
    expect(screen.getByRole('link', { name: 'Compare revisions' }).getAttribute('href')).toBe(
      '/task-definitions/web/compare?region=eu-west-1',
    );
    expect(
      screen.getByRole('link', { name: 'Compare web:7 with previous' }).getAttribute('href'),
    ).toBe('/task-definitions/web/compare?from=5&to=7&region=eu-west-1');
    expect(screen.queryByRole('link', { name: 'Compare web:5 with previous' })).toBeNull();
  });

  it('shows a missing family as an error with the request id', async () => {
    show(
      '/task-definitions/nope',
      errorAnswer(404, 'not_found', 'Task definition family nope does not exist.', 'req-7'),
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Task definition family nope does not exist.')).toBeTruthy();
    expect(within(alert).getByText('request id req-7')).toBeTruthy();
  });
});
