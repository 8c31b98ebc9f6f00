import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage, requestedUrls } from '../../../testing/render-page';
import { buildTraceSummary, tracesPage } from '../testing/fixtures';
import { TracesPage } from './traces-page';

const show = (url: string, answer: (request: string) => unknown = () => tracesPage()) =>
  renderPage([{ path: '/traces', element: <TracesPage /> }], url, answer);

const query = (url: string) => new URL(url, 'http://localhost').searchParams;

/** Three traces of 50 ms, 300 ms and 900 ms (the slow one faulted). */
const threeTraces = () =>
  tracesPage({
    traces: [
      buildTraceSummary({
        id: '1-6553f100-000000000000000000000001',
        duration: 50,
        hasFault: false,
      }),
      buildTraceSummary({
        id: '1-6553f100-000000000000000000000002',
        duration: 300,
        hasFault: false,
      }),
      buildTraceSummary({ id: '1-6553f100-000000000000000000000003', duration: 900 }),
    ],
  });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('TracesPage search', () => {
  it('searches the absolute window of ?from=&to= and shows it in the picker', async () => {
    const { fetchMock } = show('/traces?from=2026-11-26T08:00:00.000Z&to=2026-11-26T09:30:00.000Z');
    await screen.findByRole('table', { name: 'Traces' });
    const sent = query(requestedUrls(fetchMock)[0] ?? '');
    expect(sent.get('start')).toBe('2026-11-26T08:00:00.000Z');
    expect(sent.get('end')).toBe('2026-11-26T09:30:00.000Z');
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Time range' }).value).toBe(
      'custom',
    );
    expect(screen.getByLabelText<HTMLInputElement>('From').value).toBe(
      '2026-11-26T' +
        String(new Date('2026-11-26T08:00:00.000Z').getHours()).padStart(2, '0') +
        ':00',
    );
  });

  it('refuses a window over 6 hours without asking the BFF', async () => {
    const { fetchMock } = show('/traces?from=2026-11-26T01:00:00.000Z&to=2026-11-26T09:00:00.000Z');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('X-Ray searches are limited to 6 h');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('applies a custom range to the URL, dropping ?range=', async () => {
    const { router } = show('/traces?range=1h');
    await screen.findByRole('table', { name: 'Traces' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Time range' }), {
      target: { value: 'custom' },
    });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-26T09:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-26T10:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply range' }));
    const params = router.state.location.search;
    expect(query(params).get('range')).toBeNull();
    expect(query(params).get('from')).toBe(new Date(2026, 10, 26, 9, 0).toISOString());
    expect(query(params).get('to')).toBe(new Date(2026, 10, 26, 10, 30).toISOString());
  });

  it('summarises the histogram and the scatter as text', async () => {
    show('/traces', threeTraces);
    expect(
      await screen.findByRole('img', {
        name: 'Latency histogram of 3 traces: p50 300 ms, p95 900 ms, slowest 900 ms.',
      }),
    ).toBeTruthy();
    const scatter = screen.getByRole('img', { name: /^Duration over time of 3 traces/ });
    expect(scatter.getAttribute('aria-label')).toContain(
      '2 ok, 0 error (4xx), 0 throttle (429), 1 fault (5xx)',
    );
  });

  it('narrows the list to ?minDuration=&maxDuration= and clears it', async () => {
    const { router } = show('/traces?minDuration=0.1&maxDuration=0.5', threeTraces);
    const table = await screen.findByRole('table', { name: 'Traces' });
    expect(
      within(table)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['1-6553f100-000000000000000000000002']);
    expect(screen.getByText(/^1 of 3 traces in/)).toBeTruthy();
    expect(screen.getByText('Showing traces of 100 ms – 500 ms.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    expect(router.state.location.search).toBe('');
    expect(within(table).getAllByRole('link')).toHaveLength(3);
  });

  it('shows the slowest 5% from the keyboard', async () => {
    const { router } = show('/traces', threeTraces);
    fireEvent.click(await screen.findByRole('button', { name: 'Slowest 5%' }));
    expect(router.state.location.search).toBe('?minDuration=0.9');
    const table = screen.getByRole('table', { name: 'Traces' });
    expect(
      within(table)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['1-6553f100-000000000000000000000003']);
  });
});
