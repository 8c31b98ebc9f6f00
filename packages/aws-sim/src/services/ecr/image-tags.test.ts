// ECR image tags with the real SDK over HTTP (the AWS CLI's check is ecr-cli.test.ts).
import {
  BatchDeleteImageCommand,
  CreateRepositoryCommand,
  DescribeImagesCommand,
  ListImagesCommand,
  PutImageCommand,
} from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf, ecrError, startEcr, testManifest, wire } from '../../testing/ecr-fixtures.js';

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('empty');
});
afterAll(() => kit.stop());

const push = (repositoryName: string, manifest: string, imageTag?: string) =>
  kit.raw('PutImage', { repositoryName, imageManifest: manifest, imageTag });

describe('ECR image tags (SDK)', () => {
  it('moves a mutable tag to a new digest and leaves the old image untagged', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'moving' }));
    const old = testManifest('moving-old');
    const next = testManifest('moving-new');
    await client.send(
      new PutImageCommand({ repositoryName: 'moving', imageTag: 'latest', imageManifest: old }),
    );
    await client.send(
      new PutImageCommand({ repositoryName: 'moving', imageTag: 'latest', imageManifest: next }),
    );
    const latest =
      (
        await client.send(
          new DescribeImagesCommand({
            repositoryName: 'moving',
            imageIds: [{ imageTag: 'latest' }],
          }),
        )
      ).imageDetails ?? [];
    expect(latest.map((d) => d.imageDigest)).toEqual([digestOf(next)]);
    const untagged = await client.send(
      new ListImagesCommand({ repositoryName: 'moving', filter: { tagStatus: 'UNTAGGED' } }),
    );
    expect(untagged.imageIds).toEqual([{ imageDigest: digestOf(old) }]);
  });

  it('refuses to move a tag in an immutable repository', async () => {
    const { client } = kit;
    await client.send(
      new CreateRepositoryCommand({ repositoryName: 'locked', imageTagMutability: 'IMMUTABLE' }),
    );
    await client.send(
      new PutImageCommand({
        repositoryName: 'locked',
        imageTag: '1.0',
        imageManifest: testManifest('locked-1'),
      }),
    );
    const refused = await ecrError(
      client.send(
        new PutImageCommand({
          repositoryName: 'locked',
          imageTag: '1.0',
          imageManifest: testManifest('locked-2'),
        }),
      ),
    );
    expect(refused.name).toBe('ImageTagAlreadyExistsException');
    expect(refused.message).toContain(
      "The image tag '1.0' already exists in the 'locked' repository and cannot be overwritten because the tag is immutable.",
    );
    const listed = await client.send(new ListImagesCommand({ repositoryName: 'locked' }));
    expect(listed.imageIds).toEqual([
      { imageDigest: digestOf(testManifest('locked-1')), imageTag: '1.0' },
    ]);
  });

  it('deletes by tag, by digest, and reports what it could not find', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'prune' }));
    const a = testManifest('prune-a');
    const b = testManifest('prune-b');
    await push('prune', a, 'one');
    await push('prune', a, 'two');
    await push('prune', b, 'three');
    await push('prune', b, 'four');

    const byTag = await client.send(
      new BatchDeleteImageCommand({ repositoryName: 'prune', imageIds: [{ imageTag: 'one' }] }),
    );
    expect(wire(byTag)).toEqual({
      imageIds: [{ imageDigest: digestOf(a), imageTag: 'one' }],
      failures: [],
    });
    const lastTag = await client.send(
      new BatchDeleteImageCommand({
        repositoryName: 'prune',
        imageIds: [{ imageTag: 'two' }, { imageDigest: digestOf(b) }, { imageTag: 'ghost' }],
      }),
    );
    expect(lastTag.imageIds).toEqual([
      { imageDigest: digestOf(a), imageTag: 'two' },
      { imageDigest: digestOf(b), imageTag: 'three' },
      { imageDigest: digestOf(b), imageTag: 'four' },
    ]);
    expect(lastTag.failures).toEqual([
      {
        imageId: { imageTag: 'ghost' },
        failureCode: 'ImageNotFound',
        failureReason: 'Requested image not found',
      },
    ]);
    // Losing its last tag deleted image a; deleting b by digest took it whole.
    expect(
      (await client.send(new ListImagesCommand({ repositoryName: 'prune' }))).imageIds,
    ).toEqual([]);
  });
});
