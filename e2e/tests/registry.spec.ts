import { expect, test } from '../fixtures/test';
import { RegistryPage, TaskPage } from '../pages/console';

/** The build storefront-web:latest named before the demo moved the tag (demo-repositories.ts). */
const PREVIOUS = 'sha256:7c330bf1e5a8';

test.describe('the registry', () => {
  test("finds the demo's moved tag, its drift badge and its findings, and goes to the task and back", async ({
    page,
  }) => {
    const registry = new RegistryPage(page);
    await registry.goto();
    await registry.repositoryFilter.fill('storefront');
    await registry.repository('storefront-web').click();
    await expect(page.getByRole('heading', { name: 'storefront-web', level: 1 })).toBeVisible();

    // The tag moved under a running task: that task still runs the previous, now untagged build.
    await registry.imageView.selectOption('drift');
    const previous = registry.image(PREVIOUS);
    await expect(previous).toHaveCount(1);
    await expect(previous).toContainText('untagged');
    await expect(previous.getByText('tag moved')).toBeVisible();
    await expect(
      previous.getByRole('img', { name: /^Findings: 0 critical, 1 high/ }),
    ).toBeVisible();

    // The drifted task, and from its container straight back to this image.
    await previous.getByRole('link', { name: /^Task [0-9a-f]{32} \(tag moved\)$/ }).click();
    const task = new TaskPage(page);
    await expect(task.heading).toBeVisible();
    const containers = page.getByRole('table', { name: 'Containers' });
    await containers.getByRole('link', { name: /storefront-web:latest$/ }).click();
    await expect(page).toHaveURL(/\/registry\/storefront-web\?.*digest=sha256%3A7c330bf1e5a8/);
    await expect(registry.images.getByRole('row')).toHaveCount(2);

    // Its findings, filtered by severity in the URL.
    await registry.image(PREVIOUS).getByRole('link', { name: PREVIOUS }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: /^Findings of storefront-web@/ }),
    ).toBeVisible();
    await expect(registry.findings.getByRole('row')).toHaveCount(6);
    await registry.severityFilter.getByRole('button', { name: /^High/ }).click();
    await expect(page).toHaveURL(/severity=HIGH/);
    await expect(registry.findings.getByRole('row')).toHaveCount(2);
    await expect(registry.findings).toContainText(/CVE-\d{4}-\d+/);
  });

  test('shows the policies and copies the push commands', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const registry = new RegistryPage(page);
    await registry.goto();
    await registry.repository('storefront-web').click();

    await expect(registry.policies.getByText('No repository policy')).toBeVisible();
    await expect(registry.policies.getByRole('list', { name: 'Lifecycle rules' })).toContainText(
      'Expire untagged images pushed more than 14 days ago',
    );

    await registry.copyCommand('Docker', 'login').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(
        /^aws ecr get-login-password --region us-east-1 \| docker login --username AWS --password-stdin \d{12}\.dkr\.ecr\.us-east-1\.amazonaws\.com$/,
      );
    await registry.copyCommand('Docker', 'push').click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toMatch(/^docker push \d{12}\.dkr\.ecr\.us-east-1\.amazonaws\.com\/storefront-web:latest$/);
  });
});
