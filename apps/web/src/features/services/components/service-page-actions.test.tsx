import { buildService, buildServiceDetail, buildTask } from '@deckhand/shared/testing';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeStreams } from '../../../testing/fake-event-source';
import { json, renderRoutes, stubFetch } from '../../../testing/render-page';
import { ServicePage } from './service-page';

const where = { region: 'us-east-1', cluster: 'prod' };
const TG =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/prod-web/6d0ecf831eec9f09';
const TASK = '0f1e2d3c4b5a49687766554433221100';

const detail = buildServiceDetail({
  name: 'web',
  desiredCount: 3,
  runningCount: 3,
  taskDefinition: 'web:7',
  loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 8080 }],
  networkConfiguration: {
    awsvpcConfiguration: {
      subnets: ['subnet-0a1', 'subnet-0b2'],
      securityGroups: ['sg-0c3'],
      assignPublicIp: 'DISABLED',
    },
  },
  deploymentConfiguration: {
    minimumHealthyPercent: 50,
    maximumPercent: 200,
    deploymentCircuitBreaker: { enable: true, rollback: true },
  },
  placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  events: [
    {
      id: 'e2',
      createdAt: '2026-11-26T09:05:00.000Z',
      message: 'placement',
      kind: 'placement-failure',
    },
    { id: 'e1', createdAt: '2026-11-26T09:04:00.000Z', message: 'steady', kind: 'steady-state' },
  ],
});

function renderPage() {
  stubFetch((url: string, init: RequestInit = {}) => {
    if (init.method === 'POST') return json({ service: { ...detail, desiredCount: 5 } });
    if (url.startsWith('/api/v1/clusters/prod/services/web'))
      return json({ service: detail, stale: false, asOf: '2026-11-26T10:00:00.000Z' });
    if (url.startsWith('/api/v1/clusters/prod/tasks'))
      return json({
        tasks: [buildTask({ id: TASK })],
        stale: false,
        asOf: '2026-11-26T10:00:00.000Z',
      });
    return json({ error: { code: 'not_found', message: 'No.', requestId: 'r' } }, 404);
  });
  const fake = createFakeStreams();
  renderRoutes(
    [{ path: '/clusters/:cluster/services/:service', element: <ServicePage readOnly={false} /> }],
    '/clusters/prod/services/web?region=us-east-1',
    { streams: fake.streams },
  );
  return fake;
}

afterEach(() => vi.unstubAllGlobals());

describe('ServicePage configuration and actions', () => {
  it('shows load balancers, network, deployment settings and placement', async () => {
    renderPage();
    const lb = await screen.findByRole('region', { name: 'Load balancers' });
    expect(within(lb).getByRole('list', { name: 'Target groups' }).textContent).toContain(
      'prod-web',
    );
    expect(lb.textContent).toContain('→ web:8080');
    expect(within(lb).getByRole('button', { name: 'Copy target group prod-web' })).toBeTruthy();
    const network = screen.getByRole('region', { name: 'Network' });
    expect(network.textContent).toContain('subnet-0a1, subnet-0b2');
    expect(network.textContent).toContain('sg-0c3');
    const deployment = screen.getByRole('region', { name: 'Deployment configuration' });
    expect(deployment.textContent).toContain('50%');
    expect(deployment.textContent).toContain('on, rolls back');
    expect(screen.getByRole('region', { name: 'Placement' }).textContent).toContain(
      'spread(attribute:ecs.availability-zone)',
    );
  });

  it('links each task to its page and filters events by kind', async () => {
    renderPage();
    const link = await screen.findByRole('link', { name: `Task ${TASK}` });
    expect(link.getAttribute('href')).toBe(`/clusters/prod/tasks/${TASK}?region=us-east-1`);
    const events = screen.getByRole('list', { name: 'Events' });
    expect(within(events).getAllByTestId('event-item')).toHaveLength(2);
    expect(screen.getByRole('heading', { name: /Events/ }).textContent).toContain('2 events');
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'steady-state' } });
    expect(
      within(events)
        .getAllByTestId('event-item')
        .map((e) => e.dataset.kind),
    ).toEqual(['steady-state']);
  });

  it('previews a scale, then marks it pending until the feed shows the new count', async () => {
    const fake = renderPage();
    const input = await screen.findByLabelText('Desired count');
    act(() => fake.latest()?.open());
    fireEvent.change(input, { target: { value: '5' } });
    expect(screen.getByLabelText('Scale preview').textContent).toBe(
      'From 3 to 5 tasks: 2 tasks will start. Deployments at 5 tasks keep at least 3 running (minimum healthy 50%) and run at most 10 (maximum 200%).',
    );
    fireEvent.change(input, { target: { value: '1' } });
    expect(screen.getByLabelText('Scale preview').textContent).toMatch(
      /^From 3 to 1 task: 2 tasks will stop\./,
    );
    fireEvent.change(input, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Scale' }));

    const marker = await screen.findByRole('status', { name: 'Pending scale' });
    expect(marker.textContent).toBe('Scaling to 5 — waiting for ECS');
    // An event about another count does not confirm it.
    act(() =>
      fake.latest()?.emit(
        'service.updated',
        {
          type: 'service.updated',
          ...where,
          service: buildService({ name: 'web', desiredCount: 3 }),
        },
        '1',
      ),
    );
    expect(screen.getByRole('status', { name: 'Pending scale' })).toBeTruthy();
    act(() =>
      fake.latest()?.emit(
        'service.updated',
        {
          type: 'service.updated',
          ...where,
          service: buildService({ name: 'web', desiredCount: 5, runningCount: 3 }),
        },
        '2',
      ),
    );
    await waitFor(() => expect(screen.queryByRole('status', { name: 'Pending scale' })).toBeNull());
    expect(screen.getByLabelText('Desired tasks').textContent).toBe('5');
  });

  it('previews a deployment before it is started', async () => {
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Deploy' }));
    const dialog = screen.getByRole('dialog', { name: 'Deploy web' });
    const preview = within(dialog).getByLabelText('Deployment preview');
    expect(preview.textContent).toBe(
      'All 3 tasks will be replaced with fresh ones of web:7; up to 3 extra tasks during rollout (maximum 200%), at least 2 kept running.',
    );
    fireEvent.change(within(dialog).getByLabelText(/Task definition/), {
      target: { value: 'web:8' },
    });
    expect(preview.textContent).toMatch(/^New deployment of web:8 replacing web:7; up to 3 extra/);
  });
});
