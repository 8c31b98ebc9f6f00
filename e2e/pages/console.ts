import { expect, type Locator, type Page } from '@playwright/test';

/** The app shell around every page: navigation, palette, theme. */
export class Shell {
  constructor(readonly page: Page) {}

  nav(name: 'Clusters' | 'Task definitions' | 'Registry' | 'Traces'): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  }

  async useTheme(theme: 'Light' | 'Dark'): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: 'Theme' })
      .getByRole('radio', { name: theme })
      .click();
    await expect(this.page.locator('html')).toHaveClass(
      theme === 'Dark' ? /dark/ : /^(?!.*dark).*$/,
    );
  }

  async openPalette(): Promise<Locator> {
    // The shortcut is listened for once the shell has rendered.
    await expect(this.page.getByRole('button', { name: /Search/ })).toBeVisible();
    await this.page.keyboard.press('Control+k');
    const dialog = this.page.getByRole('dialog', { name: 'Command palette' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}

export class ClustersPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/clusters');
    await expect(this.page.getByRole('heading', { name: 'Clusters', level: 1 })).toBeVisible();
  }

  cluster(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }
}

export class ClusterPage {
  constructor(readonly page: Page) {}

  async goto(cluster: string, search = ''): Promise<void> {
    await this.page.goto(`/clusters/${cluster}${search}`);
    await expect(this.page.getByRole('heading', { name: cluster, level: 1 })).toBeVisible();
  }

  tab(name: 'Overview' | 'Tasks' | 'Instances' | 'Events' | 'Port mappings'): Locator {
    return this.page.getByRole('navigation', { name: 'Cluster views' }).getByRole('link', { name });
  }

  get fleetMap(): Locator {
    return this.page.getByRole('region', { name: 'Fleet map' });
  }

  get tasksTable(): Locator {
    return this.page.getByRole('table', { name: 'Cluster tasks' });
  }

  get tasksFilter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter tasks' });
  }

  get tasksCount(): Locator {
    return this.page.getByTestId('tasks-count');
  }

  service(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Services' })
      .getByRole('link', { name, exact: true });
  }
}

export class ServicePage {
  constructor(readonly page: Page) {}

  get tasks(): Locator {
    return this.page.getByRole('table', { name: 'Tasks' });
  }

  firstTaskLink(): Locator {
    return this.tasks.getByRole('link', { name: /^Task [0-9a-f]{32}$/ }).first();
  }
}

export class TaskPage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: /^Task [0-9a-f]{32}$/ });
  }

  get summary(): Locator {
    return this.page.getByRole('definition').or(this.page.getByLabel('Task summary'));
  }

  get portMappings(): Locator {
    return this.page.getByRole('list', { name: 'Port mappings' });
  }
}

export class PortMapPage {
  constructor(readonly page: Page) {}

  async goto(cluster: string): Promise<void> {
    await this.page.goto(`/clusters/${cluster}/ports`);
    await expect(this.table).toBeVisible();
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Port mappings' });
  }

  get findings(): Locator {
    return this.page.getByRole('list', { name: 'Port findings' });
  }
}

export class RegistryPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/registry');
    await expect(this.page.getByRole('heading', { name: 'Registry', level: 1 })).toBeVisible();
  }

  get repositoryFilter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter repositories' });
  }

  repository(name: string): Locator {
    return this.page.getByRole('link', { name, exact: true });
  }

  get images(): Locator {
    return this.page.getByRole('table', { name: 'Images' });
  }

  get imageFilter(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter images' });
  }

  get imageView(): Locator {
    return this.page.getByRole('combobox', { name: 'Show images' });
  }

  /** The row of an image by its short digest (`sha256:` and 12 hex digits). */
  image(shortDigest: string): Locator {
    return this.images.getByRole('row').filter({ hasText: shortDigest });
  }

  get findings(): Locator {
    return this.page.getByRole('table', { name: 'Findings' });
  }

  get severityFilter(): Locator {
    return this.page.getByRole('group', { name: 'Filter by severity' });
  }

  get policies(): Locator {
    return this.page.getByRole('region', { name: 'Policies' });
  }

  copyCommand(
    tool: 'Docker' | 'Podman' | 'Finch',
    step: 'login' | 'build' | 'tag' | 'push' | 'pull',
  ): Locator {
    return this.page.getByRole('button', { name: `Copy ${tool} ${step} command` });
  }
}

export class TracesPage {
  constructor(readonly page: Page) {}

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/traces${search}`);
    await expect(this.page.getByRole('heading', { name: 'Traces', level: 1 })).toBeVisible();
  }

  get filter(): Locator {
    return this.page.getByRole('textbox', { name: 'Filter expression' });
  }

  /** Types a filter expression and applies it. */
  async search(expression: string): Promise<void> {
    await this.filter.fill(expression);
    await this.page.getByRole('search').getByRole('button', { name: 'Apply' }).click();
  }

  get refresh(): Locator {
    return this.page.getByRole('button', { name: 'Refresh' });
  }

  get results(): Locator {
    return this.page.getByRole('table', { name: 'Traces' });
  }

  /** The result rows (each with its trace's link), newest first. */
  get rows(): Locator {
    return this.results
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name: /^1-[0-9a-f]{8}-[0-9a-f]{24}$/ }) });
  }

  get latencyHistogram(): Locator {
    return this.page.getByRole('img', { name: /^Latency histogram/ });
  }

  get traceId(): Locator {
    return this.page.getByRole('textbox', { name: 'Trace id' });
  }
}

/** One trace: its virtualized waterfall (a tree), the trace search and the span details. */
export class TracePage {
  constructor(readonly page: Page) {}

  async goto(traceId: string, search = ''): Promise<void> {
    await this.page.goto(`/traces/${traceId}${search}`);
    await expect(this.page.getByRole('heading', { level: 1, name: traceId })).toBeVisible();
  }

  get waterfall(): Locator {
    return this.page.getByRole('tree', { name: 'Trace timeline' });
  }

  get spans(): Locator {
    return this.waterfall.getByRole('treeitem');
  }

  span(name: string | RegExp): Locator {
    return this.waterfall.getByRole('treeitem', { name });
  }

  /** The detail panel of the selected span (a region named by the span). */
  details(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search this trace' });
  }

  async domNodes(): Promise<number> {
    return this.page.evaluate(() => document.getElementsByTagName('*').length);
  }
}

export class ServiceMapPage {
  constructor(readonly page: Page) {}

  async goto(search = ''): Promise<void> {
    await this.page.goto(`/service-map${search}`);
    await expect(this.page.getByRole('heading', { name: 'Service map', level: 1 })).toBeVisible();
  }

  get graph(): Locator {
    return this.page.getByRole('application', { name: 'Service map graph' });
  }

  /** A node of the graph, by its name (its accessible name starts "<name> (<type>): …"). */
  node(name: string): Locator {
    return this.graph.getByRole('button', { name: `${name} (` }).filter({
      has: this.page.getByText(name, { exact: true }),
    });
  }

  get nodesTable(): Locator {
    return this.page.getByRole('table', { name: 'Service map nodes' });
  }

  get edgesTable(): Locator {
    return this.page.getByRole('table', { name: 'Service map edges' });
  }

  /** The panel of the selected node or edge, named by it ("web", "web → api"). */
  details(name: string): Locator {
    return this.page.getByRole('complementary', { name, exact: true });
  }
}
