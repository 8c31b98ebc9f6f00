// ECR basic scanning with the real SDK over HTTP (the AWS CLI's check is ecr-cli.test.ts), and
// the error shapes on the wire.
import {
  CreateRepositoryCommand,
  DescribeImageScanFindingsCommand,
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  GetAuthorizationTokenCommand,
  paginateDescribeImageScanFindings,
  StartImageScanCommand,
  type ImageScanFinding,
} from '@aws-sdk/client-ecr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestOf, ecrError, startEcr, testManifest } from '../../testing/ecr-fixtures.js';
import { SCAN_DURATION_MS } from './scans.js';

const ACCOUNT = '000000000000';

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('empty');
});
afterAll(() => kit.stop());

/** Moves simulated time past a scan: no waiting on the wall clock. */
function afterScan(): void {
  kit.simulator.clock.advance(SCAN_DURATION_MS * 2);
}

interface Finding {
  name: string;
  severity: string;
  uri: string;
  description: string;
  attributes: { key: string; value: string }[];
}

describe('ECR basic scanning (SDK)', () => {
  it('scans on request: IN_PROGRESS, then COMPLETE with findings that page', async () => {
    const { client } = kit;
    await client.send(new CreateRepositoryCommand({ repositoryName: 'scanme' }));
    const manifest = testManifest('scanme');
    await kit.raw('PutImage', {
      repositoryName: 'scanme',
      imageManifest: manifest,
      imageTag: 'v1',
    });
    const imageId = { imageTag: 'v1' };

    const before = await ecrError(
      client.send(new DescribeImageScanFindingsCommand({ repositoryName: 'scanme', imageId })),
    );
    expect(before.name).toBe('ScanNotFoundException');

    const started = await client.send(
      new StartImageScanCommand({ repositoryName: 'scanme', imageId }),
    );
    expect(started).toMatchObject({
      registryId: ACCOUNT,
      repositoryName: 'scanme',
      imageId: { imageDigest: digestOf(manifest), imageTag: 'v1' },
      imageScanStatus: { status: 'IN_PROGRESS' },
    });
    const again = await ecrError(
      client.send(new StartImageScanCommand({ repositoryName: 'scanme', imageId })),
    );
    expect(again.name).toBe('LimitExceededException');
    const running = await client.send(new DescribeImagesCommand({ repositoryName: 'scanme' }));
    expect(running.imageDetails).toMatchObject([{ imageScanStatus: { status: 'IN_PROGRESS' } }]);
    expect(running.imageDetails).not.toMatchObject([{ imageScanFindingsSummary: {} }]);

    afterScan();
    const done = await client.send(
      new DescribeImageScanFindingsCommand({ repositoryName: 'scanme', imageId }),
    );
    expect(done.imageScanStatus).toEqual({
      status: 'COMPLETE',
      description: 'The scan was completed successfully.',
    });
    const scan = done.imageScanFindings;
    const findings = (scan?.findings ?? []) as Finding[];
    // More than a page of two, so the paging below is exercised.
    expect(findings.length).toBeGreaterThan(2);
    const counted: Record<string, number> = {};
    for (const finding of findings) {
      expect(finding.name).toMatch(/^CVE-\d{4}-\d{4,}$/);
      expect(finding.uri).toContain(finding.name);
      expect(finding.description.length).toBeGreaterThan(20);
      expect(finding.attributes.map((a) => a.key).sort()).toEqual([
        'package_name',
        'package_version',
      ]);
      counted[finding.severity] = (counted[finding.severity] ?? 0) + 1;
    }
    expect(scan?.findingSeverityCounts).toEqual(counted);
    expect(scan?.vulnerabilitySourceUpdatedAt?.getTime()).toBeLessThan(
      scan?.imageScanCompletedAt?.getTime() ?? Number.NaN,
    );

    const summary = await client.send(new DescribeImagesCommand({ repositoryName: 'scanme' }));
    expect(summary.imageDetails).toMatchObject([
      {
        imageScanStatus: { status: 'COMPLETE' },
        imageScanFindingsSummary: { findingSeverityCounts: counted },
      },
    ]);

    // Two findings a page: the paginator follows nextToken; the pages join to the whole.
    const paged: ImageScanFinding[] = [];
    for await (const page of paginateDescribeImageScanFindings(
      { client, pageSize: 2 },
      { repositoryName: 'scanme', imageId },
    )) {
      expect(page.imageScanFindings?.findings?.length).toBeLessThanOrEqual(2);
      paged.push(...(page.imageScanFindings?.findings ?? []));
    }
    expect(paged).toEqual(findings);
  });

  it('scans on push when the repository asks for it', async () => {
    const { client } = kit;
    await client.send(
      new CreateRepositoryCommand({
        repositoryName: 'onpush',
        imageScanningConfiguration: { scanOnPush: true },
      }),
    );
    await kit.raw('PutImage', {
      repositoryName: 'onpush',
      imageManifest: testManifest('onpush'),
      imageTag: 'v1',
    });
    const described = await client.send(new DescribeImagesCommand({ repositoryName: 'onpush' }));
    expect(described.imageDetails).toMatchObject([{ imageScanStatus: { status: 'IN_PROGRESS' } }]);
  });

  it('hands out registry logins: GetAuthorizationToken', async () => {
    const region = 'eu-central-1';
    const token = await kit.ecr(region).send(new GetAuthorizationTokenCommand({}));
    const [data] = token.authorizationData ?? [];
    expect(data?.proxyEndpoint).toBe(`https://${ACCOUNT}.dkr.ecr.${region}.amazonaws.com`);
    const decoded = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8');
    expect(decoded).toMatch(/^AWS:[A-Za-z0-9+/=]{100,}$/);
    // The password (what follows `AWS:`) is an envelope like ECR's.
    const envelope = JSON.parse(
      Buffer.from(decoded.slice('AWS:'.length), 'base64').toString('utf8'),
    ) as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).toEqual([
      'datakey',
      'expiration',
      'payload',
      'type',
      'version',
    ]);
    const lifetime = (data?.expiresAt?.getTime() ?? Number.NaN) - kit.simulator.clock.now();
    expect(Math.abs(lifetime - 12 * 60 * 60 * 1000)).toBeLessThan(60_000);
    expect(await kit.client.send(new DescribeRepositoriesCommand({}))).toBeDefined();
  });
});

