import { expect, test } from '../fixtures/test';
import { OwnConsole } from '../fixtures/own-console';

const console = new OwnConsole(18_085, 14_585);

test.afterAll(async () => {
  await console.stop();
});

test('the live feed reconnects by itself after the console restarts, and keeps updating', async ({
  page,
}) => {
  await console.start();
  await page.goto(`${console.url}/clusters/prod-ec2/services/api`);
  const indicator = page.getByRole('status', { name: 'Live updates' });
  await expect(indicator).toHaveAttribute('data-state', 'live');
  await page.evaluate(() => {
    (window as unknown as { deckhandMarker: string }).deckhandMarker = 'no reload';
  });

  await console.stop();
  await expect(indicator).toHaveAttribute('data-state', 'reconnecting');
  await console.start();
  await expect(indicator).toHaveAttribute('data-state', 'live', { timeout: 20_000 });

  // A change after the restart reaches the page over the new stream, with no reload.
  const response = await page.request.post(
    `${console.url}/api/v1/clusters/prod-ec2/services/api/scale`,
    { data: { desiredCount: 4 }, headers: { 'x-deckhand-request': '1' } },
  );
  expect(response.status()).toBe(200);
  await expect(page.getByLabel('Desired tasks')).toHaveText('4', { timeout: 15_000 });
  await expect(page.getByLabel('Running tasks')).toHaveText('4', { timeout: 30_000 });
  expect(
    await page.evaluate(() => (window as unknown as { deckhandMarker?: string }).deckhandMarker),
  ).toBe('no reload');
});
