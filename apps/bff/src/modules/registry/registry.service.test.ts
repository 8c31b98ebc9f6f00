import {
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import {
  DescribeClustersCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListClustersCommand,
  ListTaskDefinitionsCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { ImagesResponse } from '@deckhand/shared';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistryService } from './registry.service.js';
import { mockedAwsLayer, awsError } from '../../testing/mocked-aws.js';

const ecrMock = mockClient(ECRClient);
const ecsMock = mockClient(ECSClient);

const ACCOUNT = '123456789012';
const URI = `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/web`;
const OLD = `sha256:${'1'.repeat(64)}`;
const NEW = `sha256:${'2'.repeat(64)}`;

function service(ttlMs = 0, usageWaitMs?: number) {
  const layer = mockedAwsLayer(ttlMs);
  return createRegistryService({
    ecr: layer.ecr,
    ecs: layer.ecs,
    ...(usageWaitMs === undefined ? {} : { usageWaitMs }),
  });
}

const repository = (name: string) => ({
  repositoryName: name,
  repositoryArn: `arn:aws:ecr:us-east-1:${ACCOUNT}:repository/${name}`,
  repositoryUri: `${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/${name}`,
  registryId: ACCOUNT,
  createdAt: new Date('2025-01-01T00:00:00Z'),
});

beforeEach(() => {
  ecrMock.reset();
  ecsMock.reset();
});
afterEach(() => {
  ecrMock.reset();
  ecsMock.reset();
});

describe('registry service: repositories', () => {
  it('counts images per repository and leaves out one deleted since the list', async () => {
    ecrMock
      .on(DescribeRepositoriesCommand)
      .resolves({ repositories: [repository('web'), repository('gone'), repository('api')] });
    ecrMock
      .on(DescribeImagesCommand, { repositoryName: 'web' })
      .resolves({
        imageDetails: [
          { imageDigest: OLD, imagePushedAt: new Date('2026-01-01T00:00:00Z') },
          { imageDigest: NEW, imagePushedAt: new Date('2026-02-01T00:00:00Z') },
        ],
      })
      .on(DescribeImagesCommand, { repositoryName: 'api' })
      .resolves({ imageDetails: [] })
      .on(DescribeImagesCommand, { repositoryName: 'gone' })
      .rejects(awsError('RepositoryNotFoundException'));

    const { repositories } = await service().listRepositories('us-east-1');

    expect(repositories.map((repo) => [repo.name, repo.imageCount, repo.lastPushedAt])).toEqual([
      ['api', 0, undefined],
      ['web', 2, '2026-02-01T00:00:00.000Z'],
    ]);
  });

  it('answers 20 concurrent requests with one set of AWS calls', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [repository('web')] });
    ecrMock.on(DescribeImagesCommand).resolves({ imageDetails: [{ imageDigest: OLD }] });
    const registry = service(5_000);

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => registry.listRepositories('us-east-1')),
    );

    expect(answers.every((answer) => answer.repositories[0]?.imageCount === 1)).toBe(true);
    expect(ecrMock.commandCalls(DescribeRepositoriesCommand)).toHaveLength(1);
    expect(ecrMock.commandCalls(DescribeImagesCommand)).toHaveLength(1);
  });

  it('serves the last good list, marked stale, while ECR throttles', async () => {
    ecrMock
      .on(DescribeRepositoriesCommand)
      .resolvesOnce({ repositories: [repository('web')] })
      .rejects(awsError('ThrottlingException'));
    ecrMock.on(DescribeImagesCommand).resolves({ imageDetails: [] });
    const registry = service(0);

    const fresh = await registry.listRepositories('us-east-1');
    const stale = await registry.listRepositories('us-east-1');

    expect(fresh.stale).toBe(false);
    expect(stale).toMatchObject({ stale: true, asOf: fresh.asOf });
    expect(stale.repositories.map((repo) => repo.name)).toEqual(['web']);
  });

  it('answers 429 when ECR throttles and there is nothing to fall back on', async () => {
    ecrMock.on(DescribeRepositoriesCommand).rejects(awsError('ThrottlingException'));
    await expect(service().listRepositories('us-east-1')).rejects.toMatchObject({
      status: 429,
      code: 'aws_throttled',
    });
  });
});

