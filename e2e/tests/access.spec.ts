import { expect, test } from '../fixtures/test';
import { LOCKED_PORT, LOCKED_TOKEN } from '../playwright.config';

const locked = `http://127.0.0.1:${LOCKED_PORT}`;

test.describe('a console locked with DECKHAND_AUTH_TOKEN', () => {
  test('asks for the token, lets the right one in, and signs out', async ({ page }) => {
    await page.goto(`${locked}/clusters`);
    await expect(page.getByRole('heading', { name: 'Sign in to Deckhand' })).toBeVisible();

    await page.getByLabel('Access token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('That access token is not valid.');
    await page.screenshot({ path: '.artifacts/login.png' });

    await page.getByLabel('Access token').fill(LOCKED_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('row', { name: /prod-ec2/ })).toBeVisible();
    await expect(page.getByText('Read-only', { exact: true })).toBeVisible();

    const cookies = await page.context().cookies(locked);
    const session = cookies.find((cookie) => cookie.name === 'deckhand_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in to Deckhand' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in to Deckhand' })).toBeVisible();
  });

  test('refuses the API without a session', async ({ request }) => {
    const response = await request.get(`${locked}/api/v1/clusters`);
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });
});
