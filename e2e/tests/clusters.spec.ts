import { expect, test } from '../fixtures/test';

test.describe('clusters page', () => {
  test('shows the demo clusters fetched through the BFF from the simulator', async ({ page }) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));

    await page.goto('/');
    await expect(page).toHaveURL(/\/clusters$/);
    await expect(page.getByRole('heading', { name: 'Clusters', level: 1 })).toBeVisible();

    const ec2 = page.getByRole('row', { name: /prod-ec2/ });
    await expect(ec2).toContainText('EC2');
    await expect(ec2.getByRole('cell').first()).toHaveText('3');
    await expect(page.getByRole('row', { name: /prod-fargate/ })).toContainText('Fargate');
    await expect(page.getByRole('row', { name: /awseb-storefront-prod/ })).toContainText(
      'Elastic Beanstalk',
    );
    await expect(page.getByText('3 of 3 clusters')).toBeVisible();
    await expect(page.getByText('Simulator', { exact: true })).toBeVisible();

    await page.screenshot({ path: '.artifacts/clusters.png', fullPage: true });
    expect(errors, 'no console errors (CSP violations included)').toEqual([]);
  });

  test('filters clusters and keeps the filter across a reload', async ({ page }) => {
    await page.goto('/clusters');
    await page.getByRole('searchbox', { name: 'Filter clusters' }).fill('fargate');
    await expect(page).toHaveURL(/q=fargate/);
    await expect(page.getByText('1 of 3 clusters')).toBeVisible();
    await page.reload();
    await expect(page.getByRole('row', { name: /prod-fargate/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /prod-ec2/ })).toHaveCount(0);
  });

  test('answers an unknown API route with the JSON error body', async ({ request }) => {
    const response = await request.get('/api/v1/nope');
    expect(response.status()).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
