import { FIXTURE_TRACE_ID } from '@deckhand/shared/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fresh, renderPage } from '../../../testing/render-page';
import { bigTrace } from '../testing/big-trace';
import { checkoutTrace } from '../testing/fixtures';
import { TracePage } from './trace-page';

const show = (url: string, trace = checkoutTrace()) =>
  renderPage([{ path: '/traces/:traceId', element: <TracePage /> }], url, () => ({
    ...fresh,
    trace,
  }));

const tree = () => screen.getByRole('tree', { name: 'Trace timeline' });
const items = () => within(tree()).getAllByRole('treeitem');
const names = () => items().map((item) => item.getAttribute('aria-label')?.split(',')[0]);
const focused = () => {
  const id = tree().getAttribute('aria-activedescendant');
  return items()
    .find((item) => item.id === id)
    ?.getAttribute('aria-label')
    ?.split(',')[0];
};
const focusedLevel = () =>
  document
    .getElementById(tree().getAttribute('aria-activedescendant') ?? '')
    ?.getAttribute('aria-level');
const press = (key: string) => fireEvent.keyDown(tree(), { key });

beforeEach(() => {
  // jsdom lays nothing out and cannot scroll: the virtualizer's scrollToIndex lands here.
  Element.prototype.scrollTo = vi.fn();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('TraceWaterfall', () => {
  it('moves with the arrows and j/k, collapses and expands with left/right, selects with Enter', async () => {
    const { router } = show(`/traces/${FIXTURE_TRACE_ID}`);
    await screen.findByRole('tree', { name: 'Trace timeline' });
    expect(focused()).toBe('web');
    press('ArrowDown');
    expect(focused()).toBe('orders-api');
    press('ArrowLeft');
    expect(items()).toHaveLength(5);
    expect(items()[1]?.getAttribute('aria-expanded')).toBe('false');
    press('j');
    expect(focused()).toBe('payments');
    press('Enter');
    expect(router.state.location.search).toBe('?span=b000000000000002');
    expect(screen.getByRole('region', { name: 'payments' })).toBeTruthy();
    press('k');
    press('ArrowRight');
    expect(items()).toHaveLength(9);
    // Right on an expanded span enters its first child (the orders-api segment, level 3); left
    // collapses it (its three spans go), then goes up to the call (level 2).
    press('ArrowRight');
    expect(focusedLevel()).toBe('3');
    press('ArrowLeft');
    expect(items()).toHaveLength(6);
    press('ArrowLeft');
    expect(focused()).toBe('orders-api');
    expect(focusedLevel()).toBe('2');
  });

  it('collapses one row by its toggle, or all, and expands all', async () => {
    show(`/traces/${FIXTURE_TRACE_ID}`);
    await screen.findByRole('tree', { name: 'Trace timeline' });
    const web = items()[0];
    const toggle = web?.querySelector('[data-toggle]');
    if (!toggle) throw new Error('no toggle on a span with children');
    fireEvent.click(toggle);
    expect(names()).toEqual(['web', 'audit-worker']);
    fireEvent.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(items()).toHaveLength(9);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(names()).toEqual(['web', 'audit-worker']);
  });

  it('searches within the trace: counts, highlights, and steps to matches in collapsed rows', async () => {
    show(`/traces/${FIXTURE_TRACE_ID}`);
    await screen.findByRole('tree', { name: 'Trace timeline' });
    fireEvent.click(screen.getByRole('button', { name: 'Collapse all' }));
    const search = screen.getByRole('searchbox', { name: 'Search this trace' });
    fireEvent.change(search, { target: { value: 'dynamo' } });
    expect(screen.getByTestId('trace-search-count').textContent).toBe('2 matches');
    fireEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByTestId('trace-search-count').textContent).toBe('1 of 2 matches');
    expect(focused()).toBe('DynamoDB');
    expect(names()).toContain('DynamoDB');
    fireEvent.keyDown(search, { key: 'Enter', shiftKey: true });
    expect(screen.getByTestId('trace-search-count').textContent).toBe('2 of 2 matches');
    fireEvent.change(search, { target: { value: 'nothing-like-it' } });
    expect(screen.getByTestId('trace-search-count').textContent).toBe('No match');
    expect(screen.getByRole('button', { name: 'Next match' })).toHaveProperty('disabled', true);
  });

  it('zooms to the selected span and back; bars outside the window go', async () => {
    show(`/traces/${FIXTURE_TRACE_ID}?span=b000000000000001`);
    await screen.findByRole('tree', { name: 'Trace timeline' });
    expect(screen.getByRole('button', { name: 'Reset zoom' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('button', { name: 'Zoom to span' }));
    expect(screen.getByTestId('zoom-window').textContent).toBe('Zoomed to +10 ms – +210 ms');
    const call = screen.getByRole('treeitem', { name: /^orders-api, web, 200 ms/ });
    expect(within(call).getByTestId('span-bar').style.width).toBe('100%');
    const render = screen.getByRole('treeitem', { name: /^render/ });
    expect(within(render).queryByTestId('span-bar')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reset zoom' }));
    expect(screen.getByTestId('zoom-window').textContent).toBe('Whole trace, 500 ms');
    expect(within(render).getByTestId('span-bar')).toBeTruthy();
  });

  it('keeps a window of a 10,000-span trace in the DOM, and scrolls it', async () => {
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(1200);
    const { view } = show('/traces/1-65a00000-00000000000000000000beef', bigTrace());
    await screen.findByRole('tree', { name: 'Trace timeline' });
    expect(screen.getByTestId('trace-summary').textContent).toContain('10,000 spans');
    expect(tree().getAttribute('data-span-count')).toBe('10000');
    expect(items().length).toBeGreaterThan(10);
    expect(items().length).toBeLessThan(200);
    expect(view.container.querySelectorAll('*').length).toBeLessThan(1_400);

    Object.defineProperty(tree(), 'scrollTop', { configurable: true, value: 28 * 9_000 });
    fireEvent.scroll(tree());
    const shown = items().map((item) => item.getAttribute('data-span-id'));
    expect(shown).toContain((9_001).toString(16).padStart(16, '0'));
    expect(shown.length).toBeLessThan(200);
    // Searching all 10,000 spans: every 97th op faults, but names match by text only.
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search this trace' }), {
      target: { value: 'op-48' },
    });
    expect(screen.getByTestId('trace-search-count').textContent).toBe('49 matches');
  });
});
