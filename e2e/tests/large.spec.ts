import { expect, test } from '../fixtures/test';
import { LARGE_PORT } from '../playwright.config';
import { ClusterPage } from '../pages/console';

test.use({ baseURL: `http://127.0.0.1:${LARGE_PORT}` });

test('the 20,000-task table of the large scenario stays under 1,400 DOM nodes, scrolled too', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const cluster = new ClusterPage(page);
  await cluster.goto('scale-01', '?tab=tasks');
  await expect(cluster.tasksCount).toHaveText(/^(\d{2},\d{3}) of \1 tasks$/, { timeout: 60_000 });
  const total = Number((await cluster.tasksCount.textContent())?.split(' ')[0]?.replace(',', ''));
  expect(total).toBeGreaterThanOrEqual(20_000);
  await expect(cluster.tasksTable).toHaveAttribute('aria-rowcount', String(total + 1));

  const domNodes = () => page.evaluate(() => document.getElementsByTagName('*').length);
  expect(await domNodes()).toBeLessThan(1_400);

  // Deep into the list: the rows there are rendered, and the page is no heavier.
  await cluster.tasksTable.evaluate((table) => {
    // The table scrolls inside its own container (its parent).
    const scroller = table.parentElement;
    if (scroller) scroller.scrollTop = scroller.scrollHeight / 2;
  });
  const firstRendered = () =>
    cluster.tasksTable.locator('tbody tr[aria-rowindex]').first().getAttribute('aria-rowindex');
  await expect.poll(async () => Number(await firstRendered())).toBeGreaterThan(5_000);
  expect(await domNodes()).toBeLessThan(1_400);
});
