import { describe, expect, it } from 'vitest';
import { consoleUrl } from './aws-console';

describe('consoleUrl', () => {
  it('points at the regional console with the region kept', () => {
    expect(consoleUrl('eu-west-1', { kind: 'service', cluster: 'prod', service: 'web' })).toBe(
      'https://eu-west-1.console.aws.amazon.com/ecs/v2/clusters/prod/services/web/health?region=eu-west-1',
    );
    expect(consoleUrl('us-east-1', { kind: 'task', cluster: 'c', task: 'abc' })).toContain(
      '/clusters/c/tasks/abc/configuration',
    );
    expect(
      consoleUrl('us-east-1', { kind: 'task-definition', family: 'web', revision: 3 }),
    ).toContain('/task-definitions/web/3/');
    expect(consoleUrl('us-east-1', { kind: 'trace', traceId: '1-a-b' })).toMatch(
      /cloudwatch\/home\?region=us-east-1#xray:traces\/1-a-b$/,
    );
  });

  it('escapes names', () => {
    expect(consoleUrl('us-east-1', { kind: 'cluster', cluster: 'a b' })).toContain(
      '/clusters/a%20b/',
    );
  });
});
