import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf, startEcr, testManifest } from '../../testing/ecr-fixtures.js';

const ACCOUNT = '000000000000';

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('empty');
});
afterAll(() => kit.simulator.stop());

const push = (repositoryName: string, manifest: string, imageTag?: string) =>
  kit.raw('PutImage', { repositoryName, imageManifest: manifest, imageTag });

describe('ECR image errors on the wire', () => {
  beforeAll(async () => {
    await kit.raw('CreateRepository', { repositoryName: 'wire' });
    await kit.raw('CreateRepository', {
      repositoryName: 'wire-exclusions',
      imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION',
      imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest*' }],
    });
  });

  it('refuses DescribeImages naming images and paging at once', async () => {
    await push('wire', testManifest('wire-1'), 'v1');
    const both = await kit.raw('DescribeImages', {
      repositoryName: 'wire',
      imageIds: [{ imageTag: 'v1' }],
      maxResults: 10,
    });
    expect(both.status).toBe(400);
    expect(both.body.__type).toBe('InvalidParameterException');
    const alone = await kit.raw('DescribeImages', {
      repositoryName: 'wire',
      imageIds: [{ imageTag: 'v1' }],
    });
    expect(alone.status).toBe(200);
  });

  it('words ImageNotFoundException as AWS does', async () => {
    const missing = await kit.raw('DescribeImages', {
      repositoryName: 'wire',
      imageIds: [{ imageTag: 'ghost' }],
    });
    expect(missing.headers.get('x-amzn-errortype')).toBe('ImageNotFoundException');
    expect(missing.body.message).toBe(
      `The image with imageId {imageDigest:'null', imageTag:'ghost'} does not exist within the repository with name 'wire' in the registry with id '${ACCOUNT}'`,
    );
  });

  it('refuses duplicate pushes, wrong digests and broken manifests', async () => {
    const manifest = testManifest('wire-dup');
    expect((await push('wire', manifest, 'dup')).status).toBe(200);
    expect((await push('wire', manifest, 'dup')).body.__type).toBe('ImageAlreadyExistsException');
    expect((await push('wire', manifest)).body.__type).toBe('ImageAlreadyExistsException');
    const wrongDigest = await kit.raw('PutImage', {
      repositoryName: 'wire',
      imageManifest: testManifest('wire-other'),
      imageDigest: digestOf(manifest),
    });
    expect(wrongDigest.body.__type).toBe('ImageDigestDoesNotMatchException');
    expect((await push('wire', '{not json', 'x')).body.__type).toBe('InvalidParameterException');
    const mismatch = await kit.raw('PutImage', {
      repositoryName: 'wire',
      imageManifest: testManifest('wire-media'),
      imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
    });
    expect(mismatch.body.__type).toBe('InvalidParameterException');
  });

  it('moves only the tags a *_WITH_EXCLUSION repository exempts', async () => {
    expect((await push('wire-exclusions', testManifest('ex-1'), 'latest')).status).toBe(200);
    expect((await push('wire-exclusions', testManifest('ex-2'), 'latest')).status).toBe(200);
    expect((await push('wire-exclusions', testManifest('ex-1'), 'v1')).status).toBe(200);
    const refused = await push('wire-exclusions', testManifest('ex-2'), 'v1');
    expect(refused.body.__type).toBe('ImageTagAlreadyExistsException');
  });

  it('caps batches at 100 ids and needs a tag or digest in each', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => ({ imageTag: `t${i}` }));
    const tooMany = await kit.raw('BatchGetImage', { repositoryName: 'wire', imageIds: ids });
    expect(tooMany.body).toEqual({
      __type: 'InvalidParameterException',
      message:
        "Invalid parameter at 'imageIds' failed to satisfy constraint: 'Member must have length less than or equal to 100'",
    });
    const empty = await kit.raw('BatchDeleteImage', { repositoryName: 'wire', imageIds: [{}] });
    expect(empty.body.failures).toEqual([
      {
        imageId: {},
        failureCode: 'MissingDigestAndTag',
        failureReason: 'Invalid request parameters: both tag and digest cannot be null',
      },
    ]);
  });

  it('pages raw ListImages with nextToken and caps maxResults at 1000', async () => {
    for (let i = 0; i < 7; i += 1) await push('wire', testManifest(`wire-page-${i}`), `p${i}`);
    const seen: string[] = [];
    let nextToken: unknown;
    do {
      const page = await kit.raw('ListImages', {
        repositoryName: 'wire',
        maxResults: 3,
        nextToken,
      });
      const ids = page.body.imageIds as { imageTag?: string }[];
      expect(ids.length).toBeLessThanOrEqual(3);
      seen.push(...ids.map((id) => id.imageTag ?? ''));
      nextToken = page.body.nextToken;
    } while (nextToken);
    expect(seen.filter((tag) => tag.startsWith('p')).sort()).toEqual([
      'p0',
      'p1',
      'p2',
      'p3',
      'p4',
      'p5',
      'p6',
    ]);
    const tooMany = await kit.raw('ListImages', { repositoryName: 'wire', maxResults: 1001 });
    expect(tooMany.body.__type).toBe('InvalidParameterException');
    const badFilter = await kit.raw('ListImages', {
      repositoryName: 'wire',
      filter: { tagStatus: 'SOME' },
    });
    expect(badFilter.body.__type).toBe('InvalidParameterException');
  });
});
