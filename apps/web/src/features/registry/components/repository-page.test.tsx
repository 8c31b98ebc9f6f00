import { buildRegistryImage } from '@deckhand/shared/testing';
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { RepositoryPage } from './repository-page';

const uri = '123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web';
const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com';

function commands(tool: string) {
  return {
    login: `aws ecr get-login-password --region us-east-1 | ${tool} login --username AWS --password-stdin ${registry}`,
    build: `${tool} build -t team/web .`,
    tag: `${tool} tag team/web:latest ${uri}:latest`,
    push: `${tool} push ${uri}:latest`,
    pull: `${tool} pull ${uri}:latest`,
  };
}

const pushCommands = {
  repository: 'team/web',
  uri,
  registry,
  region: 'us-east-1',
  accountId: '123456789012',
  tag: 'latest',
  commands: { docker: commands('docker'), podman: commands('podman'), finch: commands('finch') },
};

const digestA = `sha256:${'a1'.repeat(32)}`;
const digestB = `sha256:${'b2'.repeat(32)}`;

const images = {
  ...fresh,
  images: [
    buildRegistryImage({
      digest: digestA,
      tags: ['1.4.2', 'latest'],
      sizeBytes: 48_213_004,
      pushedAt: '2026-11-20T09:30:00.000Z',
      lastPulledAt: '2026-11-26T09:00:00.000Z',
      scan: {
        status: 'COMPLETE',
        counts: { critical: 2, high: 1, medium: 0, low: 7, informational: 0, undefined: 0 },
      },
      usedBy: [
        {
          kind: 'task',
          cluster: 'prod-ec2',
          service: 'web',
          taskId: '0f1e2d3c4b5a4968',
          container: 'web',
          digest: digestA,
          drift: false,
        },
        {
          kind: 'task',
          cluster: 'prod-ec2',
          service: 'web',
          taskId: '1f1e2d3c4b5a4968',
          container: 'web',
          digest: digestA,
          drift: false,
        },
        { kind: 'task-definition', family: 'web', revision: 7, container: 'web', via: 'tag' },
      ],
      notUsed: false,
    }),
    buildRegistryImage({
      digest: digestB,
      tags: [],
      sizeBytes: 1_024,
      pushedAt: '2026-11-10T09:30:00.000Z',
      scan: {
        status: 'NOT_SCANNED',
        counts: { critical: 0, high: 0, medium: 0, low: 0, informational: 0, undefined: 0 },
      },
    }),
  ],
};

const lifecycle = {
  ...fresh,
  lifecyclePolicy: { rules: [{ rulePriority: 1 }] },
  rules: [
    {
      priority: 1,
      tagStatus: 'untagged',
      countType: 'sinceImagePushed',
      countNumber: 14,
      countUnit: 'days',
      action: 'expire',
    },
  ],
};

