import { describe, expect, it } from 'vitest';
import {
  ContainerInstanceStateInput,
  DeployServiceInput,
  requiredConfirmation,
  ScaleServiceInput,
  StopTaskInput,
} from './actions.js';

describe('mutation inputs', () => {
  it('accepts what the routes take and refuses the rest', () => {
    expect(ScaleServiceInput.safeParse({ desiredCount: 3 }).success).toBe(true);
    expect(ScaleServiceInput.safeParse({ desiredCount: -1 }).success).toBe(false);
    expect(ScaleServiceInput.safeParse({ desiredCount: 1.5 }).success).toBe(false);
    // Unknown fields are typos, not ignored.
    expect(ScaleServiceInput.safeParse({ desiredCount: 1, desired: 2 }).success).toBe(false);
    expect(DeployServiceInput.safeParse({ forceNewDeployment: true }).success).toBe(true);
    expect(DeployServiceInput.safeParse({ taskDefinition: 'web:12' }).success).toBe(true);
    expect(
      DeployServiceInput.safeParse({
        taskDefinition: 'arn:aws:ecs:us-east-1:000000000000:task-definition/web:12',
      }).success,
    ).toBe(true);
    expect(DeployServiceInput.safeParse({}).success).toBe(false);
    expect(DeployServiceInput.safeParse({ taskDefinition: 'web 12' }).success).toBe(false);
    expect(StopTaskInput.safeParse({ reason: '   ' }).success).toBe(false);
    expect(StopTaskInput.safeParse({ reason: 'x'.repeat(256) }).success).toBe(false);
    expect(ContainerInstanceStateInput.safeParse({ status: 'DRAINING' }).success).toBe(true);
    expect(ContainerInstanceStateInput.safeParse({ status: 'INACTIVE' }).success).toBe(false);
  });

  it('asks the destructive actions to name their target', () => {
    expect(requiredConfirmation({ action: 'scale', service: 'web', desiredCount: 0 })).toBe('web');
    expect(requiredConfirmation({ action: 'scale', service: 'web', desiredCount: 2 })).toBe(
      undefined,
    );
    expect(requiredConfirmation({ action: 'stop-task', task: 'abc123' })).toBe('abc123');
    expect(
      requiredConfirmation({
        action: 'instance-state',
        containerInstance: 'ci1',
        status: 'DRAINING',
      }),
    ).toBe('ci1');
    expect(
      requiredConfirmation({
        action: 'instance-state',
        containerInstance: 'ci1',
        status: 'ACTIVE',
      }),
    ).toBe(undefined);
  });
});
