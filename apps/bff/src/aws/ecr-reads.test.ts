import {
  BatchGetImageCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  ListImagesCommand,
  type ImageIdentifier,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockedAwsLayer } from '../testing/mocked-aws.js';

const ecrMock = mockClient(ECRClient);
const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;
const awsError = (name: string, message = name) => Object.assign(new Error(message), { name });

function reads(ttlMs = 0) {
  return mockedAwsLayer(ttlMs).ecr;
}

beforeEach(() => ecrMock.reset());
afterEach(() => ecrMock.reset());

describe('EcrReads pagination', () => {
  it('lists repositories to the last page at 1000 per page', async () => {
    const repo = (n: number) => ({ repositoryName: `r${n}` });
    ecrMock
      .on(DescribeRepositoriesCommand, { nextToken: undefined })
      .resolves({ repositories: Array.from({ length: 1000 }, (_, i) => repo(i)), nextToken: 'p2' })
      .on(DescribeRepositoriesCommand, { nextToken: 'p2' })
      .resolves({ repositories: [repo(1000), repo(1001)] });

    const { value } = await reads().repositories('us-east-1');

    expect(value).toHaveLength(1002);
    const calls = ecrMock.commandCalls(DescribeRepositoriesCommand);
    expect(calls.map((call) => call.args[0].input)).toEqual([
      { maxResults: 1000, nextToken: undefined },
      { maxResults: 1000, nextToken: 'p2' },
    ]);
  });

  it('lists images (DescribeImages) and image ids (ListImages) to the end at 1000', async () => {
    ecrMock
      .on(DescribeImagesCommand, { nextToken: undefined })
      .resolves({ imageDetails: [{ imageDigest: digest(1) }], nextToken: 'd2' })
      .on(DescribeImagesCommand, { nextToken: 'd2' })
      .resolves({ imageDetails: [{ imageDigest: digest(2) }], nextToken: 'd3' })
      .on(DescribeImagesCommand, { nextToken: 'd3' })
      .resolves({ imageDetails: [{ imageDigest: digest(3) }] });
    ecrMock
      .on(ListImagesCommand, { nextToken: undefined })
      .resolves({ imageIds: [{ imageDigest: digest(1), imageTag: 'a' }], nextToken: 'l2' })
      .on(ListImagesCommand, { nextToken: 'l2' })
      .resolves({ imageIds: [{ imageDigest: digest(2) }] });

    const ecr = reads();
    const images = await ecr.images('us-east-1', 'team/web');
    const ids = await ecr.imageIds('us-east-1', 'team/web');

    expect(images.value.map((image) => image.imageDigest)).toEqual([
      digest(1),
      digest(2),
      digest(3),
    ]);
    expect(ids.value).toHaveLength(2);
    for (const call of [
      ...ecrMock.commandCalls(DescribeImagesCommand),
      ...ecrMock.commandCalls(ListImagesCommand),
    ]) {
      expect(call.args[0].input).toMatchObject({ repositoryName: 'team/web', maxResults: 1000 });
    }
    expect(ecrMock.commandCalls(DescribeImagesCommand)).toHaveLength(3);
  });

  it('reads manifests in batches of at most 100 ids', async () => {
    ecrMock.on(BatchGetImageCommand).callsFake((input: { imageIds: ImageIdentifier[] }) => ({
      images: input.imageIds.map((imageId) => ({ imageId, imageManifest: '{}' })),
    }));
    const ids = Array.from({ length: 250 }, (_, i) => ({ imageDigest: digest(i) }));

    const images = await reads().manifests('us-east-1', 'web', ids);

    expect(images).toHaveLength(250);
    const batches = ecrMock.commandCalls(BatchGetImageCommand).map((call) => call.args[0].input);
    expect(batches.map((input) => input.imageIds?.length)).toEqual([100, 100, 50]);
    expect(batches[0]?.acceptedMediaTypes).toContain('application/vnd.oci.image.index.v1+json');
  });
});