describe('registry service: one repository', () => {
  it('adds both policies, null when absent', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [repository('web')] });
    ecrMock.on(DescribeImagesCommand).resolves({ imageDetails: [] });
    ecrMock.on(GetRepositoryPolicyCommand).rejects(awsError('RepositoryPolicyNotFoundException'));
    ecrMock.on(GetLifecyclePolicyCommand).resolves({ lifecyclePolicyText: '{"rules":[]}' });

    const { repository: detail } = await service().getRepository('us-east-1', 'web');

    expect(detail).toMatchObject({
      name: 'web',
      repositoryPolicy: null,
      lifecyclePolicy: '{"rules":[]}',
    });
  });

  it('is a 404 when the repository does not exist', async () => {
    const missing = awsError('RepositoryNotFoundException');
    ecrMock.on(DescribeRepositoriesCommand).rejects(missing);
    ecrMock.on(DescribeImagesCommand).rejects(missing);
    ecrMock.on(GetRepositoryPolicyCommand).rejects(missing);
    ecrMock.on(GetLifecyclePolicyCommand).rejects(missing);
    await expect(service().getRepository('us-east-1', 'nope')).rejects.toMatchObject({
      status: 404,
    });
    await expect(service().getPushCommands('us-east-1', 'nope', 'latest')).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('registry service: policies', () => {
  it('parses both policies and reads the lifecycle rules', async () => {
    ecrMock.on(GetRepositoryPolicyCommand).resolves({
      registryId: ACCOUNT,
      repositoryName: 'web',
      policyText: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}',
    });
    ecrMock.on(GetLifecyclePolicyCommand).resolves({
      registryId: ACCOUNT,
      repositoryName: 'web',
      lastEvaluatedAt: new Date('2026-11-26T03:00:00Z'),
      lifecyclePolicyText: JSON.stringify({
        rules: [
          {
            rulePriority: 1,
            selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 50 },
            action: { type: 'expire' },
          },
        ],
      }),
    });
    const registry = service();

    const policy = await registry.getRepositoryPolicy('us-east-1', 'web');
    const lifecycle = await registry.getLifecyclePolicy('us-east-1', 'web');

    expect(policy.policy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] });
    expect(lifecycle.rules).toEqual([
      {
        priority: 1,
        tagStatus: 'any',
        countType: 'imageCountMoreThan',
        countNumber: 50,
        action: 'expire',
      },
    ]);
    expect(lifecycle.lastEvaluatedAt).toBe('2026-11-26T03:00:00.000Z');
  });

  it('answers null, not an error, when ECR says there is no policy', async () => {
    ecrMock.on(GetRepositoryPolicyCommand).rejects(awsError('RepositoryPolicyNotFoundException'));
    ecrMock.on(GetLifecyclePolicyCommand).rejects(awsError('LifecyclePolicyNotFoundException'));
    const registry = service();
    expect(await registry.getRepositoryPolicy('us-east-1', 'web')).toMatchObject({ policy: null });
    const lifecycle = await registry.getLifecyclePolicy('us-east-1', 'web');
    expect(lifecycle).toMatchObject({ lifecyclePolicy: null, stale: false });
    expect(lifecycle.rules).toBeUndefined();
  });

  it('is a 404 when the repository does not exist', async () => {
    ecrMock.on(GetRepositoryPolicyCommand).rejects(awsError('RepositoryNotFoundException'));
    ecrMock.on(GetLifecyclePolicyCommand).rejects(awsError('RepositoryNotFoundException'));
    await expect(service().getRepositoryPolicy('us-east-1', 'nope')).rejects.toMatchObject({
      status: 404,
    });
    await expect(service().getLifecyclePolicy('us-east-1', 'nope')).rejects.toMatchObject({
      status: 404,
    });
  });
});

