import { describe, expect, it } from 'vitest';
import { registryImagePath } from './registry-link';

const TASK = 'arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef';
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const HOST = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

describe('registryImagePath', () => {
  it('links an image of the task’s own registry by the digest ECS reports', () => {
    expect(registryImagePath(TASK, `${HOST}/team/web:1.2`, DIGEST)).toBe(
      `/registry/team%2Fweb?region=eu-west-1&digest=${encodeURIComponent(DIGEST)}`,
    );
  });

  it('uses a pinned digest, else the tag (latest when none)', () => {
    expect(registryImagePath(TASK, `${HOST}/web@${DIGEST}`, undefined)).toContain(
      `digest=${encodeURIComponent(DIGEST)}`,
    );
    expect(registryImagePath(TASK, `${HOST}/web`, undefined)).toBe(
      '/registry/web?region=eu-west-1&q=latest',
    );
  });

  it('does not link other registries, accounts or regions', () => {
    expect(registryImagePath(TASK, 'nginx:1.27', DIGEST)).toBeUndefined();
    expect(
      registryImagePath(TASK, 'public.ecr.aws/xray/aws-xray-daemon:3', DIGEST),
    ).toBeUndefined();
    expect(
      registryImagePath(TASK, '210987654321.dkr.ecr.eu-west-1.amazonaws.com/web:1', DIGEST),
    ).toBeUndefined();
    expect(
      registryImagePath(TASK, '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1', DIGEST),
    ).toBeUndefined();
    expect(registryImagePath('not-an-arn', `${HOST}/web:1`, DIGEST)).toBeUndefined();
  });
});
