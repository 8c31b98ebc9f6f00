import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcr } from '../../testing/ecr-fixtures.js';

const ACCOUNT = '000000000000';

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('empty');
});
afterAll(() => kit.simulator.stop());

describe('ECR repository errors on the wire', () => {
  it('answers a missing repository as AWS does', async () => {
    const response = await kit.raw('DescribeRepositories', { repositoryNames: ['nope'] });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('RepositoryNotFoundException');
    expect(response.body).toEqual({
      __type: 'RepositoryNotFoundException',
      message: `The repository with name 'nope' does not exist in the registry with id '${ACCOUNT}'`,
    });
  });

  it('refuses a taken name and an invalid one', async () => {
    expect((await kit.raw('CreateRepository', { repositoryName: 'twice' })).status).toBe(200);
    const again = await kit.raw('CreateRepository', { repositoryName: 'twice' });
    expect(again.body.__type).toBe('RepositoryAlreadyExistsException');
    const bad = await kit.raw('CreateRepository', { repositoryName: 'Not_Valid' });
    expect(bad.body.__type).toBe('InvalidParameterException');
    const short = await kit.raw('CreateRepository', { repositoryName: 'a' });
    expect(short.body.__type).toBe('InvalidParameterException');
  });

  it('pages with nextToken and enforces maxResults ≤ 1000', async () => {
    for (let i = 0; i < 5; i += 1)
      await kit.raw('CreateRepository', { repositoryName: `raw-${i}` });
    const names: string[] = [];
    let nextToken: unknown;
    do {
      const page = await kit.raw('DescribeRepositories', { maxResults: 2, nextToken });
      expect(page.status).toBe(200);
      const repositories = page.body.repositories as { repositoryName: string }[];
      expect(repositories.length).toBeLessThanOrEqual(2);
      names.push(...repositories.map((r) => r.repositoryName));
      nextToken = page.body.nextToken;
    } while (nextToken);
    expect(names.filter((name) => name.startsWith('raw-'))).toEqual([
      'raw-0',
      'raw-1',
      'raw-2',
      'raw-3',
      'raw-4',
    ]);
    expect(new Set(names).size).toBe(names.length);
    const tooMany = await kit.raw('DescribeRepositories', { maxResults: 1001 });
    expect(tooMany.body.__type).toBe('InvalidParameterException');
    const both = await kit.raw('DescribeRepositories', {
      repositoryNames: ['raw-0'],
      maxResults: 5,
    });
    expect(both.body.__type).toBe('InvalidParameterException');
  });

  it('refuses invalid mutability, lifecycle and repository policies', async () => {
    await kit.raw('CreateRepository', { repositoryName: 'strict' });
    const mutability = await kit.raw('PutImageTagMutability', {
      repositoryName: 'strict',
      imageTagMutability: 'SOMETIMES',
    });
    expect(mutability.body.__type).toBe('InvalidParameterException');
    const missing = await kit.raw('GetLifecyclePolicy', { repositoryName: 'strict' });
    expect(missing.body).toEqual({
      __type: 'LifecyclePolicyNotFoundException',
      message: `Lifecycle policy does not exist for the repository with name 'strict' in the registry with id '${ACCOUNT}'`,
    });
    const noPolicy = await kit.raw('GetRepositoryPolicy', { repositoryName: 'strict' });
    expect(noPolicy.body.message).toBe(
      `Repository policy does not exist for the repository with name 'strict' in the registry with id '${ACCOUNT}'`,
    );
    const anyFirst = JSON.stringify({
      rules: [
        {
          rulePriority: 1,
          selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 5 },
          action: { type: 'expire' },
        },
        {
          rulePriority: 2,
          selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1 },
          action: { type: 'expire' },
        },
      ],
    });
    const lifecycle = await kit.raw('PutLifecyclePolicy', {
      repositoryName: 'strict',
      lifecyclePolicyText: anyFirst,
    });
    expect(lifecycle.body.__type).toBe('InvalidParameterException');
    expect(String(lifecycle.body.message)).toContain('highest rulePriority');
    const policy = await kit.raw('SetRepositoryPolicy', {
      repositoryName: 'strict',
      policyText: '{"not":"a policy"}',
    });
    expect(policy.body.__type).toBe('InvalidParameterException');
  });

  it('answers ListTagsForResource for unknown and malformed ARNs', async () => {
    const unknown = await kit.raw('ListTagsForResource', {
      resourceArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/ghost`,
    });
    expect(unknown.body.__type).toBe('RepositoryNotFoundException');
    const malformed = await kit.raw('ListTagsForResource', { resourceArn: 'ghost' });
    expect(malformed.body.__type).toBe('InvalidParameterException');
  });
});
