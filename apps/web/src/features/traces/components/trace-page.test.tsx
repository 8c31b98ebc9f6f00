import { FIXTURE_TRACE_ID, buildTask } from '@deckhand/shared/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { checkoutTrace } from '../testing/fixtures';
import { TracePage } from './trace-page';

const TASK = '0a1b2c3d4e5f67890a1b2c3d4e5f6789';

const answer = (url: string) =>
  url.includes('/tasks/')
    ? { ...fresh, source: 'aws', task: buildTask({ id: TASK, group: 'service:storefront' }) }
    : { ...fresh, trace: checkoutTrace() };

const show = (url: string, respond: (url: string) => unknown = answer) =>
  renderPage([{ path: '/traces/:traceId', element: <TracePage /> }], url, respond);

afterEach(() => vi.unstubAllGlobals());

const row = (name: RegExp) => screen.getByRole('treeitem', { name });
const bar = (name: RegExp) => within(row(name)).getByTestId('span-bar');

describe('TracePage', () => {
  it('draws the waterfall as a tree: levels, service colours, outcome and namespace marks', async () => {
    const { fetchMock } = show(`/traces/${FIXTURE_TRACE_ID}?region=eu-west-1`);
    expect(screen.getByRole('heading', { level: 1, name: FIXTURE_TRACE_ID })).toBeTruthy();
    const tree = await screen.findByRole('tree', { name: 'Trace timeline' });
    expect(within(tree).getAllByRole('treeitem')).toHaveLength(9);
    expect(screen.getByTestId('trace-summary').textContent).toContain('9 spans · 4 services');
    // orders-api call: 10 ms → 210 ms of a 500 ms trace, a remote call on the critical path.
    const call = row(/^orders-api, web, 200 ms, remote, critical path$/);
    expect(call.getAttribute('aria-level')).toBe('2');
    expect(call.getAttribute('aria-expanded')).toBe('true');
    expect(bar(/^orders-api, web, 200 ms/).style.left).toBe('2%');
    expect(bar(/^orders-api, web, 200 ms/).style.width).toBe('40%');
    expect(bar(/^orders-api, web, 200 ms/).className).toContain('ring-2');
    // Colour by service: the web subsegment and the web segment share it; orders-api differs.
    expect(bar(/^web, /).className).toContain('bg-sky-500');
    expect(bar(/^render, web/).className).toContain('bg-sky-500');
    expect(bar(/^orders-api, 180 ms/).className).toContain('bg-emerald-500');
    expect(within(row(/^payments, web, 260 ms, fault/)).getByText('fault')).toBeTruthy();
    expect(within(row(/^DynamoDB, 48 ms, aws, inferred/)).getByText('inferred aws')).toBeTruthy();
    expect(requestedUrls(fetchMock)).toEqual([
      `/api/v1/traces/${FIXTURE_TRACE_ID}?region=eu-west-1`,
    ]);
  });

  it('shows a clicked span: HTTP, the exception with its stack frames, and its JSON', async () => {
    const { router } = show(`/traces/${FIXTURE_TRACE_ID}`);
    fireEvent.click(await screen.findByRole('treeitem', { name: /^payments/ }));
    expect(router.state.location.search).toBe('?span=b000000000000002');
    expect(row(/^payments/).getAttribute('aria-selected')).toBe('true');
    const details = screen.getByRole('region', { name: 'payments' });
    expect(within(details).getByText('POST http://payments.internal/charge')).toBeTruthy();
    expect(within(details).getByText('503')).toBeTruthy();
    const exceptions = within(details).getByRole('list', { name: 'Exceptions' });
    expect(within(exceptions).getByText('HttpError: Service Unavailable (remote)')).toBeTruthy();
    const frames = within(exceptions).getByRole('list', { name: 'Stack frames' });
    expect(within(frames).getByText('at charge (/app/src/payments.js:42)')).toBeTruthy();
    expect(within(details).getByLabelText('Span payments as JSON')).toBeTruthy();
  });

  it('links the span’s ECS task, its service and cluster; shows annotations and AWS fields', async () => {
    show(`/traces/${FIXTURE_TRACE_ID}?span=a000000000000001&region=eu-west-1`);
    const details = await screen.findByRole('region', { name: 'web' });
    expect(within(details).getByText('customer_tier')).toBeTruthy();
    expect(within(details).getByText('"gold"')).toBeTruthy();
    expect(within(details).getByText('cart')).toBeTruthy();
    expect(
      within(details)
        .getByRole('link', { name: `Task ${TASK}` })
        .getAttribute('href'),
    ).toBe(`/clusters/prod-fargate/tasks/${TASK}?region=eu-west-1`);
    expect(within(details).getByRole('link', { name: 'prod-fargate' }).getAttribute('href')).toBe(
      '/clusters/prod-fargate?region=eu-west-1',
    );
    const service = await within(details).findByRole('link', { name: 'storefront' });
    expect(service.getAttribute('href')).toBe(
      '/clusters/prod-fargate/services/storefront?region=eu-west-1',
    );
    fireEvent.click(screen.getByRole('treeitem', { name: /^DynamoDB, orders-api, 50 ms/ }));
    const dynamo = screen.getByRole('region', { name: 'DynamoDB' });
    expect(within(dynamo).getByText('GetItem')).toBeTruthy();
    expect(within(dynamo).getByText('orders')).toBeTruthy();
  });

  it('lists the hints above the waterfall; “Show span” selects the span', async () => {
    const { router } = show(`/traces/${FIXTURE_TRACE_ID}`);
    const hints = await screen.findByRole('list', { name: 'Trace hints' });
    expect(within(hints).getByText(/"audit-worker" names parent 9999999999999999/)).toBeTruthy();
    const hop = within(hints).getByText(/"payments" \(web\) called a traced service/);
    fireEvent.click(within(hop).getByRole('button', { name: 'Show span' }));
    expect(router.state.location.search).toBe('?span=b000000000000002');
  });

  it('rewrites a W3C trace id to X-Ray’s form', async () => {
    const { router } = show('/traces/6553F1003F2A9C1B8E7D6A5B4C3D2E1F?region=eu-west-1');
    await screen.findByRole('tree', { name: 'Trace timeline' });
    expect(router.state.location.pathname).toBe(`/traces/${FIXTURE_TRACE_ID}`);
    expect(router.state.location.search).toBe('?region=eu-west-1');
  });

  it('refuses what is not a trace id without asking the BFF', () => {
    const { fetchMock } = show('/traces/not-a-trace');
    expect(screen.getByText('“not-a-trace” is not a trace id.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows a missing trace as an error with the request id', async () => {
    show(`/traces/${FIXTURE_TRACE_ID}`, () =>
      errorAnswer(404, 'not_found', 'No trace with that id in X-Ray.', 'req-x'),
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('request id req-x')).toBeTruthy();
  });
});
