import { expect, test } from '../fixtures/test';
import {
  ClusterPage,
  ClustersPage,
  PortMapPage,
  ServicePage,
  Shell,
  TaskPage,
} from '../pages/console';

test.describe('the fleet at a glance', () => {
  test('clusters → cluster → service → task: which instance runs the task, on which host port', async ({
    page,
  }) => {
    const clusters = new ClustersPage(page);
    await clusters.goto();
    await clusters.cluster('prod-ec2').click();

    const cluster = new ClusterPage(page);
    await expect(page.getByRole('heading', { name: 'prod-ec2', level: 1 })).toBeVisible();
    // The fleet map: every instance, with the tasks placed on it.
    await expect(cluster.fleetMap.getByRole('article')).toHaveCount(3);
    await expect(
      cluster.fleetMap.getByRole('link', { name: /^Task [0-9a-f]{8} of web, host ports \d+/ }),
    ).toHaveCount(3);
    await cluster.service('web').click();

    const service = new ServicePage(page);
    await expect(page.getByRole('heading', { name: 'web', level: 1 })).toBeVisible();
    await service.firstTaskLink().click();

    const task = new TaskPage(page);
    await expect(task.heading).toBeVisible();
    await expect(page.getByLabel('Task summary')).toContainText(/i-[0-9a-f]{17}/);
    await expect(task.portMappings).toContainText(/:\d{5} → web:8080\/tcp/);
    await expect(task.portMappings).toContainText('dynamic');
  });

  test("shows the demo's unplaceable static-port task and a dynamic host port, and says why", async ({
    page,
  }) => {
    const ports = new PortMapPage(page);
    await ports.goto('prod-ec2');
    const unplaceable = ports.findings.getByRole('listitem', {
      name: 'Unplaceable task · legacy-admin',
    });
    await expect(unplaceable).toContainText('static host port 8080');
    await expect(ports.table.getByRole('row', { name: /:\d+\/tcp dynamic/ }).first()).toBeVisible();
    await expect(ports.findings).toContainText(/32768–61000/);
  });

  test('the palette finds a task by its id', async ({ page, request }) => {
    const answer = await request.get('/api/v1/clusters/prod-fargate/tasks');
    const { tasks } = (await answer.json()) as { tasks: { id: string }[] };
    const id = tasks[0]?.id ?? '';
    expect(id).toMatch(/^[0-9a-f]{32}$/);

    await new ClustersPage(page).goto();
    const palette = await new Shell(page).openPalette();
    await palette.getByRole('combobox', { name: 'Jump to' }).fill(id);
    const option = palette.getByRole('option', { name: `Task ${id} in prod-fargate` });
    await expect(option).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/clusters/prod-fargate/tasks/${id}`));
    await expect(new TaskPage(page).heading).toHaveText(`Task ${id}`);
  });

  test('a deep link with tab, filter and sort reloads to the same view', async ({ page }) => {
    const cluster = new ClusterPage(page);
    await cluster.goto('prod-ec2', '?tab=tasks');
    await cluster.tasksFilter.fill('service:web');
    await page.getByRole('button', { name: 'Host' }).click();
    await expect(page).toHaveURL(/tq=service%3Aweb/);
    await expect(page).toHaveURL(/tsort=host/);
    await expect(cluster.tasksCount).toHaveText(/^3 of \d+ tasks$/);

    await page.reload();
    await expect(cluster.tasksFilter).toHaveValue('service:web');
    await expect(cluster.tasksCount).toHaveText(/^3 of \d+ tasks$/);
    await expect(cluster.tab('Tasks')).toHaveAttribute('aria-current', 'page');
  });
});
