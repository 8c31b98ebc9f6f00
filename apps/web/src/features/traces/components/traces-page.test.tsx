import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, renderPage, requestedUrls } from '../../../testing/render-page';
import { buildTraceSummary, tracesPage } from '../testing/fixtures';
import { TracesPage } from './traces-page';

const show = (url: string, answer: (request: string) => unknown = () => tracesPage()) =>
  renderPage(
    [
      { path: '/traces', element: <TracesPage /> },
      { path: '/traces/:traceId', element: <p>trace page</p> },
    ],
    url,
    answer,
  );

const query = (url: string) => new URL(url, 'http://localhost').searchParams;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('TracesPage', () => {
  it('lists the traces: link, time, durations, request, status, outcome, services', async () => {
    show('/traces?region=eu-west-1');
    expect(screen.getByRole('heading', { level: 1, name: 'Traces' })).toBeTruthy();
    const link = await screen.findByRole('link', { name: '1-6553f100-3f2a9c1b8e7d6a5b4c3d2e1f' });
    expect(link.getAttribute('href')).toBe(
      '/traces/1-6553f100-3f2a9c1b8e7d6a5b4c3d2e1f?region=eu-west-1',
    );
    const row = link.closest('tr') as HTMLElement;
    // The path on one line; the full URL in the cell's title.
    expect(within(row).getByText('/checkout')).toBeTruthy();
    expect(row.querySelector('[title="GET https://shop.example.com/checkout"]')).not.toBeNull();
    expect(within(row).getByText('500')).toBeTruthy();
    expect(within(row).getByText('Fault')).toBeTruthy();
    expect(within(row).getByText('web, orders-api')).toBeTruthy();
    expect(screen.getByText(/1 traces in the last 15 minutes · 12 traces scanned/)).toBeTruthy();
    expect(within(row).getByText('customer_tier=gold')).toBeTruthy();
  });

  it('asks for the window of the range in the URL, with the filter and region', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-26T10:00:00.000Z'), toFake: ['Date'] });
    const { fetchMock } = show('/traces?range=1h&filter=http.status%20%3D%20500&region=eu-west-1');
    await screen.findByRole('table', { name: 'Traces' });
    const sent = query(requestedUrls(fetchMock)[0] ?? '');
    expect(sent.get('start')).toBe('2026-11-26T09:00:00.000Z');
    expect(sent.get('end')).toBe('2026-11-26T10:00:00.000Z');
    expect(sent.get('filter')).toBe('http.status = 500');
    expect(sent.get('region')).toBe('eu-west-1');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Time range' }).value).toBe(
      '1h',
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Filter expression' }).value).toBe(
      'http.status = 500',
    );
  });

  it('applies the filter expression on submit and the range at once, both in the URL', async () => {
    const { router, fetchMock } = show('/traces');
    await screen.findByRole('table', { name: 'Traces' });
    const input = screen.getByRole('textbox', { name: 'Filter expression' });
    fireEvent.change(input, { target: { value: 'service("orders-api")' } });
    expect(router.state.location.search).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(router.state.location.search).toBe('?filter=service%28%22orders-api%22%29');
    fireEvent.change(screen.getByRole('combobox', { name: 'Time range' }), {
      target: { value: '5m' },
    });
    expect(router.state.location.search).toBe('?filter=service%28%22orders-api%22%29&range=5m');
    await screen.findByText(/in the last 5 minutes/);
    expect(query(requestedUrls(fetchMock).at(-1) ?? '').get('filter')).toBe(
      'service("orders-api")',
    );
  });

  it('loads the next page with the same window and the next token', async () => {
    const { fetchMock } = show('/traces', (request) =>
      query(request).get('nextToken')
        ? tracesPage({ traces: [buildTraceSummary({ id: '1-6553f100-000000000000000000000002' })] })
        : tracesPage({ nextToken: 'page-2' }),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    expect(
      await screen.findByRole('link', { name: '1-6553f100-000000000000000000000002' }),
    ).toBeTruthy();
    expect(screen.getByRole('link', { name: '1-6553f100-3f2a9c1b8e7d6a5b4c3d2e1f' })).toBeTruthy();
    const second = query(requestedUrls(fetchMock)[1] ?? '');
    expect(second.get('nextToken')).toBe('page-2');
    expect(second.get('start')).toBe('2026-11-26T09:45:00.000Z');
    expect(second.get('end')).toBe('2026-11-26T10:00:00.000Z');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('opens a trace pasted in any id form', async () => {
    const { router } = show('/traces');
    await screen.findByRole('table', { name: 'Traces' });
    const input = screen.getByRole('textbox', { name: 'Trace id' });
    fireEvent.change(input, {
      target: { value: 'X-Amzn-Trace-Id: Root=1-6553F100-3F2A9C1B8E7D6A5B4C3D2E1F;Sampled=1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(router.state.location.pathname).toBe('/traces/1-6553f100-3f2a9c1b8e7d6a5b4c3d2e1f');
  });

  it('says where to send segments when there are none', async () => {
    show('/traces?range=5m', () => tracesPage({ traces: [] }));
    expect(await screen.findByText('No traces in the last 5 minutes.')).toBeTruthy();
    expect(screen.getByText(/Send segments to the X-Ray daemon at 127.0.0.1:2000/)).toBeTruthy();
  });

  it('shows X-Ray’s refusal of the filter expression under it, with the request id', async () => {
    show('/traces?filter=nonsense%20%3D', () =>
      errorAnswer(400, 'bad_request', 'The filter expression is invalid.', 'req-filter'),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The filter expression is invalid.');
    expect(alert.textContent).toContain('req-filter');
    const input = screen.getByRole('textbox', { name: 'Filter expression' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('status', { name: 'Loading traces' })).toBeNull();
  });

  it('shows other failures in a panel with the request id and a retry', async () => {
    show('/traces', () => errorAnswer(503, 'unavailable', 'X-Ray is down.', 'req-503'));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Traces could not be loaded')).toBeTruthy();
    expect(within(alert).getByText('request id req-503')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('fills the filter box from an example of the syntax help', async () => {
    const { router } = show('/traces');
    await screen.findByRole('table', { name: 'Traces' });
    const examples = screen.getByRole('list', { name: 'Filter examples' });
    fireEvent.click(
      within(examples).getByRole('button', { name: 'http.url CONTAINS "/checkout"' }),
    );
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Filter expression' }).value).toBe(
      'http.url CONTAINS "/checkout"',
    );
    expect(router.state.location.search).toBe('');
  });

  it('marks stale data', async () => {
    show('/traces', () => tracesPage({ stale: true }));
    expect(await screen.findByText(/^Stale · as of/)).toBeTruthy();
  });
});
