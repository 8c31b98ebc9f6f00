import type { EcsTaskDefinition, LiveEvent, TaskDetailResponse } from '@deckhand/shared';
import { buildTask } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  applyToTaskDetail,
  portRows,
  replaceDetailTask,
  revisionRef,
  shortDigest,
  taskConsoleUrl,
} from './task-detail';

const where = { region: 'us-east-1', cluster: 'prod' };
const ID = '0f1e2d3c4b5a49687766554433221100';
const detail: TaskDetailResponse = {
  task: buildTask({ id: ID, version: 3 }),
  source: 'aws',
  stale: false,
  asOf: '2026-11-26T10:00:00.000Z',
};
const stopped = buildTask({
  id: ID,
  version: 5,
  lastStatus: 'STOPPED',
  desiredStatus: 'STOPPED',
  stopCode: 'EssentialContainerExited',
});
const stopEvent: LiveEvent = {
  type: 'task.stopped',
  ...where,
  service: 'web',
  task: stopped,
  diagnosis: {
    kind: 'out-of-memory',
    summary: 'Container web ran out of memory.',
    container: 'web',
  },
};

describe('applyToTaskDetail', () => {
  it('takes the stopped task and its diagnosis from a task.stopped event for this id', () => {
    const next = applyToTaskDetail(detail, stopEvent);
    expect(next.task.lastStatus).toBe('STOPPED');
    expect(next.diagnosis?.kind).toBe('out-of-memory');
    expect(next.asOf).toBe(detail.asOf);
    // Applying the same event again (a replay) changes nothing.
    expect(applyToTaskDetail(next, stopEvent)).toBe(next);
  });

  it('ignores other tasks, other event types and older copies of this task', () => {
    const other = { ...stopEvent, task: { ...stopped, id: 'ffffffffffffffffffffffffffffffff' } };
    expect(applyToTaskDetail(detail, other)).toBe(detail);
    const older = { ...stopEvent, task: { ...stopped, version: 2 } };
    expect(applyToTaskDetail(detail, older)).toBe(detail);
    const event: LiveEvent = {
      type: 'service.event',
      ...where,
      service: 'web',
      event: { id: 'e', createdAt: detail.asOf, message: 'x', kind: 'other' },
    };
    expect(applyToTaskDetail(detail, event)).toBe(detail);
  });

  it('updates the task from task.started without inventing a diagnosis', () => {
    const started = buildTask({ id: ID, version: 4, healthStatus: 'HEALTHY' });
    const next = applyToTaskDetail(detail, { type: 'task.started', ...where, task: started });
    expect(next.task.healthStatus).toBe('HEALTHY');
    expect(next.diagnosis).toBeUndefined();
  });

  it('replaces the task with a mutation answer only when it is this task', () => {
    const answer = { ...detail.task, desiredStatus: 'STOPPED' };
    expect(replaceDetailTask(detail, answer).task.desiredStatus).toBe('STOPPED');
    expect(replaceDetailTask(detail, buildTask({ id: 'other' }))).toBe(detail);
  });
});

describe('portRows', () => {
  const task = buildTask({
    containers: [
      {
        name: 'web',
        image: 'web:1',
        portMappings: [
          { containerPort: 8080, hostPort: 32768, protocol: 'tcp', hostIp: '0.0.0.0' },
          { containerPort: 9090, hostPort: 40000, protocol: 'tcp', hostIp: '0.0.0.0' },
        ],
      },
    ],
  });
  const definition: EcsTaskDefinition = {
    networkMode: 'bridge',
    containerDefinitions: [
      {
        name: 'web',
        portMappings: [
          { containerPort: 8080, hostPort: 0, protocol: 'tcp' },
          { containerPort: 9090, hostPort: 40000, protocol: 'tcp' },
        ],
      },
    ],
  };

  it('marks a port dynamic only when the definition asked for any host port', () => {
    expect(portRows(task, definition).map((row) => [row.containerPort, row.dynamic])).toEqual([
      [8080, true],
      [9090, false],
    ]);
    // Without the definition nothing can be told apart.
    expect(portRows(task, undefined).some((row) => row.dynamic)).toBe(false);
    expect(portRows(task, { ...definition, networkMode: 'awsvpc' }).some((r) => r.dynamic)).toBe(
      false,
    );
  });
});

describe('small helpers', () => {
  it('shortens digests, splits revisions and links the console in the ARN’s region', () => {
    expect(shortDigest(`sha256:${'ab'.repeat(32)}`)).toBe('sha256:abababababab');
    expect(revisionRef('storefront-web:12')).toEqual({ family: 'storefront-web', revision: 12 });
    expect(revisionRef('storefront-web')).toBeUndefined();
    expect(taskConsoleUrl(buildTask({ id: ID }), 'prod-ec2', 'eu-west-1')).toBe(
      `https://us-east-1.console.aws.amazon.com/ecs/v2/clusters/prod-ec2/tasks/${ID}/configuration?region=us-east-1`,
    );
  });
});
