import type { EcsTaskDefinition } from '@deckhand/shared';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { buildWebTaskDefinition } from '../testing/fixtures';
import { CompareRevisionsPage } from './compare-revisions-page';

const arn = (revision: number) =>
  `arn:aws:ecs:us-east-1:123456789012:task-definition/web:${revision}`;

const revisions = {
  ...fresh,
  revisions: [
    { revision: 8, status: 'ACTIVE', arn: arn(8) },
    { revision: 7, status: 'ACTIVE', arn: arn(7) },
    { revision: 6, status: 'INACTIVE', arn: arn(6) },
  ],
};

/** Revision 8 moves the web image to 1.5.0, changes an env value and the task memory. */
function revision(number: number): EcsTaskDefinition {
  const base = buildWebTaskDefinition({ revision: number });
  if (number !== 8) return base;
  const [web, ...rest] = base.containerDefinitions ?? [];
  return {
    ...base,
    memory: '2048',
    containerDefinitions: [
      {
        ...web,
        image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.5.0',
        environment: [
          { name: 'PORT', value: '8080' },
          { name: 'LOG_LEVEL', value: 'debug' },
        ],
      },
      ...rest,
    ],
  };
}

const show = (url: string) =>
  renderPage(
    [{ path: '/task-definitions/:family/compare', element: <CompareRevisionsPage /> }],
    url,
    (requestUrl) => {
      const match = /\/task-definitions\/web\/(\d+)/.exec(requestUrl);
      if (match?.[1]) return { ...fresh, taskDefinition: revision(Number(match[1])), tags: [] };
      return revisions;
    },
  );

afterEach(() => vi.unstubAllGlobals());

describe('CompareRevisionsPage', () => {
  it('compares the revisions in the URL: semantic changes and the side-by-side JSON', async () => {
    const { fetchMock } = show('/task-definitions/web/compare?from=7&to=8&region=eu-west-1');
    const summary = await screen.findByRole('region', { name: 'What changed' });
    const web = within(summary).getByRole('region', { name: 'Changes to Container web' });
    expect(within(web).getByText('image tag')).toBeTruthy();
    expect(within(web).getByText('env')).toBeTruthy();
    expect(within(web).getByText('debug')).toBeTruthy();
    const task = within(summary).getByRole('region', { name: 'Changes to Task' });
    expect(within(task).getByText('cpu/memory')).toBeTruthy();
    expect(within(task).getByText('2048')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Side-by-side diff of web:7 and web:8' });
    expect(within(table).getAllByText(/added:/).length).toBeGreaterThan(0);
    expect(requestedUrls(fetchMock)).toContain('/api/v1/task-definitions/web/7?region=eu-west-1');
    expect(requestedUrls(fetchMock)).toContain('/api/v1/task-definitions/web/8?region=eu-west-1');
  });

  it('defaults to the newest revision and the one before it', async () => {
    show('/task-definitions/web/compare');
    await screen.findByRole('region', { name: 'What changed' });
    const select = (name: string) => screen.getByRole<HTMLSelectElement>('combobox', { name });
    expect(select('From revision').value).toBe('7');
    expect(select('To revision').value).toBe('8');
  });

  it('changes either end in the URL, and says when there is no difference', async () => {
    const { router } = show('/task-definitions/web/compare?from=7&to=8');
    await screen.findByRole('region', { name: 'What changed' });
    fireEvent.change(screen.getByRole('combobox', { name: 'To revision' }), {
      target: { value: '6' },
    });
    expect(router.state.location.search).toBe('?from=7&to=6');
    expect(await screen.findByText('No differences')).toBeTruthy();
  });
});