describe('registry service: images and who uses them', () => {
  function fleet() {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [repository('web')] });
    ecrMock.on(DescribeImagesCommand).resolves({
      imageDetails: [
        { imageDigest: OLD, imageTags: ['1.0'], imagePushedAt: new Date('2026-01-01T00:00:00Z') },
        {
          imageDigest: NEW,
          imageTags: ['1.1', 'stable'],
          imagePushedAt: new Date('2026-02-01T00:00:00Z'),
        },
        { imageTags: ['no-digest'] },
      ],
    });
    ecsMock.on(ListClustersCommand).resolves({ clusterArns: ['arn:c/prod', 'arn:c/idle'] });
    ecsMock.on(DescribeClustersCommand).resolves({
      clusters: [
        { clusterName: 'prod', clusterArn: 'arn:c/prod', runningTasksCount: 1 },
        { clusterName: 'idle', clusterArn: 'arn:c/idle', runningTasksCount: 0 },
      ],
    });
    ecsMock.on(ListTasksCommand).resolves({ taskArns: ['arn:aws:ecs:us-east-1:1:task/prod/abc'] });
    ecsMock.on(DescribeTasksCommand).resolves({
      tasks: [
        {
          taskArn: 'arn:aws:ecs:us-east-1:1:task/prod/abc',
          group: 'service:web',
          containers: [
            { name: 'app', image: `${URI}:stable`, imageDigest: OLD },
            { name: 'xray', image: 'public.ecr.aws/xray/aws-xray-daemon:3.3.12' },
          ],
        },
      ],
    });
    ecsMock
      .on(ListTaskDefinitionsCommand)
      .resolves({ taskDefinitionArns: ['arn:aws:ecs:us-east-1:1:task-definition/web:4'] });
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({
      taskDefinition: {
        family: 'web',
        revision: 4,
        containerDefinitions: [{ name: 'app', image: `${URI}:stable` }],
      },
    });
  }

  it('joins images with ACTIVE task definitions and RUNNING tasks, marking drift', async () => {
    fleet();

    const answer = await service().listImages('us-east-1', 'web');

    expect(ImagesResponse.safeParse(answer).success).toBe(true);
    const [newest, oldest] = answer.images;
    expect(answer.images).toHaveLength(2);
    expect(newest).toMatchObject({
      digest: NEW,
      notUsed: false,
      usedBy: [
        { kind: 'task-definition', family: 'web', revision: 4, container: 'app', via: 'tag' },
      ],
    });
    expect(oldest).toMatchObject({
      digest: OLD,
      notUsed: false,
      usedBy: [
        {
          kind: 'task',
          cluster: 'prod',
          taskId: 'abc',
          service: 'web',
          container: 'app',
          drift: true,
        },
      ],
    });
    // ACTIVE revisions only, listed at the maximum page size; idle clusters are not listed.
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)[0]?.args[0].input).toMatchObject({
      status: 'ACTIVE',
      maxResults: 100,
    });
    expect(ecsMock.commandCalls(ListTasksCommand).map((call) => call.args[0].input)).toEqual([
      { cluster: 'prod', desiredStatus: 'RUNNING', maxResults: 100, nextToken: undefined },
    ]);
  });

  it('describes each task definition revision once per process', async () => {
    fleet();
    const registry = service(0);

    await registry.listImages('us-east-1', 'web');
    await registry.listImages('us-east-1', 'web');

    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)).toHaveLength(2);
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
  });

  it('answers within the bound with the usage found so far, and the full usage later', async () => {
    fleet();
    const arn = (revision: number) => `arn:aws:ecs:us-east-1:1:task-definition/web:${revision}`;
    ecsMock.on(ListTaskDefinitionsCommand).resolves({ taskDefinitionArns: [arn(3), arn(4)] });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    ecsMock.on(DescribeTaskDefinitionCommand, { taskDefinition: arn(3) }).callsFake(async () => {
      await held;
      return {
        taskDefinition: {
          family: 'web',
          revision: 3,
          containerDefinitions: [{ name: 'app', image: `${URI}:1.0` }],
        },
      };
    });
    const registry = service(0, 50);

    const partial = await registry.listImages('us-east-1', 'web');

    expect(ImagesResponse.safeParse(partial).success).toBe(true);
    expect(partial.usage).toEqual({
      complete: false,
      taskDefinitionsScanned: 1,
      taskDefinitionsTotal: 2,
      runningTasksKnown: true,
    });
    // What was found is there (the task's drift, revision 4); nothing is claimed unused.
    const [newest, oldest] = partial.images;
    expect(newest?.usedBy).toEqual([expect.objectContaining({ revision: 4 })]);
    expect(oldest?.usedBy).toEqual([expect.objectContaining({ kind: 'task', drift: true })]);
    expect(partial.images.every((image) => !image.notUsed)).toBe(true);

    // Requests during the scan join it: one scan per region, each revision described once.
    await registry.listImages('us-east-1', 'web');
    expect(ecsMock.commandCalls(ListTaskDefinitionsCommand)).toHaveLength(1);

    release();
    const full = await registry.listImages('us-east-1', 'web');
    expect(full.usage).toMatchObject({ complete: true, taskDefinitionsScanned: 2 });
    expect(full.images[1]?.usedBy.map((use) => use.kind)).toEqual(['task-definition', 'task']);
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(2);
  });

  it('keeps the built answer while the reads behind it stay the same', async () => {
    fleet();
    const registry = service(5_000);

    const first = await registry.listImages('us-east-1', 'web');
    const second = await registry.listImages('us-east-1', 'web');

    expect(second).toBe(first);
    expect(ecsMock.commandCalls(DescribeTaskDefinitionCommand)).toHaveLength(1);
  });

  it('never calls an image unused before the running tasks are read', async () => {
    fleet();
    ecsMock.on(ListTasksCommand).callsFake(() => new Promise(() => {}));
    const registry = service(0, 20);

    const answer = await registry.listImages('us-east-1', 'web');

    expect(answer.usage).toMatchObject({ complete: false, runningTasksKnown: false });
    expect(answer.images.some((image) => image.notUsed)).toBe(false);
  });

  it('skips a revision deleted between its listing and its description', async () => {
    fleet();
    ecsMock.on(ListTaskDefinitionsCommand).resolves({
      taskDefinitionArns: [
        'arn:aws:ecs:us-east-1:1:task-definition/web:3',
        'arn:aws:ecs:us-east-1:1:task-definition/web:4',
      ],
    });
    ecsMock
      .on(DescribeTaskDefinitionCommand, {
        taskDefinition: 'arn:aws:ecs:us-east-1:1:task-definition/web:3',
      })
      .rejects(
        Object.assign(new Error('Unable to describe task definition.'), {
          name: 'ClientException',
        }),
      );

    const { images } = await service().listImages('us-east-1', 'web');

    expect(images[0]?.usedBy).toContainEqual(
      expect.objectContaining({ kind: 'task-definition', revision: 4 }),
    );
  });

  it('is a 404 for a repository that does not exist', async () => {
    fleet();
    ecrMock.on(DescribeRepositoriesCommand).rejects(awsError('RepositoryNotFoundException'));
    ecrMock.on(DescribeImagesCommand).rejects(awsError('RepositoryNotFoundException'));
    await expect(service().listImages('us-east-1', 'nope')).rejects.toMatchObject({ status: 404 });
  });
});

