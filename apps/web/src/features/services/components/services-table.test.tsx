import type { Service } from '@deckhand/shared';
import { buildService } from '@deckhand/shared/testing';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ServicesTable } from './services-table';

function renderTable(url: string, services: Service[]) {
  const router = createMemoryRouter(
    [
      {
        path: '/clusters/:cluster',
        element: <ServicesTable services={services} cluster="prod" region="eu-west-1" />,
      },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

const table = () => screen.getByRole('table', { name: 'Services' });
const names = () =>
  within(table())
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);

const services = [
  buildService({ name: 'web', desiredCount: 4, runningCount: 4 }),
  buildService({ name: 'xray', schedulingStrategy: 'DAEMON', desiredCount: 9, runningCount: 9 }),
  buildService({
    name: 'api',
    taskDefinition: 'api:7',
    desiredCount: 6,
    runningCount: 5,
    deployments: [
      {
        id: 'ecs-svc/2',
        status: 'PRIMARY',
        taskDefinition: 'api:7',
        desiredCount: 6,
        runningCount: 2,
        pendingCount: 1,
        failedTasks: 0,
        rolloutState: 'IN_PROGRESS',
      },
    ],
  }),
];

describe('ServicesTable', () => {
  it('sorts by name first and links each service in the region', () => {
    renderTable('/clusters/prod', services);
    expect(names()).toEqual(['api', 'web', 'xray']);
    expect(screen.getByRole('link', { name: 'web' }).getAttribute('href')).toBe(
      '/clusters/prod/services/web?region=eu-west-1',
    );
    expect(screen.getByRole('columnheader', { name: /Service/ }).getAttribute('aria-sort')).toBe(
      'ascending',
    );
  });

  it('shows scheduling strategy, revision and the rollout’s progress', () => {
    renderTable('/clusters/prod', services);
    const api = screen.getByRole('link', { name: 'api' }).closest('tr') as HTMLElement;
    expect(api.textContent).toContain('Deploying');
    expect(api.textContent).toContain('2/6');
    expect(
      within(api)
        .getByRole('progressbar', { name: 'Rollout of api' })
        .getAttribute('aria-valuenow'),
    ).toBe('2');
    expect(api.textContent).toContain('api:7');
    const xray = screen.getByRole('link', { name: 'xray' }).closest('tr') as HTMLElement;
    expect(xray.textContent).toContain('DAEMON');
  });

  it('restores filter and sort from the URL and writes header clicks back', async () => {
    const router = renderTable(
      '/clusters/prod?sq=strategy:replica&ssort=desired&sdir=desc',
      services,
    );
    expect(screen.getByRole('searchbox', { name: 'Filter services' })).toHaveProperty(
      'value',
      'strategy:replica',
    );
    expect(names()).toEqual(['api', 'web']);
    expect(screen.getByTestId('services-count').textContent).toBe('2 of 3 services');

    fireEvent.click(screen.getByRole('button', { name: 'Desired' }));
    await waitFor(() => expect(names()).toEqual(['web', 'api']));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('ssort')).toBe('desired');
    expect(params.get('sdir')).toBe('asc');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter services' }), {
      target: { value: 'nothing-like-this' },
    });
    expect(await screen.findByText('No services match this filter.')).toBeTruthy();
    expect(new URLSearchParams(router.state.location.search).get('sq')).toBe('nothing-like-this');
  });

  it('keeps only a window of 2,000 services in the DOM', () => {
    const many = Array.from({ length: 2_000 }, (_, n) =>
      buildService({ name: `svc-${String(n).padStart(4, '0')}` }),
    );
    renderTable('/clusters/prod', many);
    expect(table().getAttribute('aria-rowcount')).toBe('2001');
    expect(within(table()).getAllByRole('row').length).toBeLessThan(60);
  });
});
