import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliErrorCode, hasAwsCliV2 } from '../../testing/aws-cli.js';
import { digestOf, startEcr, testManifest } from '../../testing/ecr-fixtures.js';

const SLOW = 120_000;
const ACCOUNT = '000000000000';
const DOCKER_V2 = 'application/vnd.docker.distribution.manifest.v2+json';

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

describe.skipIf(!hasAwsCliV2())('ECR images (AWS CLI v2)', () => {
  it(
    'pushes, lists, describes and fetches images',
    async () => {
      const { ecr } = kit;
      await ecr('create-repository', '--repository-name', 'shop');
      const a = testManifest('shop-a', [40_000_000, 2_500_000]);
      const b = testManifest('shop-b');
      const pushed = await ecr(
        'put-image',
        '--repository-name',
        'shop',
        '--image-tag',
        'v1',
        '--image-manifest',
        a,
      );
      expect(pushed.image).toEqual({
        registryId: ACCOUNT,
        repositoryName: 'shop',
        imageId: { imageDigest: digestOf(a), imageTag: 'v1' },
        imageManifest: a,
        imageManifestMediaType: DOCKER_V2,
      });
      await ecr(
        'put-image',
        '--repository-name',
        'shop',
        '--image-tag',
        'stable',
        '--image-manifest',
        a,
      );
      await ecr('put-image', '--repository-name', 'shop', '--image-manifest', b);

      const listed = await ecr('list-images', '--repository-name', 'shop');
      expect(listed.imageIds).toHaveLength(3);
      expect(listed.imageIds).toEqual(
        expect.arrayContaining([
          { imageDigest: digestOf(a), imageTag: 'v1' },
          { imageDigest: digestOf(a), imageTag: 'stable' },
          { imageDigest: digestOf(b) },
        ]),
      );
      const untagged = await ecr(
        'list-images',
        '--repository-name',
        'shop',
        '--filter',
        'tagStatus=UNTAGGED',
      );
      expect(untagged.imageIds).toEqual([{ imageDigest: digestOf(b) }]);
      const tagged = await ecr(
        'list-images',
        '--repository-name',
        'shop',
        '--filter',
        'tagStatus=TAGGED',
      );
      expect(tagged.imageIds).toHaveLength(2);

      const described = details(
        (await ecr('describe-images', '--repository-name', 'shop')).imageDetails,
      );
      const detailA = described.find((d) => d.imageDigest === digestOf(a));
      expect(detailA).toMatchObject({
        registryId: ACCOUNT,
        repositoryName: 'shop',
        imageTags: ['v1', 'stable'],
        imageSizeInBytes: 42_500_000,
        imageManifestMediaType: DOCKER_V2,
        artifactMediaType: 'application/vnd.docker.container.image.v1+json',
      });
      expect(Number.isNaN(Date.parse(detailA?.imagePushedAt ?? ''))).toBe(false);
      expect(detailA?.lastRecordedPullTime).toBeUndefined();
      const detailB = described.find((d) => d.imageDigest === digestOf(b));
      expect(detailB).toBeDefined();
      expect(detailB).not.toHaveProperty('imageTags');

      const fetched = await ecr(
        'batch-get-image',
        '--repository-name',
        'shop',
        '--image-ids',
        'imageTag=v1',
        `imageDigest=${digestOf(b)}`,
        'imageTag=nope',
        `imageDigest=${digestOf(a)},imageTag=nope`,
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
      const pulled = details(
        (await ecr('describe-images', '--repository-name', 'shop', '--image-ids', 'imageTag=v1'))
          .imageDetails,
      );
      expect(pulled).toHaveLength(1);
      expect(Number.isNaN(Date.parse(pulled[0]?.lastRecordedPullTime ?? ''))).toBe(false);
    },
    SLOW,
  );

  it(
    'refuses DescribeImages with both imageIds and maxResults, and unknown images',
    async () => {
      const { ecr, ecrResult } = kit;
      await ecr('create-repository', '--repository-name', 'strict-describe');
      await push('strict-describe', testManifest('strict-describe'), 'v1');
      const both = await ecrResult(
        'describe-images',
        '--repository-name',
        'strict-describe',
        '--image-ids',
        'imageTag=v1',
        '--page-size',
        '5',
      );
      expect(cliErrorCode(both)).toBe('InvalidParameterException');
      const missing = await ecrResult(
        'describe-images',
        '--repository-name',
        'strict-describe',
        '--image-ids',
        'imageTag=ghost',
      );
      expect(cliErrorCode(missing)).toBe('ImageNotFoundException');
    },
    SLOW,
  );

  it(
    'pages ListImages and DescribeImages to the end',
    async () => {
      const { ecr } = kit;
      await ecr('create-repository', '--repository-name', 'many');
      const manifests = Array.from({ length: 27 }, (_, i) => testManifest(`many-${i}`));
      for (const [i, manifest] of manifests.entries())
        await push('many', manifest, i % 3 === 0 ? undefined : `t${i}`);
      const listed = await ecr('list-images', '--repository-name', 'many', '--page-size', '10');
      expect(listed.imageIds).toHaveLength(27);
      const described = await ecr(
        'describe-images',
        '--repository-name',
        'many',
        '--page-size',
        '4',
      );
      expect(new Set(details(described.imageDetails).map((d) => d.imageDigest))).toEqual(
        new Set(manifests.map(digestOf)),
      );
    },
    SLOW,
  );
});