describe('registry service: findings and push commands', () => {
  it('filters findings by severity; NOT_SCANNED without a scan; 404 for an unknown image', async () => {
    ecrMock
      .on(DescribeImageScanFindingsCommand, { imageId: { imageDigest: NEW } })
      .resolves({
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindings: {
          findingSeverityCounts: { HIGH: 1, LOW: 1 },
          findings: [
            { name: 'CVE-A', severity: 'HIGH' },
            { name: 'CVE-B', severity: 'LOW' },
          ],
        },
      })
      .on(DescribeImageScanFindingsCommand, { imageId: { imageDigest: OLD } })
      .rejects(awsError('ScanNotFoundException'));
    const registry = service();

    const high = await registry.getScanFindings('us-east-1', 'web', NEW, ['HIGH']);
    expect(high.findings.map((finding) => finding.name)).toEqual(['CVE-A']);
    expect(high.counts).toMatchObject({ high: 1, low: 1 });
    expect((await registry.getScanFindings('us-east-1', 'web', OLD)).scanStatus).toBe(
      'NOT_SCANNED',
    );

    ecrMock.on(DescribeImageScanFindingsCommand).rejects(awsError('ImageNotFoundException'));
    await expect(
      registry.getScanFindings('us-east-1', 'web', `sha256:${'9'.repeat(64)}`),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('builds push commands from the repository URI', async () => {
    ecrMock.on(DescribeRepositoriesCommand).resolves({ repositories: [repository('team/web')] });
    const answer = await service().getPushCommands('us-east-1', 'team/web', 'v2');
    expect(answer.commands.docker.push).toBe(
      `docker push ${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/team/web:v2`,
    );
    expect(answer.accountId).toBe(ACCOUNT);
  });
});
