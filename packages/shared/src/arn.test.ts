import { describe, expect, it } from 'vitest';
import { parseArn, resourceName } from './arn.js';

describe('parseArn', () => {
  it('splits an ECS task ARN', () => {
    expect(parseArn('arn:aws:ecs:eu-west-1:123456789012:task/prod/0a1b2c')).toEqual({
      partition: 'aws',
      service: 'ecs',
      region: 'eu-west-1',
      accountId: '123456789012',
      resource: 'task/prod/0a1b2c',
    });
  });

  it('keeps colons inside the resource', () => {
    expect(parseArn('arn:aws:ecs:us-east-1:1:task-definition/web:3')?.resource).toBe(
      'task-definition/web:3',
    );
  });

  it('rejects what is not an ARN', () => {
    expect(parseArn('prod')).toBeUndefined();
    expect(parseArn('arn:aws:ecs')).toBeUndefined();
  });
});

describe('resourceName', () => {
  it('returns the last path segment of an ARN and passes names through', () => {
    expect(resourceName('arn:aws:ecs:us-east-1:1:cluster/prod')).toBe('prod');
    expect(resourceName('arn:aws:ecs:us-east-1:1:task/prod/abc')).toBe('abc');
    expect(resourceName('arn:aws:ecs:us-east-1:1:task-definition/web:3')).toBe('web:3');
    expect(resourceName('prod')).toBe('prod');
  });
});
