import type { LiveEvent } from '@deckhand/shared';
import { buildTask } from '@deckhand/shared/testing';
import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeStreams } from '../../../testing/fake-event-source';
import { fresh, json, renderRoutes, stubFetch } from '../../../testing/render-page';
import { TaskPage } from './task-page';

const ID = '0f1e2d3c4b5a49687766554433221100';
const SECRET_VALUE = 'hunter2-do-not-show';
const DIGEST = `sha256:${'3f1e0d6a9b8c'.repeat(5)}abcd`;

const runningTask = buildTask({
  id: ID,
  version: 3,
  taskDefinition: 'web:7',
  availabilityZone: 'us-east-1a',
  containers: [
    {
      name: 'web',
      image: 'web:1.4.2',
      imageDigest: DIGEST,
      lastStatus: 'RUNNING',
      healthStatus: 'HEALTHY',
      portMappings: [
        { containerPort: 8080, hostPort: 32768, protocol: 'tcp', hostIp: '0.0.0.0' },
        { containerPort: 9090, hostPort: 9090, protocol: 'tcp', hostIp: '0.0.0.0' },
      ],
    },
  ],
});

const definition = {
  family: 'web',
  revision: 7,
  networkMode: 'bridge',
  containerDefinitions: [
    {
      name: 'web',
      essential: true,
      memory: 512,
      portMappings: [
        { containerPort: 8080, hostPort: 0, protocol: 'tcp' },
        { containerPort: 9090, hostPort: 9090, protocol: 'tcp' },
      ],
      environment: [{ name: 'LOG_LEVEL', value: 'info' }],
      // A value next to a reference must never reach the screen (the schema drops it too).
      secrets: [
        {
          name: 'DB_PASSWORD',
          valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC123',
          value: SECRET_VALUE,
        },
      ],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-stream-prefix': 'web' },
      },
    },
  ],
};

function renderPage(taskAnswer: () => Promise<Response>, mode: 'aws' | 'simulator' = 'simulator') {
  stubFetch((url: string) => {
    if (url.startsWith(`/api/v1/clusters/prod/tasks/${ID}`)) return taskAnswer();
    if (url.startsWith('/api/v1/task-definitions/web/7'))
      return json({ taskDefinition: definition, tags: [], ...fresh });
    return json({ error: { code: 'not_found', message: 'No.', requestId: 'r' } }, 404);
  });
  const fake = createFakeStreams();
  renderRoutes(
    [
      {
        path: '/clusters/:cluster/tasks/:task',
        element: <TaskPage readOnly={false} mode={mode} />,
      },
    ],
    `/clusters/prod/tasks/${ID}`,
    { streams: fake.streams },
  );
  return fake;
}

afterEach(() => vi.unstubAllGlobals());

describe('TaskPage', () => {
  it('shows containers, ports with the dynamic one marked, and env with secret references only', async () => {
    renderPage(() => json({ task: runningTask, source: 'aws', ...fresh }), 'aws');
    expect(await screen.findByRole('heading', { level: 1, name: `Task ${ID}` })).toBeTruthy();
    const containers = await screen.findByRole('table', { name: 'Containers' });
    const row = within(containers).getByRole('row', { name: /web/ });
    expect(row.textContent).toContain('web:1.4.2');
    expect(row.textContent).toContain('sha256:3f1e0d6a9b8c');
    expect(row.textContent).toContain('HEALTHY');

    const ports = await screen.findByRole('list', { name: 'Port mappings' });
    await waitFor(() => expect(within(ports).getAllByText('dynamic')).toHaveLength(1));
    const items = within(ports).getAllByRole('listitem');
    expect(items[0]?.textContent).toBe('0.0.0.0:32768 → web:8080/tcpdynamic');
    expect(items[1]?.textContent).toBe('0.0.0.0:9090 → web:9090/tcp');

    const env = await screen.findByRole('list', { name: 'Environment of web' });
    expect(env.textContent).toBe('LOG_LEVEL=info');
    const secrets = screen.getByRole('list', { name: 'Secrets of web' });
    expect(secrets.textContent).toBe(
      'DB_PASSWORD → arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC123',
    );
    expect(screen.getByLabelText('Logging of web').textContent).toContain(
      'awslogs-group: /ecs/web',
    );
    expect(document.body.textContent).not.toContain(SECRET_VALUE);

    expect(screen.getByRole('link', { name: 'web:7' }).getAttribute('href')).toBe(
      '/task-definitions/web/7',
    );
    expect(screen.getByRole('link', { name: /Open in AWS console/ }).getAttribute('href')).toBe(
      `https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod/tasks/${ID}/configuration?region=us-east-1`,
    );
    expect(screen.getByRole('button', { name: 'Stop task' })).toBeTruthy();
  });

  it('puts the plain-words diagnosis of a stopped task first, and follows the live feed', async () => {
    const fake = renderPage(() => json({ task: runningTask, source: 'aws', ...fresh }));
    await screen.findByRole('table', { name: 'Containers' });
    expect(screen.queryByRole('region', { name: 'Why the task stopped' })).toBeNull();
    const source = fake.latest();
    expect(source?.url).toBe('/api/v1/clusters/prod/events');
    act(() => source?.open());
    const event: LiveEvent = {
      type: 'task.stopped',
      region: 'us-east-1',
      cluster: 'prod',
      service: 'web',
      task: {
        ...runningTask,
        version: 5,
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: 'Essential container in task exited',
        containers: runningTask.containers.map((c) => ({ ...c, exitCode: 137, reason: 'OOM' })),
      },
      diagnosis: {
        kind: 'out-of-memory',
        summary: 'Container web ran out of memory and was killed.',
        container: 'web',
      },
    };
    act(() => source?.emit('task.stopped', event, '7'));
    const why = await screen.findByRole('region', { name: 'Why the task stopped' });
    expect(within(why).getByTestId('task-diagnosis').textContent).toBe(
      'Container web ran out of memory and was killed.',
    );
    expect(why.textContent).toContain('EssentialContainerExited');
    expect(why.textContent).toContain('Essential container in task exited');
    const row = within(screen.getByRole('table', { name: 'Containers' })).getByRole('row', {
      name: /web/,
    });
    expect(row.textContent).toContain('137');
    expect(screen.queryByRole('button', { name: 'Stop task' })).toBeNull();
    // No AWS console in simulator mode.
    expect(screen.queryByRole('link', { name: /AWS console/ })).toBeNull();
  });

  it('says a task the cluster no longer has is gone, with the BFF’s words', async () => {
    const message = `Task ${ID} is not in cluster prod: it may have stopped more than 14 days ago.`;
    renderPage(() => json({ error: { code: 'not_found', message, requestId: 'r1' } }, 404));
    expect(await screen.findByText(`Task ${ID} is not in cluster prod`)).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows other failures with the request id', async () => {
    renderPage(() =>
      json(
        { error: { code: 'aws_unavailable', message: 'AWS is down.', requestId: 'req-9' } },
        503,
      ),
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('AWS is down.');
    expect(alert.textContent).toContain('req-9');
  });
});
