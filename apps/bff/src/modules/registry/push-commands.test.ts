import { PushCommandsResponse } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import { buildPushCommands } from './push-commands.js';

const URI = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web';

describe('buildPushCommands', () => {
  it('fills in the account and region with the modern login for every tool', () => {
    const answer = buildPushCommands({
      repository: 'team/web',
      uri: URI,
      registryId: '123456789012',
      region: 'eu-west-1',
      tag: '1.5.0',
    });
    expect(PushCommandsResponse.safeParse(answer).success).toBe(true);
    expect(answer).toMatchObject({
      registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      region: 'eu-west-1',
      accountId: '123456789012',
      tag: '1.5.0',
    });
    expect(answer.commands.docker).toEqual({
      login:
        'aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com',
      build: 'docker build -t team/web:1.5.0 .',
      tag: `docker tag team/web:1.5.0 ${URI}:1.5.0`,
      push: `docker push ${URI}:1.5.0`,
      pull: `docker pull ${URI}:1.5.0`,
    });
    expect(answer.commands.podman.login).toBe(
      'aws ecr get-login-password --region eu-west-1 | podman login --username AWS --password-stdin 123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    );
    expect(answer.commands.finch.push).toBe(`finch push ${URI}:1.5.0`);
    // The removed v1 command must never come back.
    expect(JSON.stringify(answer)).not.toMatch(/get-login(?!-password)/);
  });

  it("takes the account and region from the URI over the request's", () => {
    const answer = buildPushCommands({
      repository: 'web',
      uri: '210987654321.dkr.ecr.ap-southeast-2.amazonaws.com/web',
      registryId: '123456789012',
      region: 'us-east-1',
      tag: 'latest',
    });
    expect(answer.accountId).toBe('210987654321');
    expect(answer.region).toBe('ap-southeast-2');
    expect(answer.commands.finch.login).toContain('--region ap-southeast-2 | finch login');
  });

  it('falls back to the registry id and region for a URI that is not an ECR host', () => {
    const answer = buildPushCommands({
      repository: 'web',
      uri: 'localhost:4566/web',
      registryId: '000000000000',
      region: 'us-east-1',
      tag: 'latest',
    });
    expect(answer).toMatchObject({
      registry: 'localhost:4566',
      accountId: '000000000000',
      region: 'us-east-1',
    });
  });
});
