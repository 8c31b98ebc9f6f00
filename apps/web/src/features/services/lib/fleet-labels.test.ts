import { buildTask } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { taskLabel, taskTitle } from './fleet-labels';
import { layoutFleet } from './fleet-layout';

const blockOf = (task: ReturnType<typeof buildTask>) => {
  const block = layoutFleet([], [task]).unlisted[0];
  if (!block) throw new Error('no block');
  return block;
};

describe('task labels', () => {
  it('names a task by short id, service and host ports', () => {
    const block = blockOf(buildTask({ id: '0f1e2d3c4b5a4968', containerInstanceId: 'elsewhere' }));
    expect(taskLabel(block)).toBe('Task 0f1e2d3c of web, host ports 32768');
  });

  it('says when a task has no host port and when it is not running yet', () => {
    const block = blockOf(
      buildTask({
        id: 'abcdef0123',
        lastStatus: 'PENDING',
        containerInstanceId: 'x',
        containers: [],
      }),
    );
    expect(taskLabel(block)).toBe('Task abcdef01 of web, no host ports, PENDING');
  });

  it('lists reservation, ENI and every mapping in the tooltip', () => {
    const block = blockOf(
      buildTask({
        containerInstanceId: 'x',
        cpu: 512,
        memory: 1024,
        eni: { privateIp: '10.0.2.9' },
      }),
    );
    expect(taskTitle(block).split('\n')).toEqual([
      'web · task 0f1e2d3c · RUNNING',
      '0.50 vCPU · 1 GiB',
      'ENI 10.0.2.9',
      'web 8080/tcp → 0.0.0.0:32768',
    ]);
  });
});
