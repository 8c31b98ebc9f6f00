import { FIXTURE_TRACE_ID } from '@deckhand/shared/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { checkoutTrace } from '../testing/fixtures';
import { TracePage } from './trace-page';

const show = (url: string, answer: () => unknown = () => ({ ...fresh, trace: checkoutTrace() })) =>
  renderPage([{ path: '/traces/:traceId', element: <TracePage /> }], url, answer);

afterEach(() => vi.unstubAllGlobals());

const bar = (name: RegExp) => within(screen.getByRole('button', { name })).getByTestId('span-bar');

describe('TracePage', () => {
  it('draws the waterfall: every span indented, bars placed relative to the trace', async () => {
    const { fetchMock } = show(`/traces/${FIXTURE_TRACE_ID}?region=eu-west-1`);
    expect(screen.getByRole('heading', { level: 1, name: FIXTURE_TRACE_ID })).toBeTruthy();
    const timeline = await screen.findByRole('list', { name: 'Trace timeline' });
    expect(within(timeline).getAllByRole('button')).toHaveLength(9);
    // orders-api call: 10 ms → 210 ms of a 500 ms trace.
    expect(bar(/^orders-api, 200 ms$/).style.left).toBe('2%');
    expect(bar(/^orders-api, 200 ms$/).style.width).toBe('40%');
    expect(bar(/^payments, 260 ms, fault$/).className).toContain('bg-red-500');
    expect(bar(/^render/).className).toContain('bg-sky-500');
    expect(requestedUrls(fetchMock)).toEqual([
      `/api/v1/traces/${FIXTURE_TRACE_ID}?region=eu-west-1`,
    ]);
  });

  it('shows the details of a clicked span: HTTP, cause and JSON', async () => {
    const { router } = show(`/traces/${FIXTURE_TRACE_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: /^payments/ }));
    expect(router.state.location.search).toBe('?span=b000000000000002');
    const details = screen.getByRole('region', { name: 'payments' });
    expect(within(details).getByText('POST http://payments.internal/charge')).toBeTruthy();
    expect(within(details).getByText('503')).toBeTruthy();
    expect(within(details).getByText('HttpError: Service Unavailable (remote)')).toBeTruthy();
    expect(within(details).getByText('at charge (/app/src/payments.js:42)')).toBeTruthy();
    expect(within(details).getByLabelText('Span payments as JSON')).toBeTruthy();
  });

  it('shows annotations, metadata keys, AWS fields and the ECS task of a span', async () => {
    show(`/traces/${FIXTURE_TRACE_ID}?span=a000000000000001`);
    const details = await screen.findByRole('region', { name: 'web' });
    expect(within(details).getByText('customer_tier')).toBeTruthy();
    expect(within(details).getByText('"gold"')).toBeTruthy();
    expect(within(details).getByText('cart')).toBeTruthy();
    expect(within(details).getByRole('link', { name: 'prod-fargate' }).getAttribute('href')).toBe(
      '/clusters/prod-fargate',
    );
    fireEvent.click(screen.getByRole('button', { name: /^DynamoDB, 50 ms$/ }));
    const dynamo = screen.getByRole('region', { name: 'DynamoDB' });
    expect(within(dynamo).getByText('GetItem')).toBeTruthy();
    expect(within(dynamo).getByText('orders')).toBeTruthy();
  });

  it('lists the hints (the orphan, the broken hop)', async () => {
    show(`/traces/${FIXTURE_TRACE_ID}`);
    const hints = await screen.findByRole('list', { name: 'Trace hints' });
    expect(within(hints).getByText(/"audit-worker" names parent 9999999999999999/)).toBeTruthy();
    expect(within(hints).getByText(/"payments" \(web\) called a traced service/)).toBeTruthy();
  });

  it('rewrites a W3C trace id to X-Ray’s form', async () => {
    const { router } = show('/traces/6553F1003F2A9C1B8E7D6A5B4C3D2E1F?region=eu-west-1');
    await screen.findByRole('list', { name: 'Trace timeline' });
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
