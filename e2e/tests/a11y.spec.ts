import { expect, test, type APIRequestContext } from '../fixtures/test';
import { seriousViolations } from '../fixtures/a11y';

/** Every page of the console, with ids looked up through the API so the links are real. */
async function pagesToCheck(request: APIRequestContext): Promise<[string, string][]> {
  const tasks = (await (await request.get('/api/v1/clusters/prod-ec2/tasks')).json()) as {
    tasks: { id: string }[];
  };
  const repositories = (await (await request.get('/api/v1/repositories')).json()) as {
    repositories: { name: string }[];
  };
  const families = (await (await request.get('/api/v1/task-definitions/families')).json()) as {
    families: { name: string; latestRevision?: number }[];
  };
  const traces = (await (await request.get('/api/v1/traces')).json()) as {
    traces: { id: string }[];
  };
  const family = families.families.find((f) => f.latestRevision !== undefined);
  return [
    ['clusters', '/clusters'],
    ['cluster', '/clusters/prod-ec2'],
    ['cluster-tasks', '/clusters/prod-ec2?tab=tasks'],
    ['cluster-instances', '/clusters/prod-ec2?tab=instances'],
    ['service', '/clusters/prod-ec2/services/web'],
    ['task', `/clusters/prod-ec2/tasks/${tasks.tasks[0]?.id ?? ''}`],
    ['ports', '/clusters/prod-ec2/ports'],
    ['task-definitions', '/task-definitions'],
    ['task-definition', `/task-definitions/${family?.name ?? ''}/${family?.latestRevision ?? ''}`],
    ['studio', `/task-definitions/${family?.name ?? ''}/${family?.latestRevision ?? ''}/edit`],
    ['studio-new', '/task-definitions/new'],
    [
      'compare',
      `/task-definitions/${family?.name ?? ''}/compare?from=${family?.latestRevision ?? ''}&to=${family?.latestRevision ?? ''}`,
    ],
    ['registry', '/registry'],
    ['repository', `/registry/${encodeURIComponent(repositories.repositories[0]?.name ?? '')}`],
    ['traces', '/traces'],
    ['trace', `/traces/${traces.traces[0]?.id ?? ''}`],
  ];
}

for (const theme of ['light', 'dark'] as const) {
  test(`every page passes axe (WCAG 2 AA, no serious or critical findings) in the ${theme} theme`, async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/clusters');
    await page.evaluate((value) => localStorage.setItem('deckhand-theme', value), theme);
    const failures: string[] = [];
    for (const [name, path] of await pagesToCheck(request)) {
      await page.goto(path);
      await expect(page.locator('main h1').first()).toBeVisible();
      // Let the first answers arrive, so the check sees the page with its data.
      await expect(page.getByRole('status', { name: /^Loading/ })).toHaveCount(0);
      if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/dark/);
      await page.screenshot({ path: `.artifacts/pages/${name}-${theme}.png`, fullPage: true });
      for (const violation of await seriousViolations(page)) failures.push(`${name}: ${violation}`);
    }
    expect(failures).toEqual([]);
  });
}
