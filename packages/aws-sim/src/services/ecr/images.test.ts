// ECR images with the real SDK over HTTP (the AWS CLI's check is ecr-cli.test.ts).
import {
  BatchGetImageCommand,
  CreateRepositoryCommand,
  DescribeImagesCommand,
  ListImagesCommand,
  paginateDescribeImages,
  paginateListImages,
  PutImageCommand,
  type ImageDetail,
  type ImageIdentifier,
} from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf, ecrError, startEcr, testManifest } from '../../testing/ecr-fixtures.js';

const ACCOUNT = '000000000000';
const DOCKER_V2 = 'application/vnd.docker.distribution.manifest.v2+json';

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('empty');
});
afterAll(() => kit.stop());

const push = (repositoryName: string, manifest: string, imageTag?: string) =>
  kit.raw('PutImage', { repositoryName, imageManifest: manifest, imageTag });

describe('ECR images (SDK)', () => {
  it('pushes, lists, describes and fetches images', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'shop' }));
    const a = testManifest('shop-a', [40_000_000, 2_500_000]);
    const b = testManifest('shop-b');
    const pushed = await client.send(
      new PutImageCommand({ repositoryName: 'shop', imageTag: 'v1', imageManifest: a }),
    );
    expect(pushed.image).toEqual({
      registryId: ACCOUNT,
      repositoryName: 'shop',
      imageId: { imageDigest: digestOf(a), imageTag: 'v1' },
      imageManifest: a,
      imageManifestMediaType: DOCKER_V2,
    });
    await client.send(
      new PutImageCommand({ repositoryName: 'shop', imageTag: 'stable', imageManifest: a }),
    );
    await client.send(new PutImageCommand({ repositoryName: 'shop', imageManifest: b }));

    const listed = await client.send(new ListImagesCommand({ repositoryName: 'shop' }));
    expect(listed.imageIds).toHaveLength(3);
    expect(listed.imageIds).toEqual(
      expect.arrayContaining([
        { imageDigest: digestOf(a), imageTag: 'v1' },
        { imageDigest: digestOf(a), imageTag: 'stable' },
        { imageDigest: digestOf(b) },
      ]),
    );
    const untagged = await client.send(
      new ListImagesCommand({ repositoryName: 'shop', filter: { tagStatus: 'UNTAGGED' } }),
    );
    expect(untagged.imageIds).toEqual([{ imageDigest: digestOf(b) }]);
    const tagged = await client.send(
      new ListImagesCommand({ repositoryName: 'shop', filter: { tagStatus: 'TAGGED' } }),
    );
    expect(tagged.imageIds).toHaveLength(2);

    const described: ImageDetail[] =
      (await client.send(new DescribeImagesCommand({ repositoryName: 'shop' }))).imageDetails ?? [];
    const detailA = described.find((d) => d.imageDigest === digestOf(a));
    expect(detailA).toMatchObject({
      registryId: ACCOUNT,
      repositoryName: 'shop',
      imageTags: ['v1', 'stable'],
      imageSizeInBytes: 42_500_000,
      imageManifestMediaType: DOCKER_V2,
      artifactMediaType: 'application/vnd.docker.container.image.v1+json',
    });
    expect(detailA?.imagePushedAt).toBeInstanceOf(Date);
    expect(Number.isNaN(detailA?.imagePushedAt?.getTime())).toBe(false);
    expect(detailA?.lastRecordedPullTime).toBeUndefined();
    const detailB = described.find((d) => d.imageDigest === digestOf(b));
    expect(detailB).toBeDefined();
    expect(detailB).not.toHaveProperty('imageTags');

    const fetched = await client.send(
      new BatchGetImageCommand({
        repositoryName: 'shop',
        imageIds: [
          { imageTag: 'v1' },
          { imageDigest: digestOf(b) },
          { imageTag: 'nope' },
          { imageDigest: digestOf(a), imageTag: 'nope' },
        ],
      }),
    );
    expect(fetched.images).toEqual([
      {
        registryId: ACCOUNT,
        repositoryName: 'shop',
        imageId: { imageDigest: digestOf(a), imageTag: 'v1' },
        imageManifest: a,
        imageManifestMediaType: DOCKER_V2,
      },
      {
        registryId: ACCOUNT,
        repositoryName: 'shop',
        imageId: { imageDigest: digestOf(b) },
        imageManifest: b,
        imageManifestMediaType: DOCKER_V2,
      },
    ]);
    expect(fetched.failures).toEqual([
      {
        imageId: { imageTag: 'nope' },
        failureCode: 'ImageNotFound',
        failureReason: 'Requested image not found',
      },
      {
        imageId: { imageDigest: digestOf(a), imageTag: 'nope' },
        failureCode: 'ImageTagDoesNotMatchDigest',
        failureReason: expect.any(String) as string,
      },
    ]);
    // A manifest fetch is a pull: ECR records it.
    const pulled =
      (
        await client.send(
          new DescribeImagesCommand({ repositoryName: 'shop', imageIds: [{ imageTag: 'v1' }] }),
        )
      ).imageDetails ?? [];
    expect(pulled).toHaveLength(1);
    expect(pulled[0]?.lastRecordedPullTime).toBeInstanceOf(Date);
    expect(Number.isNaN(pulled[0]?.lastRecordedPullTime?.getTime())).toBe(false);
  });

  it('refuses DescribeImages with both imageIds and maxResults, and unknown images', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'strict-describe' }));
    await push('strict-describe', testManifest('strict-describe'), 'v1');
    const both = await ecrError(
      client.send(
        new DescribeImagesCommand({
          repositoryName: 'strict-describe',
          imageIds: [{ imageTag: 'v1' }],
          maxResults: 5,
        }),
      ),
    );
    expect(both.name).toBe('InvalidParameterException');
    const missing = await ecrError(
      client.send(
        new DescribeImagesCommand({
          repositoryName: 'strict-describe',
          imageIds: [{ imageTag: 'ghost' }],
        }),
      ),
    );
    expect(missing.name).toBe('ImageNotFoundException');
  });

  it('pages ListImages and DescribeImages to the end', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'many' }));
    const manifests = Array.from({ length: 27 }, (_, i) => testManifest(`many-${i}`));
    for (const [i, manifest] of manifests.entries())
      await push('many', manifest, i % 3 === 0 ? undefined : `t${i}`);
    const listed: ImageIdentifier[] = [];
    const listPages: number[] = [];
    for await (const page of paginateListImages(
      { client, pageSize: 10 },
      { repositoryName: 'many' },
    )) {
      listed.push(...(page.imageIds ?? []));
      listPages.push(page.imageIds?.length ?? 0);
    }
    expect(listed).toHaveLength(27);
    expect(listPages).toEqual([10, 10, 7]);
    const described: ImageDetail[] = [];
    for await (const page of paginateDescribeImages(
      { client, pageSize: 4 },
      { repositoryName: 'many' },
    )) {
      expect(page.imageDetails?.length).toBeLessThanOrEqual(4);
      described.push(...(page.imageDetails ?? []));
    }
    expect(described).toHaveLength(27);
    expect(new Set(described.map((d) => d.imageDigest))).toEqual(new Set(manifests.map(digestOf)));
  });
});
