import { describe, expect, it } from 'vitest';
import { ecsTaskLink, ecsTaskLinksFromArns } from './ecs-link.js';

const ACCOUNT = 'arn:aws:ecs:us-east-1:123456789012';

describe('ecsTaskLink', () => {
  it('takes cluster and task from a long-format task ARN (OpenTelemetry)', () => {
    expect(
      ecsTaskLink({
        task_arn: `${ACCOUNT}:task/prod-fargate/0a1b2c3d`,
        cluster_arn: `${ACCOUNT}:cluster/ignored`,
      }),
    ).toEqual({ cluster: 'prod-fargate', taskId: '0a1b2c3d' });
  });

  it('takes the cluster from cluster_arn when the task ARN is in the old format', () => {
    expect(
      ecsTaskLink({ task_arn: `${ACCOUNT}:task/0a1b2c3d`, cluster_arn: `${ACCOUNT}:cluster/prod` }),
    ).toEqual({ cluster: 'prod', taskId: '0a1b2c3d' });
    expect(ecsTaskLink({ task_arn: `${ACCOUNT}:task/0a1b2c3d`, cluster_arn: 'prod' })).toEqual({
      cluster: 'prod',
      taskId: '0a1b2c3d',
    });
  });

  it('falls back to a long-format container ARN (the X-Ray SDK ECS plugin)', () => {
    expect(
      ecsTaskLink({
        container: 'orders-7f9c',
        container_arn: `${ACCOUNT}:container/prod-ec2/9f8e7d6c/5d1e8c7a-0b2f`,
      }),
    ).toEqual({ cluster: 'prod-ec2', taskId: '9f8e7d6c' });
  });

  it('links nothing when the fields do not name both a cluster and a task', () => {
    expect(ecsTaskLink(undefined)).toBeUndefined();
    expect(ecsTaskLink({ container: 'ip-10-0-1-23' })).toBeUndefined();
    expect(ecsTaskLink({ container_arn: `${ACCOUNT}:container/5d1e8c7a-0b2f` })).toBeUndefined();
    expect(ecsTaskLink({ task_arn: `${ACCOUNT}:task/0a1b2c3d` })).toBeUndefined();
    expect(ecsTaskLink({ task_arn: 'arn:aws:lambda:us-east-1:1:function:f' })).toBeUndefined();
    expect(
      ecsTaskLink({ task_arn: `${ACCOUNT}:task/0a1b`, cluster_arn: `${ACCOUNT}:service/x/y` }),
    ).toBeUndefined();
  });
});

describe('ecsTaskLinksFromArns', () => {
  it('keeps the ECS task and container ARNs, once each', () => {
    expect(
      ecsTaskLinksFromArns([
        `${ACCOUNT}:task/prod/aaa`,
        `${ACCOUNT}:container/prod/aaa/c-1`,
        `${ACCOUNT}:container/prod/bbb/c-2`,
        'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
        `${ACCOUNT}:task/old-format-id`,
      ]),
    ).toEqual([
      { cluster: 'prod', taskId: 'aaa' },
      { cluster: 'prod', taskId: 'bbb' },
    ]);
  });
});
