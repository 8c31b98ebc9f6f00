import { describe, expect, it } from 'vitest';
import { groupUsage } from './group-usage';

const digest = `sha256:${'ab'.repeat(32)}`;

describe('groupUsage', () => {
  it('folds tasks into one line per service and keeps task definitions apart', () => {
    const grouped = groupUsage([
      {
        kind: 'task',
        cluster: 'prod-ec2',
        service: 'web',
        taskId: 't1',
        container: 'web',
        digest,
        drift: false,
      },
      {
        kind: 'task',
        cluster: 'prod-ec2',
        service: 'web',
        taskId: 't2',
        container: 'web',
        digest,
        drift: true,
      },
      {
        kind: 'task',
        cluster: 'prod-ec2',
        service: 'web',
        taskId: 't2',
        container: 'sidecar',
        digest,
        drift: false,
      },
      { kind: 'task', cluster: 'batch', taskId: 't3', container: 'job', digest, drift: false },
      { kind: 'task-definition', family: 'web', revision: 7, container: 'web', via: 'tag' },
    ]);
    expect(grouped.services).toEqual([
      {
        cluster: 'batch',
        service: undefined,
        tasks: [{ taskId: 't3', drift: false }],
        drift: false,
      },
      {
        cluster: 'prod-ec2',
        service: 'web',
        tasks: [
          { taskId: 't1', drift: false },
          { taskId: 't2', drift: true },
        ],
        drift: true,
      },
    ]);
    expect(grouped.taskDefinitions).toHaveLength(1);
  });
});
