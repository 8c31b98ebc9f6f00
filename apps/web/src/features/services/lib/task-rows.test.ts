import { buildTask } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  countTasks,
  defaultTaskSort,
  firstTaskDirection,
  sortTaskRows,
  toTaskRow,
  toTaskRows,
} from './task-rows';

describe('toTaskRow', () => {
  it('derives service, revision, host and ports of an EC2 task', () => {
    const row = toTaskRow(buildTask({ group: 'service:web', taskDefinition: 'web:12' }));
    expect(row).toMatchObject({
      service: 'web',
      family: 'web',
      revision: 12,
      host: 'i-0a1b2c3d4e5f67890',
      ports: ['32768→8080/tcp'],
      portNumbers: [32768, 8080],
      status: 'RUNNING',
      when: '2026-11-26T09:01:30.000Z',
      diagnosis: undefined,
    });
  });

  it('takes the ENI address as host, and the family and revision out of an ARN', () => {
    const row = toTaskRow(
      buildTask({
        ec2InstanceId: undefined,
        eni: { privateIp: '10.0.0.7' },
        group: 'family:batch',
        taskDefinition: 'arn:aws:ecs:eu-west-1:1:task-definition/batch:4',
      }),
    );
    expect(row).toMatchObject({
      host: '10.0.0.7',
      service: undefined,
      family: 'batch',
      revision: 4,
    });
  });

  it('shows a running task asked to stop as STOPPING, and drops UNKNOWN health', () => {
    const row = toTaskRow(buildTask({ desiredStatus: 'STOPPED', healthStatus: 'UNKNOWN' }));
    expect(row.status).toBe('STOPPING');
    expect(row.health).toBeUndefined();
  });

  it('times a stopped task by when it stopped and says why', () => {
    const row = toTaskRow(
      buildTask({
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stoppedAt: '2026-11-26T10:00:00.000Z',
        containers: [{ name: 'app', image: 'x', exitCode: 137, portMappings: [] }],
      }),
    );
    expect(row.when).toBe('2026-11-26T10:00:00.000Z');
    expect(row.diagnosis).toContain('Container app was killed (exit 137)');
  });

  it('reuses the row of a task object already seen', () => {
    const task = buildTask();
    const [first] = toTaskRows([task]);
    const [again, other] = toTaskRows([task, buildTask({ id: 'other' })]);
    expect(again).toBe(first);
    expect(other?.id).toBe('other');
  });
});

describe('sortTaskRows', () => {
  const rows = toTaskRows([
    buildTask({
      id: 'c',
      group: 'service:web-10',
      taskDefinition: 'web:2',
      startedAt: '2026-11-26T09:00:00.000Z',
      cpu: 256,
      ec2InstanceId: 'i-2',
    }),
    buildTask({
      id: 'a',
      group: 'service:web-2',
      taskDefinition: 'web:10',
      startedAt: '2026-11-26T11:00:00.000Z',
      cpu: 1024,
      ec2InstanceId: 'i-10',
    }),
    buildTask({
      id: 'b',
      group: 'service:api',
      taskDefinition: 'api:1',
      startedAt: undefined,
      cpu: undefined,
      ec2InstanceId: undefined,
      containers: [],
    }),
  ]);
  const order = (column: Parameters<typeof firstTaskDirection>[0], direction: 'asc' | 'desc') =>
    sortTaskRows(rows, { column, direction }).map((row) => row.id);

  it('sorts text naturally (web-2 before web-10) both ways', () => {
    expect(order('service', 'asc')).toEqual(['b', 'a', 'c']);
    expect(order('service', 'desc')).toEqual(['c', 'a', 'b']);
  });

  it('sorts revisions within a family by number', () => {
    expect(order('rev', 'asc')).toEqual(['b', 'c', 'a']);
  });

  it('sorts by start time with a missing time as the oldest', () => {
    expect(order('started', 'desc')).toEqual(['a', 'c', 'b']);
    expect(order('started', 'asc')).toEqual(['b', 'c', 'a']);
  });

  it('sorts by CPU, hosts naturally, ports by the first host port, and ids', () => {
    expect(order('cpu', 'desc')).toEqual(['a', 'c', 'b']);
    expect(order('host', 'asc')).toEqual(['c', 'a', 'b']);
    expect(order('ports', 'asc')).toEqual(['b', 'a', 'c']);
    expect(order('task', 'desc')).toEqual(['c', 'b', 'a']);
  });

  it('breaks ties by task id and leaves the input alone', () => {
    expect(order('launch', 'asc')).toEqual(['a', 'b', 'c']);
    expect(order('launch', 'desc')).toEqual(['a', 'b', 'c']);
    expect(rows.map((row) => row.id)).toEqual(['c', 'a', 'b']);
  });

  it('starts times and sizes newest/largest first, and defaults per list', () => {
    expect(firstTaskDirection('started')).toBe('desc');
    expect(firstTaskDirection('cpu')).toBe('desc');
    expect(firstTaskDirection('service')).toBe('asc');
    expect(defaultTaskSort('RUNNING')).toEqual({ column: 'service', direction: 'asc' });
    expect(defaultTaskSort('STOPPED')).toEqual({ column: 'started', direction: 'desc' });
  });
});

describe('countTasks', () => {
  it('counts running and pending tasks, not those on their way out', () => {
    const tasks = ['RUNNING', 'RUNNING', 'PENDING', 'PROVISIONING', 'DEACTIVATING'].map(
      (lastStatus, index) => buildTask({ id: String(index), lastStatus }),
    );
    expect(countTasks(tasks)).toEqual({ running: 2, pending: 2 });
  });
});