function show(url: string, imagesBody: unknown = images) {
  return renderPage(
    [{ path: '/registry/:repository', element: <RepositoryPage /> }],
    url,
    (request) => {
      if (request.includes('/push-commands')) return { ...fresh, ...pushCommands };
      if (request.includes('/lifecycle-policy')) return lifecycle;
      if (request.includes('/policy')) return { ...fresh, policy: null };
      return imagesBody;
    },
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('RepositoryPage', () => {
  it('lists the images: digest, tags, size, times, scan and who uses them', async () => {
    const { fetchMock } = show('/registry/team%2Fweb?region=us-east-1');
    expect(screen.getByRole('heading', { level: 1, name: 'team/web' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Images' });
    const row = within(table).getByText('sha256:a1a1a1a1a1a1').closest('tr') as HTMLElement;
    expect(
      within(row).getByRole('button', { name: 'Copy digest sha256:a1a1a1a1a1a1' }),
    ).toBeTruthy();
    expect(within(row).getByText('latest')).toBeTruthy();
    expect(within(row).getByText('46.0 MiB')).toBeTruthy();
    expect(
      within(row).getByRole('img', {
        name: 'Findings: 2 critical, 1 high, 0 medium, 7 low, 0 informational',
      }),
    ).toBeTruthy();
    expect(
      within(row).getByRole('link', { name: 'sha256:a1a1a1a1a1a1' }).getAttribute('href'),
    ).toBe(`/registry/team%2Fweb/images/${encodeURIComponent(digestA)}?region=us-east-1`);
    expect(within(row).getByRole('link', { name: 'prod-ec2/web' }).getAttribute('href')).toBe(
      '/clusters/prod-ec2/services/web?region=us-east-1',
    );
    expect(
      within(row).getByRole('link', { name: 'Task 0f1e2d3c4b5a4968' }).getAttribute('href'),
    ).toBe('/clusters/prod-ec2/tasks/0f1e2d3c4b5a4968?region=us-east-1');
    expect(within(row).getByRole('link', { name: 'web:7' }).getAttribute('href')).toBe(
      '/task-definitions/web/7?region=us-east-1',
    );
    expect(within(row).queryByText('tag moved')).toBeNull();
    const untagged = within(table).getByText('untagged').closest('tr') as HTMLElement;
    expect(within(untagged).getByText('Not scanned')).toBeTruthy();
    expect(within(untagged).getByText('not used')).toBeTruthy();
    expect(requestedUrls(fetchMock).sort()).toEqual([
      '/api/v1/repositories/team%2Fweb/images?region=us-east-1',
      '/api/v1/repositories/team%2Fweb/lifecycle-policy?region=us-east-1',
      '/api/v1/repositories/team%2Fweb/policy?region=us-east-1',
      '/api/v1/repositories/team%2Fweb/push-commands?region=us-east-1',
    ]);
  });

  it('sorts by size when its header is clicked', async () => {
    const { router } = show('/registry/team%2Fweb');
    const table = await screen.findByRole('table', { name: 'Images' });
    fireEvent.click(within(table).getByRole('button', { name: /Size/ }));
    const first = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(within(first).getByText('untagged')).toBeTruthy();
    expect(router.state.location.search).toBe('?sort=sizeBytes');
  });

  it('filters by tag or digest and by view, and focuses one image by ?digest=', async () => {
    const { router } = show('/registry/team%2Fweb');
    const table = await screen.findByRole('table', { name: 'Images' });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter images' }), {
      target: { value: '1.4' },
    });
    expect(within(table).queryByText('untagged')).toBeNull();
    expect(router.state.location.search).toBe('?q=1.4');
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter images' }), {
      target: { value: '' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: 'Show images' }), {
      target: { value: 'unused' },
    });
    expect(within(table).getByText('untagged')).toBeTruthy();
    expect(within(table).queryByText('latest')).toBeNull();
    expect(router.state.location.search).toBe('?show=unused');
  });

  it('shows only the image of ?digest= until asked for all', async () => {
    show(`/registry/team%2Fweb?digest=${encodeURIComponent(digestB)}`);
    const table = await screen.findByRole('table', { name: 'Images' });
    expect(within(table).getByText('untagged')).toBeTruthy();
    expect(within(table).queryByText('latest')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show all images' }));
    expect(within(table).getByText('latest')).toBeTruthy();
  });

  it('marks a task running what its tag named before', async () => {
    const [first] = images.images;
    const drifted = {
      ...fresh,
      images: [
        {
          ...first,
          usedBy: [
            {
              kind: 'task',
              cluster: 'prod-ec2',
              service: 'web',
              taskId: '2f1e2d3c4b5a4968',
              container: 'web',
              digest: digestA,
              drift: true,
            },
          ],
        },
      ],
    };
    show('/registry/team%2Fweb', drifted);
    const table = await screen.findByRole('table', { name: 'Images' });
    expect(within(table).getByText('tag moved')).toBeTruthy();
    expect(
      within(table).getByRole('link', { name: 'Task 2f1e2d3c4b5a4968 (tag moved)' }),
    ).toBeTruthy();
  });

  it('never says "not used" while usage is incomplete, and asks again until it is', async () => {
    const [used, unused] = images.images;
    const partial = {
      ...fresh,
      usage: {
        complete: false,
        taskDefinitionsScanned: 812,
        taskDefinitionsTotal: 2025,
        runningTasksKnown: true,
      },
      images: [used, { ...unused, notUsed: false }],
    };
    let answers = 0;
    const { fetchMock } = renderPage(
      [{ path: '/registry/:repository', element: <RepositoryPage /> }],
      '/registry/team%2Fweb?show=unused',
      (request) => {
        if (request.includes('/push-commands')) return { ...fresh, ...pushCommands };
        if (request.includes('/lifecycle-policy')) return lifecycle;
        if (request.includes('/policy')) return { ...fresh, policy: null };
        answers += 1;
        return answers === 1 ? partial : { ...images, usage: { ...partial.usage, complete: true } };
      },
    );

    expect(
      await screen.findByText('Finding what uses these images… 812 of 2,025 task definitions'),
    ).toBeTruthy();
    expect(screen.getByText('Which images are unused is not known yet.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Show images' }), {
      target: { value: 'all' },
    });
    const table = screen.getByRole('table', { name: 'Images' });
    const untagged = within(table).getByText('untagged').closest('tr') as HTMLElement;
    expect(within(untagged).getByText('usage not known yet')).toBeTruthy();
    expect(within(table).queryByText('not used')).toBeNull();
    // The images one still lists what was found.
    expect(within(table).getByRole('link', { name: 'web:7' })).toBeTruthy();

    // Asked again while incomplete: the complete answer replaces the status.
    expect(await within(table).findByText('not used', {}, { timeout: 5_000 })).toBeTruthy();
    expect(screen.queryByRole('status', { name: 'Usage scan' })).toBeNull();
    expect(
      requestedUrls(fetchMock).filter((url) =>
        url.startsWith('/api/v1/repositories/team%2Fweb/images'),
      ),
    ).toHaveLength(2);
  });

  it('shows the policies: none, and the lifecycle rules in words', async () => {
    show('/registry/team%2Fweb');
    expect(await screen.findByText('No repository policy')).toBeTruthy();
    const rules = await screen.findByRole('list', { name: 'Lifecycle rules' });
    expect(rules.textContent).toContain('Expire untagged images pushed more than 14 days ago');
    expect(screen.getByLabelText('lifecycle policy JSON').textContent).toContain(
      '"rulePriority": 1',
    );
  });

  it('shows copyable push commands per tool', async () => {
    const { router } = show('/registry/team%2Fweb');
    expect(await screen.findByText(`docker push ${uri}:latest`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy Docker login command' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Podman' }));
    expect(screen.getByRole('tab', { name: 'Podman' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText(`podman push ${uri}:latest`)).toBeTruthy();
    expect(screen.queryByText(`docker push ${uri}:latest`)).toBeNull();
    expect(router.state.location.search).toBe('?tool=podman');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Podman' }), { key: 'ArrowRight' });
    expect(screen.getByText(`finch push ${uri}:latest`)).toBeTruthy();
  });

  it('says what to do when the repository is empty', async () => {
    show('/registry/team%2Fweb', { ...fresh, images: [] });
    expect(await screen.findByText('No images in team/web yet.')).toBeTruthy();
  });

  it('shows the error with the request id', async () => {
    show(
      '/registry/nope',
      errorAnswer(404, 'not_found', 'Repository nope does not exist.', 'req-404'),
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Repository nope does not exist.')).toBeTruthy();
    expect(within(alert).getByText('request id req-404')).toBeTruthy();
  });
});
