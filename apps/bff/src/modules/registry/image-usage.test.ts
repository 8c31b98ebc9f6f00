import { describe, expect, it } from 'vitest';
import { toRunningTaskImages, toTaskDefinitionImages } from './image-usage.js';

describe('toTaskDefinitionImages', () => {
  it('keeps each container with a name and an image', () => {
    expect(
      toTaskDefinitionImages({
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:12',
        family: 'web',
        revision: 12,
        containerDefinitions: [
          { name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2' },
          { name: 'no-image' },
        ],
      }),
    ).toEqual({
      family: 'web',
      revision: 12,
      containers: [
        { name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2' },
      ],
    });
  });

  it('takes the family from the ARN when the field is missing', () => {
    expect(
      toTaskDefinitionImages({
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/cron:3',
        revision: 3,
      }),
    ).toEqual({ family: 'cron', revision: 3, containers: [] });
  });
});

describe('toRunningTaskImages', () => {
  it('reads the task id, its service from the group, and each container digest', () => {
    expect(
      toRunningTaskImages('prod', {
        taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        group: 'service:web',
        containers: [
          { name: 'app', image: 'web:1', imageDigest: `sha256:${'a'.repeat(64)}` },
          { name: 'pending', image: 'web:1' },
          { name: 'unknown' },
        ],
      }),
    ).toEqual({
      cluster: 'prod',
      taskId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      service: 'web',
      containers: [
        { name: 'app', image: 'web:1', imageDigest: `sha256:${'a'.repeat(64)}` },
        { name: 'pending', image: 'web:1' },
      ],
    });
  });

  it('has no service for a standalone task (group family:…)', () => {
    const task = toRunningTaskImages('prod', { taskArn: 'arn:x:task/prod/1', group: 'family:web' });
    expect(task).not.toHaveProperty('service');
  });
});
