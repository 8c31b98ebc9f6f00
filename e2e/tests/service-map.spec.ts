import { expect, test, type Page } from '../fixtures/test';
import { seriousViolations } from '../fixtures/a11y';
import { ServiceMapPage, Shell } from '../pages/console';

/** Console errors (a CSP refusal among them) while the test runs. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function expectTracesOf(page: Page, filter: string): Promise<void> {
  await expect(page).toHaveURL(/\/traces\?/);
  await expect(page.getByRole('textbox', { name: 'Filter expression' })).toHaveValue(filter);
  await expect(
    page
      .getByRole('table', { name: 'Traces' })
      .getByRole('link', { name: /^1-[0-9a-f]{8}-/ })
      .first(),
  ).toBeVisible();
}

test.describe('the service map', () => {
  test("shows the demo's services and calls; a node leads to its traces", async ({ page }) => {
    const errors = consoleErrors(page);
    const map = new ServiceMapPage(page);
    await map.goto();
    for (const name of ['Clients', 'web', 'api', 'DynamoDB']) {
      await expect(map.node(name)).toBeVisible();
    }
    await expect(map.node('web')).toHaveAccessibleName(
      /^web \(ECS Container\): [\d.,]+ requests\/min, average [\d.]+ m?s, \d+% OK/,
    );
    // Edge labels: requests per minute and average latency.
    await expect(map.graph.getByText(/^[\d.,<]+\/min · [\d.]+ m?s$/).first()).toBeVisible();
    await expect(map.nodesTable.getByRole('rowheader', { name: 'DynamoDB' })).toBeVisible();
    await expect(map.edgesTable.getByRole('button', { name: 'web to api' })).toBeVisible();

    await map.node('web').click();
    const details = map.details('web');
    await expect(details.getByRole('table', { name: 'Response times of web' })).toBeAttached();
    await expect(details.getByRole('link', { name: 'ECS service web in prod-ec2' })).toBeVisible();
    await details.getByRole('link', { name: 'Traces through web' }).click();
    await expectTracesOf(page, 'service("web")');
    // React Flow positions with style attributes and ships a stylesheet: the CSP allows both.
    expect(errors).toEqual([]);
  });

  test('keyboard: Tab reaches a node, Enter selects it; an ECS node leads to its service', async ({
    page,
  }) => {
    const map = new ServiceMapPage(page);
    await map.goto();
    await map.node('api').focus();
    await expect(map.node('api')).toBeFocused();
    await page.keyboard.press('Enter');
    const details = map.details('api');
    await expect(details).toBeVisible();
    await details.getByRole('link', { name: 'ECS service api in prod-ec2' }).click();
    await expect(page.getByRole('heading', { name: 'api', level: 1 })).toBeVisible();
    await expect(page).toHaveURL(/\/clusters\/prod-ec2\/services\/api$/);
  });

  test('the range is in the URL, and a reload keeps it', async ({ page }) => {
    const map = new ServiceMapPage(page);
    await map.goto('?range=1h');
    await expect(page.getByRole('combobox', { name: 'Time range' })).toHaveValue('1h');
    await expect(
      map.nodesTable.getByRole('link', { name: 'Traces through api', exact: true }),
    ).toHaveAttribute('href', /range=1h/);
    await page.getByRole('combobox', { name: 'Time range' }).selectOption('5m');
    await expect(page).toHaveURL(/range=5m/);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Time range' })).toHaveValue('5m');
    await expect(map.node('web')).toBeVisible();
  });

  for (const theme of ['Light', 'Dark'] as const) {
    test(`passes axe in the ${theme.toLowerCase()} theme with a node selected`, async ({
      page,
    }) => {
      const map = new ServiceMapPage(page);
      await map.goto();
      await new Shell(page).useTheme(theme);
      await map.node('web').click();
      await expect(map.details('web')).toBeVisible();
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  test('the service page of prod-ec2/web links to its traces', async ({ page }) => {
    await page.goto('/clusters/prod-ec2/services/web');
    await expect(page.getByRole('heading', { name: 'web', level: 1 })).toBeVisible();
    await page.getByRole('main').getByRole('link', { name: 'Traces', exact: true }).click();
    await expectTracesOf(page, 'service("web")');
  });
});
