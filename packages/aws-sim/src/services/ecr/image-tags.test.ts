import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliErrorCode, hasAwsCliV2 } from '../../testing/aws-cli.js';
import { digestOf, startEcr, testManifest } from '../../testing/ecr-fixtures.js';

const SLOW = 120_000;

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('empty');
});
afterAll(() => kit.simulator.stop());

interface Detail {
  imageDigest: string;
  imageTags?: string[];
  imageSizeInBytes: number;
  imagePushedAt: string;
  lastRecordedPullTime?: string;
}
const details = (value: unknown) => value as Detail[];
const push = (repositoryName: string, manifest: string, imageTag?: string) =>
  kit.raw('PutImage', { repositoryName, imageManifest: manifest, imageTag });

describe.skipIf(!hasAwsCliV2())('ECR image tags (AWS CLI v2)', () => {
  it(
    'moves a mutable tag to a new digest and leaves the old image untagged',
    async () => {
      const { ecr } = kit;
      await ecr('create-repository', '--repository-name', 'moving');
      const old = testManifest('moving-old');
      const next = testManifest('moving-new');
      await ecr(
        'put-image',
        '--repository-name',
        'moving',
        '--image-tag',
        'latest',
        '--image-manifest',
        old,
      );
      await ecr(
        'put-image',
        '--repository-name',
        'moving',
        '--image-tag',
        'latest',
        '--image-manifest',
        next,
      );
      const latest = details(
        (
          await ecr(
            'describe-images',
            '--repository-name',
            'moving',
            '--image-ids',
            'imageTag=latest',
          )
        ).imageDetails,
      );
      expect(latest.map((d) => d.imageDigest)).toEqual([digestOf(next)]);
      const untagged = await ecr(
        'list-images',
        '--repository-name',
        'moving',
        '--filter',
        'tagStatus=UNTAGGED',
      );
      expect(untagged.imageIds).toEqual([{ imageDigest: digestOf(old) }]);
    },
    SLOW,
  );

  it(
    'refuses to move a tag in an immutable repository',
    async () => {
      const { ecr, ecrResult } = kit;
      await ecr(
        'create-repository',
        '--repository-name',
        'locked',
        '--image-tag-mutability',
        'IMMUTABLE',
      );
      await ecr(
        'put-image',
        '--repository-name',
        'locked',
        '--image-tag',
        '1.0',
        '--image-manifest',
        testManifest('locked-1'),
      );
      const refused = await ecrResult(
        'put-image',
        '--repository-name',
        'locked',
        '--image-tag',
        '1.0',
        '--image-manifest',
        testManifest('locked-2'),
      );
      expect(cliErrorCode(refused)).toBe('ImageTagAlreadyExistsException');
      expect(refused.stderr).toContain(
        "The image tag '1.0' already exists in the 'locked' repository and cannot be overwritten because the tag is immutable.",
      );
      const listed = await ecr('list-images', '--repository-name', 'locked');
      expect(listed.imageIds).toEqual([
        { imageDigest: digestOf(testManifest('locked-1')), imageTag: '1.0' },
      ]);
    },
    SLOW,
  );

  it(
    'deletes by tag, by digest, and reports what it could not find',
    async () => {
      const { ecr } = kit;
      await ecr('create-repository', '--repository-name', 'prune');
      const a = testManifest('prune-a');
      const b = testManifest('prune-b');
      await push('prune', a, 'one');
      await push('prune', a, 'two');
      await push('prune', b, 'three');
      await push('prune', b, 'four');

      const byTag = await ecr(
        'batch-delete-image',
        '--repository-name',
        'prune',
        '--image-ids',
        'imageTag=one',
      );
      expect(byTag).toEqual({
        imageIds: [{ imageDigest: digestOf(a), imageTag: 'one' }],
        failures: [],
      });
      const lastTag = await ecr(
        'batch-delete-image',
        '--repository-name',
        'prune',
        '--image-ids',
        'imageTag=two',
        `imageDigest=${digestOf(b)}`,
        'imageTag=ghost',
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
      expect((await ecr('list-images', '--repository-name', 'prune')).imageIds).toEqual([]);
    },
    SLOW,
  );
});
