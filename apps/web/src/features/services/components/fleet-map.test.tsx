import type { ContainerInstance, Task, TasksResponse } from '@deckhand/shared';
import { buildContainerInstance, buildTask } from '@deckhand/shared/testing';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fresh, json, renderRoutes, stubFetch } from '../../../testing/render-page';
import { ecsKeys } from '../api/ecs-keys';
import { FleetMap } from './fleet-map';

function renderMap(instances: ContainerInstance[], tasks: Task[] | 'fail') {
  stubFetch((url: string) => {
    const path = url.split('?')[0];
    if (path === '/api/v1/clusters/prod/container-instances')
      return json({ ...fresh, containerInstances: instances });
    if (path === '/api/v1/clusters/prod/tasks' && tasks !== 'fail')
      return json({ ...fresh, tasks });
    return json({ error: { code: 'unavailable', message: 'AWS is down.', requestId: 'r-7' } }, 503);
  });
  const { client } = renderRoutes(
    [{ path: '/clusters/:cluster', element: <FleetMap region="eu-west-1" cluster="prod" /> }],
    '/clusters/prod?region=eu-west-1',
  );
  return { client };
}

afterEach(() => vi.unstubAllGlobals());

const ACTIVE = buildContainerInstance({ id: 'ci-a', ec2InstanceId: 'i-0aaa' });
const DRAINING = buildContainerInstance({
  id: 'ci-b',
  ec2InstanceId: 'i-0bbb',
  status: 'DRAINING',
  agentConnected: false,
  tasks: [],
});
const WEB = buildTask({
  id: '0f1e2d3c4b5a4968',
  containerInstanceId: 'ci-a',
  cpu: 512,
  memory: 1024,
});
const FARGATE = buildTask({
  id: 'fa11fa11fa11',
  launchType: 'FARGATE',
  group: 'service:api',
  containerInstanceId: undefined,
  ec2InstanceId: undefined,
  availabilityZone: 'us-east-1c',
  eni: { privateIp: '10.0.3.4' },
  containers: [],
});

describe('FleetMap', () => {
  it('draws each instance with its tasks as links to the task pages', async () => {
    renderMap([ACTIVE, DRAINING], [WEB, FARGATE]);
    const map = await screen.findByRole('region', { name: 'Fleet map' });
    const box = await within(map).findByRole('article', { name: 'i-0aaa' });
    expect(within(box).getByText('m5.large · us-east-1a')).toBeTruthy();
    expect(within(box).getByText(/tcp 22, 2375–2376, 32768, 51678–51679/)).toBeTruthy();
    const task = within(box).getByRole('link', { name: 'Task 0f1e2d3c of web, host ports 32768' });
    expect(task.getAttribute('href')).toBe(
      '/clusters/prod/tasks/0f1e2d3c4b5a4968?region=eu-west-1',
    );
    expect(task.getAttribute('title')).toContain('web 8080/tcp → 0.0.0.0:32768');
    expect(within(map).getByRole('list', { name: 'Services' }).textContent).toContain('web');
  });

  it('marks draining instances and disconnected agents', async () => {
    renderMap([ACTIVE, DRAINING], [WEB]);
    const box = await screen.findByRole('article', { name: 'i-0bbb' });
    expect(box.getAttribute('data-status')).toBe('DRAINING');
    expect(within(box).getByText('DRAINING')).toBeTruthy();
    expect(within(box).getByText('Agent disconnected')).toBeTruthy();
    expect(screen.getByText(/1 draining · 1 agent disconnected/)).toBeTruthy();
    const healthy = screen.getByRole('article', { name: 'i-0aaa' });
    expect(within(healthy).queryByText('Agent disconnected')).toBeNull();
  });

  it('groups tasks without an instance by availability zone', async () => {
    renderMap([ACTIVE], [WEB, FARGATE]);
    const zone = await screen.findByRole('listitem', { name: 'Zone us-east-1c' });
    const task = within(zone).getByRole('link', { name: 'Task fa11fa11 of api, no host ports' });
    expect(task.getAttribute('title')).toContain('ENI 10.0.3.4');
  });

  it('follows the task list the live feed updates', async () => {
    const { client } = renderMap([ACTIVE], [WEB]);
    const box = await screen.findByRole('article', { name: 'i-0aaa' });
    expect(within(box).getAllByRole('link')).toHaveLength(1);
    const key = ecsKeys.tasksList({
      region: 'eu-west-1',
      cluster: 'prod',
      service: undefined,
      desiredStatus: 'RUNNING',
    });
    act(() => {
      client.setQueryData<TasksResponse>(key, (data) =>
        data
          ? {
              ...data,
              tasks: [...data.tasks, buildTask({ id: '99887766aa', containerInstanceId: 'ci-a' })],
            }
          : data,
      );
    });
    expect(await within(box).findByRole('link', { name: /^Task 99887766 of web/ })).toBeTruthy();
  });

  it('shows the first 60 of many instances and compacts crowded ones', async () => {
    const many = Array.from({ length: 61 }, (_, index) =>
      buildContainerInstance({
        id: `ci-${index}`,
        ec2InstanceId: `i-${String(index).padStart(3, '0')}`,
      }),
    );
    const crowd = Array.from({ length: 41 }, (_, index) =>
      buildTask({ id: `t${String(index).padStart(3, '0')}`, containerInstanceId: 'ci-0' }),
    );
    renderMap(many, crowd);
    const first = await screen.findByRole('article', { name: 'i-000' });
    expect(within(first).getByRole('img', { name: '41 tasks: web 41' })).toBeTruthy();
    expect(screen.getAllByRole('article')).toHaveLength(60);
    fireEvent.click(screen.getByRole('button', { name: 'Show all 61 instances' }));
    expect(screen.getAllByRole('article')).toHaveLength(61);
  });

  it('says what failed, with the request id', async () => {
    renderMap([ACTIVE], 'fail');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Tasks could not be loaded')).toBeTruthy();
    expect(within(alert).getByText('request id r-7')).toBeTruthy();
  });
});
