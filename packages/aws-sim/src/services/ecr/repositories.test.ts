import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsJson, cliErrorCode, hasAwsCliV2, rawJson } from '../../testing/aws-cli.js';
import { startEcr, testManifest } from '../../testing/ecr-fixtures.js';

const SLOW = 120_000;
const ACCOUNT = '000000000000';

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('empty');
});
afterAll(() => kit.simulator.stop());

const LIFECYCLE = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      description: 'Expire untagged images after 7 days',
      selection: {
        tagStatus: 'untagged',
        countType: 'sinceImagePushed',
        countUnit: 'days',
        countNumber: 7,
      },
      action: { type: 'expire' },
    },
  ],
});

describe.skipIf(!hasAwsCliV2())('ECR repositories (AWS CLI v2)', () => {
  it(
    'creates, describes, tags and deletes a repository',
    async () => {
      const { ecr } = kit;
      const created = await ecr(
        'create-repository',
        '--repository-name',
        'team/web',
        '--image-tag-mutability',
        'IMMUTABLE',
        '--image-scanning-configuration',
        'scanOnPush=true',
        '--tags',
        'Key=team,Value=qa',
      );
      const arn = `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/team/web`;
      expect(created.repository).toMatchObject({
        repositoryArn: arn,
        registryId: ACCOUNT,
        repositoryName: 'team/web',
        repositoryUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/web`,
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        encryptionConfiguration: { encryptionType: 'AES256' },
      });
      const createdAt = Date.parse(String((created.repository as { createdAt: string }).createdAt));
      expect(Math.abs(createdAt - kit.simulator.clock.now())).toBeLessThan(60_000);

      const described = await ecr('describe-repositories', '--repository-names', 'team/web');
      expect(described.repositories).toEqual([created.repository]);

      expect(await ecr('list-tags-for-resource', '--resource-arn', arn)).toEqual({
        tags: [{ Key: 'team', Value: 'qa' }],
      });
      await ecr('tag-resource', '--resource-arn', arn, '--tags', 'Key=cost,Value=42');
      await ecr('untag-resource', '--resource-arn', arn, '--tag-keys', 'team');
      expect(await ecr('list-tags-for-resource', '--resource-arn', arn)).toEqual({
        tags: [{ Key: 'cost', Value: '42' }],
      });

      const deleted = await ecr('delete-repository', '--repository-name', 'team/web');
      expect(deleted.repository).toMatchObject({ repositoryName: 'team/web' });
      const gone = await kit.ecrResult('describe-repositories', '--repository-names', 'team/web');
      expect(gone.exitCode).not.toBe(0);
      expect(cliErrorCode(gone)).toBe('RepositoryNotFoundException');
    },
    SLOW,
  );

  it(
    'refuses to delete a repository holding images unless forced',
    async () => {
      const { ecr, ecrResult } = kit;
      await ecr('create-repository', '--repository-name', 'full');
      await ecr(
        'put-image',
        '--repository-name',
        'full',
        '--image-tag',
        'v1',
        '--image-manifest',
        testManifest('full'),
      );
      const refused = await ecrResult('delete-repository', '--repository-name', 'full');
      expect(cliErrorCode(refused)).toBe('RepositoryNotEmptyException');
      expect(refused.stderr).toContain(
        `The repository with name 'full' in registry with id '${ACCOUNT}' cannot be deleted because it still contains images`,
      );
      await ecr('delete-repository', '--repository-name', 'full', '--force');
      const after = await ecrResult('list-images', '--repository-name', 'full');
      expect(cliErrorCode(after)).toBe('RepositoryNotFoundException');
    },
    SLOW,
  );

  it(
    'pages DescribeRepositories to the end',
    async () => {
      const region = 'eu-west-1';
      const names = Array.from({ length: 230 }, (_, i) => `page-${String(i).padStart(3, '0')}`);
      for (const name of names) {
        const created = await rawJson(
          kit.simulator.endpoint,
          'AmazonEC2ContainerRegistry_V20150921.CreateRepository',
          { repositoryName: name },
          'ecr',
          region,
        );
        expect(created.status).toBe(200);
      }
      // The CLI follows nextToken itself; 100 a page means three requests.
      const all = await awsJson(
        kit.simulator.endpoint,
        ['ecr', 'describe-repositories', '--page-size', '100'],
        region,
      );
      const listed = (all.repositories as { repositoryName: string }[]).map(
        (r) => r.repositoryName,
      );
      expect(listed).toEqual(names);

      const first = await awsJson(
        kit.simulator.endpoint,
        ['ecr', 'describe-repositories', '--max-items', '150'],
        region,
      );
      expect(first.repositories).toHaveLength(150);
      expect(first.NextToken).toBeTruthy();
    },
    SLOW,
  );

  it(
    'switches tag mutability',
    async () => {
      const { ecr } = kit;
      await ecr('create-repository', '--repository-name', 'switch');
      const answer = await ecr(
        'put-image-tag-mutability',
        '--repository-name',
        'switch',
        '--image-tag-mutability',
        'IMMUTABLE',
      );
      expect(answer).toEqual({
        registryId: ACCOUNT,
        repositoryName: 'switch',
        imageTagMutability: 'IMMUTABLE',
      });
      const described = await ecr('describe-repositories', '--repository-names', 'switch');
      expect(described.repositories).toMatchObject([{ imageTagMutability: 'IMMUTABLE' }]);
    },
    SLOW,
  );

  it(
    'stores lifecycle policies and says when there is none',
    async () => {
      const { ecr, ecrResult } = kit;
      await ecr('create-repository', '--repository-name', 'lifecycle');
      const missing = await ecrResult('get-lifecycle-policy', '--repository-name', 'lifecycle');
      expect(cliErrorCode(missing)).toBe('LifecyclePolicyNotFoundException');
      const put = await ecr(
        'put-lifecycle-policy',
        '--repository-name',
        'lifecycle',
        '--lifecycle-policy-text',
        LIFECYCLE,
      );
      expect(put).toEqual({
        registryId: ACCOUNT,
        repositoryName: 'lifecycle',
        lifecyclePolicyText: LIFECYCLE,
      });
      const got = await ecr('get-lifecycle-policy', '--repository-name', 'lifecycle');
      expect(got.lifecyclePolicyText).toBe(LIFECYCLE);
    },
    SLOW,
  );

  it(
    'stores repository policies and says when there is none',
    async () => {
      const { ecr, ecrResult } = kit;
      await ecr('create-repository', '--repository-name', 'shared');
      const missing = await ecrResult('get-repository-policy', '--repository-name', 'shared');
      expect(cliErrorCode(missing)).toBe('RepositoryPolicyNotFoundException');
      const policy = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'pull',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111122223333:root' },
            Action: ['ecr:BatchGetImage'],
          },
        ],
      });
      await ecr('set-repository-policy', '--repository-name', 'shared', '--policy-text', policy);
      const got = await ecr('get-repository-policy', '--repository-name', 'shared');
      expect(got).toEqual({ registryId: ACCOUNT, repositoryName: 'shared', policyText: policy });
    },
    SLOW,
  );
});