describe('EcrReads scan findings', () => {
  it('merges every page of basic and enhanced findings, asking for 1000 at a time', async () => {
    ecrMock
      .on(DescribeImageScanFindingsCommand, { nextToken: undefined })
      .resolves({
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindings: {
          imageScanCompletedAt: new Date('2026-11-20T09:31:10Z'),
          findingSeverityCounts: { HIGH: 2, CRITICAL: 1 },
          findings: [{ name: 'CVE-1', severity: 'HIGH' }],
          enhancedFindings: [{ title: 'CVE-3', severity: 'CRITICAL' }],
        },
        nextToken: 'f2',
      })
      .on(DescribeImageScanFindingsCommand, { nextToken: 'f2' })
      .resolves({
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindings: { findings: [{ name: 'CVE-2', severity: 'HIGH' }] },
      });

    const { value } = await reads().scanFindings('us-east-1', 'web', digest(7));

    expect(value).toMatchObject({
      status: 'COMPLETE',
      completedAt: new Date('2026-11-20T09:31:10Z'),
      counts: { HIGH: 2, CRITICAL: 1 },
    });
    expect(value?.findings.map((finding) => finding.name)).toEqual(['CVE-1', 'CVE-2']);
    expect(value?.enhancedFindings).toHaveLength(1);
    const calls = ecrMock.commandCalls(DescribeImageScanFindingsCommand);
    expect(calls.map((call) => call.args[0].input)).toEqual([
      {
        repositoryName: 'web',
        imageId: { imageDigest: digest(7) },
        maxResults: 1000,
        nextToken: undefined,
      },
      {
        repositoryName: 'web',
        imageId: { imageDigest: digest(7) },
        maxResults: 1000,
        nextToken: 'f2',
      },
    ]);
  });

  it('answers undefined for an image never scanned, 404 for an unknown image', async () => {
    ecrMock
      .on(DescribeImageScanFindingsCommand, { imageId: { imageDigest: digest(1) } })
      .rejects(awsError('ScanNotFoundException'))
      .on(DescribeImageScanFindingsCommand, { imageId: { imageDigest: digest(2) } })
      .rejects(awsError('ImageNotFoundException', 'The image with imageId … does not exist'));
    const ecr = reads();

    expect((await ecr.scanFindings('us-east-1', 'web', digest(1))).value).toBeUndefined();
    const error = await ecr.scanFindings('us-east-1', 'web', digest(2)).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('EcrReads policies and single repository', () => {
  it('answers null for absent policies and their text otherwise', async () => {
    ecrMock
      .on(GetRepositoryPolicyCommand, { repositoryName: 'open' })
      .resolves({ policyText: '{"Version":"2012-10-17","Statement":[]}' })
      .on(GetRepositoryPolicyCommand, { repositoryName: 'closed' })
      .rejects(awsError('RepositoryPolicyNotFoundException'));
    ecrMock
      .on(GetLifecyclePolicyCommand, { repositoryName: 'open' })
      .rejects(awsError('LifecyclePolicyNotFoundException'))
      .on(GetLifecyclePolicyCommand, { repositoryName: 'closed' })
      .resolves({ lifecyclePolicyText: '{"rules":[]}' });
    const ecr = reads();

    expect((await ecr.repositoryPolicy('us-east-1', 'open')).value).toContain('2012-10-17');
    expect((await ecr.repositoryPolicy('us-east-1', 'closed')).value).toBeNull();
    expect((await ecr.lifecyclePolicy('us-east-1', 'open')).value).toBeNull();
    expect((await ecr.lifecyclePolicy('us-east-1', 'closed')).value).toEqual({
      text: '{"rules":[]}',
    });
  });

  it('turns a missing repository into a 404 for one repository and its policies', async () => {
    const missing = awsError('RepositoryNotFoundException', "The repository 'nope' does not exist");
    ecrMock.on(DescribeRepositoriesCommand).rejects(missing);
    ecrMock.on(GetRepositoryPolicyCommand).rejects(missing);
    const ecr = reads();

    for (const read of [
      ecr.repository('us-east-1', 'nope'),
      ecr.repositoryPolicy('us-east-1', 'nope'),
    ]) {
      await expect(read).rejects.toMatchObject({ status: 404, code: 'not_found' });
    }
    expect(ecrMock.commandCalls(DescribeRepositoriesCommand)[0]?.args[0].input).toEqual({
      repositoryNames: ['nope'],
    });
  });
});
