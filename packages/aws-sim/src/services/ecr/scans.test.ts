import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsJson, cliErrorCode, hasAwsCliV2 } from '../../testing/aws-cli.js';
import { digestOf, startEcr, testManifest } from '../../testing/ecr-fixtures.js';
import { SCAN_DURATION_MS } from './scans.js';

const SLOW = 120_000;
const ACCOUNT = '000000000000';

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('empty');
});
afterAll(() => kit.simulator.stop());

/** Lets simulated time run past a scan: a burst of clock speed, then back to real time. */
async function afterScan(): Promise<void> {
  const speed = kit.simulator.clock.speed;
  kit.simulator.clock.setSpeed(speed * 5_000);
  await new Promise((resolve) => setTimeout(resolve, Math.ceil((SCAN_DURATION_MS * 2) / 5_000)));
  kit.simulator.clock.setSpeed(speed);
}

interface Finding {
  name: string;
  severity: string;
  uri: string;
  description: string;
  attributes: { key: string; value: string }[];
}

describe.skipIf(!hasAwsCliV2())('ECR basic scanning (AWS CLI v2)', () => {
  it(
    'scans on request: IN_PROGRESS, then COMPLETE with findings that page',
    async () => {
      const { ecr, ecrResult } = kit;
      await ecr('create-repository', '--repository-name', 'scanme');
      const manifest = testManifest('scanme');
      await kit.raw('PutImage', {
        repositoryName: 'scanme',
        imageManifest: manifest,
        imageTag: 'v1',
      });

      const before = await ecrResult(
        'describe-image-scan-findings',
        '--repository-name',
        'scanme',
        '--image-id',
        'imageTag=v1',
      );
      expect(cliErrorCode(before)).toBe('ScanNotFoundException');

      const started = await ecr(
        'start-image-scan',
        '--repository-name',
        'scanme',
        '--image-id',
        'imageTag=v1',
      );
      expect(started).toMatchObject({
        registryId: ACCOUNT,
        repositoryName: 'scanme',
        imageId: { imageDigest: digestOf(manifest), imageTag: 'v1' },
        imageScanStatus: { status: 'IN_PROGRESS' },
      });
      const again = await ecrResult(
        'start-image-scan',
        '--repository-name',
        'scanme',
        '--image-id',
        'imageTag=v1',
      );
      expect(cliErrorCode(again)).toBe('LimitExceededException');
      const running = await ecr('describe-images', '--repository-name', 'scanme');
      expect(running.imageDetails).toMatchObject([{ imageScanStatus: { status: 'IN_PROGRESS' } }]);
      expect(running.imageDetails).not.toMatchObject([{ imageScanFindingsSummary: {} }]);

      await afterScan();
      const done = await ecr(
        'describe-image-scan-findings',
        '--repository-name',
        'scanme',
        '--image-id',
        'imageTag=v1',
      );
      expect(done.imageScanStatus).toEqual({
        status: 'COMPLETE',
        description: 'The scan was completed successfully.',
      });
      const scan = done.imageScanFindings as {
        findings: Finding[];
        findingSeverityCounts: Record<string, number>;
        imageScanCompletedAt: string;
        vulnerabilitySourceUpdatedAt: string;
      };
      // More than a page of two, so the paging below is exercised.
      expect(scan.findings.length).toBeGreaterThan(2);
      const counted: Record<string, number> = {};
      for (const finding of scan.findings) {
        expect(finding.name).toMatch(/^CVE-\d{4}-\d{4,}$/);
        expect(finding.uri).toContain(finding.name);
        expect(finding.description.length).toBeGreaterThan(20);
        expect(finding.attributes.map((a) => a.key).sort()).toEqual([
          'package_name',
          'package_version',
        ]);
        counted[finding.severity] = (counted[finding.severity] ?? 0) + 1;
      }
      expect(scan.findingSeverityCounts).toEqual(counted);
      expect(Date.parse(scan.vulnerabilitySourceUpdatedAt)).toBeLessThan(
        Date.parse(scan.imageScanCompletedAt),
      );

      const summary = await ecr('describe-images', '--repository-name', 'scanme');
      expect(summary.imageDetails).toMatchObject([
        {
          imageScanStatus: { status: 'COMPLETE' },
          imageScanFindingsSummary: { findingSeverityCounts: counted },
        },
      ]);

      // Two findings a page: the CLI follows nextToken and joins the pages.
      const paged = await ecr(
        'describe-image-scan-findings',
        '--repository-name',
        'scanme',
        '--image-id',
        'imageTag=v1',
        '--page-size',
        '2',
      );
      expect((paged.imageScanFindings as { findings: Finding[] }).findings).toEqual(scan.findings);
    },
    SLOW,
  );

  it(
    'scans on push when the repository asks for it',
    async () => {
      const { ecr } = kit;
      await ecr(
        'create-repository',
        '--repository-name',
        'onpush',
        '--image-scanning-configuration',
        'scanOnPush=true',
      );
      await kit.raw('PutImage', {
        repositoryName: 'onpush',
        imageManifest: testManifest('onpush'),
        imageTag: 'v1',
      });
      const described = await ecr('describe-images', '--repository-name', 'onpush');
      expect(described.imageDetails).toMatchObject([
        { imageScanStatus: { status: 'IN_PROGRESS' } },
      ]);
    },
    SLOW,
  );

  it(
    'hands out registry logins: get-authorization-token and get-login-password',
    async () => {
      const { ecr } = kit;
      const region = 'eu-central-1';
      const token = await awsJson(
        kit.simulator.endpoint,
        ['ecr', 'get-authorization-token'],
        region,
      );
      const [data] = token.authorizationData as {
        authorizationToken: string;
        expiresAt: string;
        proxyEndpoint: string;
      }[];
      expect(data?.proxyEndpoint).toBe(`https://${ACCOUNT}.dkr.ecr.${region}.amazonaws.com`);
      const decoded = Buffer.from(data?.authorizationToken ?? '', 'base64').toString('utf8');
      expect(decoded).toMatch(/^AWS:[A-Za-z0-9+/=]{100,}$/);
      const lifetime = Date.parse(data?.expiresAt ?? '') - kit.simulator.clock.now();
      expect(Math.abs(lifetime - 12 * 60 * 60 * 1000)).toBeLessThan(60_000);

      const login = await kit.ecrResult('get-login-password');
      expect(login.exitCode).toBe(0);
      const password = login.stdout.trim();
      // The CLI prints what follows `AWS:`: here an envelope like ECR's.
      const envelope = JSON.parse(Buffer.from(password, 'base64').toString('utf8')) as Record<
        string,
        unknown
      >;
      expect(Object.keys(envelope).sort()).toEqual([
        'datakey',
        'expiration',
        'payload',
        'type',
        'version',
      ]);
      expect(await ecr('describe-repositories')).toBeDefined();
    },
    SLOW,
  );
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
    await afterScan();
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