describe('ECR scan errors on the wire', () => {
  beforeAll(async () => {
    await kit.raw('CreateRepository', { repositoryName: 'scan-wire' });
    await kit.raw('PutImage', {
      repositoryName: 'scan-wire',
      imageManifest: testManifest('scan-wire'),
      imageTag: 'v1',
    });
  });

  it('words ScanNotFoundException as AWS does', async () => {
    const response = await kit.raw('DescribeImageScanFindings', {
      repositoryName: 'scan-wire',
      imageId: { imageTag: 'v1' },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      __type: 'ScanNotFoundException',
      message: `Image scan does not exist for the image with '{imageDigest:'null', imageTag:'v1'}' in the repository with name 'scan-wire' in the registry with id '${ACCOUNT}'`,
    });
  });

  it('answers scans of missing images and of artifacts that are not images', async () => {
    const missing = await kit.raw('StartImageScan', {
      repositoryName: 'scan-wire',
      imageId: { imageTag: 'ghost' },
    });
    expect(missing.body.__type).toBe('ImageNotFoundException');
    const chart = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.cncf.helm.config.v1+json',
        size: 120,
        digest: `sha256:${'a'.repeat(64)}`,
      },
      layers: [],
    });
    await kit.raw('PutImage', {
      repositoryName: 'scan-wire',
      imageManifest: chart,
      imageTag: 'chart',
    });
    const unsupported = await kit.raw('StartImageScan', {
      repositoryName: 'scan-wire',
      imageId: { imageTag: 'chart' },
    });
    expect(unsupported.body.__type).toBe('UnsupportedImageTypeException');
  });

  it('pages findings with nextToken, worst first, and caps maxResults at 1000', async () => {
    await kit.raw('StartImageScan', { repositoryName: 'scan-wire', imageId: { imageTag: 'v1' } });
    afterScan();
    const all = await kit.raw('DescribeImageScanFindings', {
      repositoryName: 'scan-wire',
      imageId: { imageTag: 'v1' },
    });
    const findings = (all.body.imageScanFindings as { findings: Finding[] }).findings;
    const order = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL', 'UNDEFINED'];
    expect(findings.length).toBeGreaterThan(1);
    const ranks = findings.map((f) => order.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const paged: Finding[] = [];
    let nextToken: unknown;
    do {
      const page = await kit.raw('DescribeImageScanFindings', {
        repositoryName: 'scan-wire',
        imageId: { imageTag: 'v1' },
        maxResults: 1,
        nextToken,
      });
      paged.push(...(page.body.imageScanFindings as { findings: Finding[] }).findings);
      nextToken = page.body.nextToken;
    } while (nextToken);
    expect(paged).toEqual(findings);
    const tooMany = await kit.raw('DescribeImageScanFindings', {
      repositoryName: 'scan-wire',
      imageId: { imageTag: 'v1' },
      maxResults: 1001,
    });
    expect(tooMany.body.__type).toBe('InvalidParameterException');
  });

  it('refuses more than 10 registries in GetAuthorizationToken', async () => {
    const ids = Array.from({ length: 11 }, () => ACCOUNT);
    const response = await kit.raw('GetAuthorizationToken', { registryIds: ids });
    expect(response.body.__type).toBe('InvalidParameterException');
  });
});
