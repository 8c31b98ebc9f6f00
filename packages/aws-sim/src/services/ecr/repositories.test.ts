// ECR repositories with the real SDK over HTTP (the AWS CLI's check is ecr-cli.test.ts).
import {
  CreateRepositoryCommand,
  DeleteRepositoryCommand,
  DescribeRepositoriesCommand,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListImagesCommand,
  ListTagsForResourceCommand,
  paginateDescribeRepositories,
  PutImageCommand,
  PutImageTagMutabilityCommand,
  PutLifecyclePolicyCommand,
  SetRepositoryPolicyCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawJson } from '../../testing/aws-cli.js';
import { ecrError, startEcr, testManifest, wire } from '../../testing/ecr-fixtures.js';

const ACCOUNT = '000000000000';

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('empty');
});
afterAll(() => kit.stop());

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

describe('ECR repositories (SDK)', () => {
  it('creates, describes, tags and deletes a repository', async () => {
    const { client } = kit;
    const created = await client.send(
      new CreateRepositoryCommand({
        repositoryName: 'team/web',
        imageTagMutability: 'IMMUTABLE',
        imageScanningConfiguration: { scanOnPush: true },
        tags: [{ Key: 'team', Value: 'qa' }],
      }),
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
    const createdAt = created.repository?.createdAt?.getTime() ?? Number.NaN;
    expect(Math.abs(createdAt - kit.simulator.clock.now())).toBeLessThan(60_000);

    const described = await client.send(
      new DescribeRepositoriesCommand({ repositoryNames: ['team/web'] }),
    );
    expect(described.repositories).toEqual([created.repository]);

    expect(wire(await client.send(new ListTagsForResourceCommand({ resourceArn: arn })))).toEqual({
      tags: [{ Key: 'team', Value: 'qa' }],
    });
    await client.send(
      new TagResourceCommand({ resourceArn: arn, tags: [{ Key: 'cost', Value: '42' }] }),
    );
    await client.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['team'] }));
    expect(wire(await client.send(new ListTagsForResourceCommand({ resourceArn: arn })))).toEqual({
      tags: [{ Key: 'cost', Value: '42' }],
    });

    const deleted = await client.send(new DeleteRepositoryCommand({ repositoryName: 'team/web' }));
    expect(deleted.repository).toMatchObject({ repositoryName: 'team/web' });
    const gone = await ecrError(
      client.send(new DescribeRepositoriesCommand({ repositoryNames: ['team/web'] })),
    );
    expect(gone.name).toBe('RepositoryNotFoundException');
  });

  it('refuses to delete a repository holding images unless forced', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'full' }));
    await client.send(
      new PutImageCommand({
        repositoryName: 'full',
        imageTag: 'v1',
        imageManifest: testManifest('full'),
      }),
    );
    const refused = await ecrError(
      client.send(new DeleteRepositoryCommand({ repositoryName: 'full' })),
    );
    expect(refused.name).toBe('RepositoryNotEmptyException');
    expect(refused.message).toContain(
      `The repository with name 'full' in registry with id '${ACCOUNT}' cannot be deleted because it still contains images`,
    );
    await client.send(new DeleteRepositoryCommand({ repositoryName: 'full', force: true }));
    const after = await ecrError(client.send(new ListImagesCommand({ repositoryName: 'full' })));
    expect(after.name).toBe('RepositoryNotFoundException');
  });

  it('pages DescribeRepositories to the end', async () => {
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
    // The paginator follows nextToken; 100 a page means three requests.
    const pages: string[][] = [];
    for await (const page of paginateDescribeRepositories(
      { client: kit.ecr(region), pageSize: 100 },
      {},
    )) {
      pages.push((page.repositories ?? []).map((r) => r.repositoryName ?? ''));
    }
    expect(pages.map((page) => page.length)).toEqual([100, 100, 30]);
    expect(pages.flat()).toEqual(names);

    const first = await kit.ecr(region).send(new DescribeRepositoriesCommand({ maxResults: 100 }));
    expect(first.repositories).toHaveLength(100);
    expect(first.nextToken).toBeTruthy();
  });

  it('switches tag mutability', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'switch' }));
    const answer = await client.send(
      new PutImageTagMutabilityCommand({
        repositoryName: 'switch',
        imageTagMutability: 'IMMUTABLE',
      }),
    );
    expect(wire(answer)).toEqual({
      registryId: ACCOUNT,
      repositoryName: 'switch',
      imageTagMutability: 'IMMUTABLE',
    });
    const described = await client.send(
      new DescribeRepositoriesCommand({ repositoryNames: ['switch'] }),
    );
    expect(described.repositories).toMatchObject([{ imageTagMutability: 'IMMUTABLE' }]);
  });

  it('stores lifecycle policies and says when there is none', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'lifecycle' }));
    const missing = await ecrError(
      client.send(new GetLifecyclePolicyCommand({ repositoryName: 'lifecycle' })),
    );
    expect(missing.name).toBe('LifecyclePolicyNotFoundException');
    const put = await client.send(
      new PutLifecyclePolicyCommand({
        repositoryName: 'lifecycle',
        lifecyclePolicyText: LIFECYCLE,
      }),
    );
    expect(wire(put)).toEqual({
      registryId: ACCOUNT,
      repositoryName: 'lifecycle',
      lifecyclePolicyText: LIFECYCLE,
    });
    const got = await client.send(new GetLifecyclePolicyCommand({ repositoryName: 'lifecycle' }));
    expect(got.lifecyclePolicyText).toBe(LIFECYCLE);
  });

  it('stores repository policies and says when there is none', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'shared' }));
    const missing = await ecrError(
      client.send(new GetRepositoryPolicyCommand({ repositoryName: 'shared' })),
    );
    expect(missing.name).toBe('RepositoryPolicyNotFoundException');
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
    await client.send(
      new SetRepositoryPolicyCommand({ repositoryName: 'shared', policyText: policy }),
    );
    const got = await client.send(new GetRepositoryPolicyCommand({ repositoryName: 'shared' }));
    expect(wire(got)).toEqual({
      registryId: ACCOUNT,
      repositoryName: 'shared',
      policyText: policy,
    });
  });
});
