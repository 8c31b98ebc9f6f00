import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorAnswer, fresh, renderPage, requestedUrls } from '../../../testing/render-page';
import { buildWebTaskDefinition } from '../testing/fixtures';
import { TaskDefinitionRevisionPage } from './task-definition-revision-page';

const SECRET_VALUE = 'hunter2-should-never-show';

const show = (
  url: string,
  body: unknown,
  environment?: { mode: 'aws' | 'simulator'; region: string },
) =>
  renderPage(
    [
      {
        path: '/task-definitions/:family/:revision',
        element: <TaskDefinitionRevisionPage environment={environment} />,
      },
    ],
    url,
    () => body,
  );

afterEach(() => vi.unstubAllGlobals());

describe('TaskDefinitionRevisionPage', () => {
  it('summarises the revision: mode, compatibilities, size, roles and platform', async () => {
    const { fetchMock } = show('/task-definitions/web/7?region=us-east-1', {
      ...fresh,
      taskDefinition: buildWebTaskDefinition(),
      tags: [],
    });
    expect(screen.getByRole('heading', { level: 1, name: 'web:7' })).toBeTruthy();
    expect(await screen.findByText('awsvpc')).toBeTruthy();
    expect(screen.getByText('FARGATE')).toBeTruthy();
    expect(screen.getByText('0.50 vCPU (512 units)')).toBeTruthy();
    expect(screen.getByText('1 GiB')).toBeTruthy();
    expect(screen.getByText('LINUX / ARM64')).toBeTruthy();
    expect(screen.getByText('arn:aws:iam::123456789012:role/web-task')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy task role ARN' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy execution role ARN' })).toBeTruthy();
    expect(requestedUrls(fetchMock)).toEqual(['/api/v1/task-definitions/web/7?region=us-east-1']);
  });

  it('lists the containers with image, size, ports and health check', async () => {
    show('/task-definitions/web/7', {
      ...fresh,
      taskDefinition: buildWebTaskDefinition(),
      tags: [],
    });
    const table = within(
      (await screen.findByRole('heading', { name: 'Containers' })).parentElement as HTMLElement,
    );
    const web = table.getByRole('rowheader', { name: 'web' }).closest('tr') as HTMLElement;
    expect(
      within(web).getByText('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2'),
    ).toBeTruthy();
    expect(within(web).getByText('512 MiB hard / 256 MiB soft')).toBeTruthy();
    expect(within(web).getByText('8080/tcp (http)')).toBeTruthy();
    expect(
      within(web).getByText(
        'curl -f http://localhost:8080/health || exit 1 (every 15s, timeout 5s, 3 retries)',
      ),
    ).toBeTruthy();
    const daemon = table
      .getByRole('rowheader', { name: 'xray-daemon' })
      .closest('tr') as HTMLElement;
    expect(within(daemon).getByText('no')).toBeTruthy();
    expect(within(daemon).getByText('2000/udp')).toBeTruthy();
  });

  it('shows environment values but secrets only as references', async () => {
    const definition = buildWebTaskDefinition();
    // Even if a value slipped into the answer, the page shows only the reference.
    const withValue = {
      ...definition,
      containerDefinitions: definition.containerDefinitions?.map((container) => ({
        ...container,
        secrets: container.secrets?.map((secret) => ({ ...secret, value: SECRET_VALUE })),
      })),
    };
    show('/task-definitions/web/7', { ...fresh, taskDefinition: withValue, tags: [] });
    const env = await screen.findByRole('table', { name: 'Environment of web' });
    expect(within(env).getByText('=info')).toBeTruthy();
    const secrets = screen.getByRole('table', { name: 'Secrets of web' });
    expect(within(secrets).getByText('DB_PASSWORD')).toBeTruthy();
    expect(
      within(secrets).getByText(
        'from arn:aws:ssm:us-east-1:123456789012:parameter/prod/web/db-password',
      ),
    ).toBeTruthy();
    expect(document.body.textContent).not.toContain(SECRET_VALUE);
  });

  it('shows logging, volumes and the whole definition as JSON', async () => {
    show('/task-definitions/web/7', {
      ...fresh,
      taskDefinition: buildWebTaskDefinition(),
      tags: [],
    });
    const logs = await screen.findByRole('table', { name: 'Log options of web' });
    expect(within(logs).getByText('/ecs/web')).toBeTruthy();
    expect(screen.getByText('Task storage (bind mount)')).toBeTruthy();
    expect(screen.getByLabelText('Task definition as JSON')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy Task definition JSON' })).toBeTruthy();
  });

  it('links to the AWS console in aws mode only', async () => {
    show(
      '/task-definitions/web/7',
      { ...fresh, taskDefinition: buildWebTaskDefinition(), tags: [] },
      { mode: 'aws', region: 'eu-west-1' },
    );
    const link = await screen.findByRole('link', { name: /AWS console/ });
    expect(link.getAttribute('href')).toContain(
      'eu-west-1.console.aws.amazon.com/ecs/v2/task-definitions/web/7',
    );
  });

  it('links to a new revision from this one and to the comparison with the previous', async () => {
    show('/task-definitions/web/7?region=eu-west-1', {
      ...fresh,
      taskDefinition: buildWebTaskDefinition(),
      tags: [],
    });
    const edit = await screen.findByRole('link', { name: 'New revision from this' });
    expect(edit.getAttribute('href')).toBe('/task-definitions/web/7/edit?region=eu-west-1');
    expect(
      screen.getByRole('link', { name: 'Compare with previous revision' }).getAttribute('href'),
    ).toBe('/task-definitions/web/compare?from=6&to=7&region=eu-west-1');
  });

  it('has no previous revision to compare revision 1 with', async () => {
    show('/task-definitions/web/1', {
      ...fresh,
      taskDefinition: buildWebTaskDefinition({ revision: 1 }),
      tags: [],
    });
    await screen.findByRole('link', { name: 'New revision from this' });
    expect(screen.queryByRole('link', { name: 'Compare with previous revision' })).toBeNull();
  });

  it('refuses a revision that is not a number without asking the BFF', () => {
    const { fetchMock } = show('/task-definitions/web/latest', {});
    expect(screen.getByText('“latest” is not a revision number.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('shows the error with its request id', async () => {
    show(
      '/task-definitions/web/99',
      errorAnswer(404, 'not_found', 'Task definition web:99 does not exist.', 'req-404'),
    );
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('request id req-404')).toBeTruthy();
  });
});
