import type { ImageDetail, Repository } from '@aws-sdk/client-ecr';
import { NOT_SCANNED, RegistryImage, Repository as RepositoryDto } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import {
  toEnhancedFinding,
  toImageScan,
  toRegistryImage,
  toRepository,
  toScanFindings,
  toSeverityCounts,
} from './registry.mapper.js';

const DIGEST = `sha256:${'4f'.repeat(32)}`;

// Shaped as the SDK deserialises DescribeRepositories / DescribeImages (Dates, optional fields).
const repository: Repository = {
  repositoryArn: 'arn:aws:ecr:eu-west-1:123456789012:repository/team/web',
  registryId: '123456789012',
  repositoryName: 'team/web',
  repositoryUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web',
  createdAt: new Date('2025-03-04T10:11:12Z'),
  imageTagMutability: 'IMMUTABLE',
  imageScanningConfiguration: { scanOnPush: true },
  encryptionConfiguration: {
    encryptionType: 'KMS',
    kmsKey: 'arn:aws:kms:eu-west-1:123456789012:key/0b7c9c2e-7c1f-4b3e-9d55-2f1c6c1d7a10',
  },
};

const scanned: ImageDetail = {
  registryId: '123456789012',
  repositoryName: 'team/web',
  imageDigest: DIGEST,
  imageTags: ['stable', '1.4.2'],
  imageSizeInBytes: 48_213_004,
  imagePushedAt: new Date('2026-11-20T09:30:00Z'),
  imageScanStatus: { status: 'COMPLETE', description: 'The scan was completed successfully.' },
  imageScanFindingsSummary: {
    imageScanCompletedAt: new Date('2026-11-20T09:31:10Z'),
    vulnerabilitySourceUpdatedAt: new Date('2026-11-19T00:00:00Z'),
    findingSeverityCounts: { HIGH: 1, MEDIUM: 4, LOW: 7 },
  },
  imageManifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
  artifactMediaType: 'application/vnd.oci.image.config.v1+json',
  lastRecordedPullTime: new Date('2026-11-25T22:00:00Z'),
};

// An untagged image left behind by a moved tag, in a repository without scan on push.
const untaggedUnscanned: ImageDetail = {
  registryId: '123456789012',
  repositoryName: 'team/web',
  imageDigest: `sha256:${'0c'.repeat(32)}`,
  imageSizeInBytes: 47_900_112,
  imagePushedAt: new Date('2026-10-01T08:00:00Z'),
  imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
};

describe('toRepository', () => {
  it('maps a KMS-encrypted repository with its image count and last push', () => {
    const dto = toRepository(repository, [untaggedUnscanned, scanned]);
    expect(RepositoryDto.parse(dto)).toEqual({
      name: 'team/web',
      uri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/web',
      arn: 'arn:aws:ecr:eu-west-1:123456789012:repository/team/web',
      registryId: '123456789012',
      imageTagMutability: 'IMMUTABLE',
      scanOnPush: true,
      encryption: {
        type: 'KMS',
        kmsKey: 'arn:aws:kms:eu-west-1:123456789012:key/0b7c9c2e-7c1f-4b3e-9d55-2f1c6c1d7a10',
      },
      imageCount: 2,
      lastPushedAt: '2026-11-20T09:30:00.000Z',
      createdAt: '2025-03-04T10:11:12.000Z',
    });
  });

  it('tolerates an empty repository with only an ARN', () => {
    const dto = toRepository(
      { repositoryArn: 'arn:aws:ecr:eu-west-1:123456789012:repository/team/empty' },
      [],
    );
    expect(RepositoryDto.safeParse(dto).success).toBe(true);
    expect(dto).toMatchObject({
      name: 'team/empty',
      imageCount: 0,
      scanOnPush: false,
      encryption: { type: 'AES256' },
    });
    expect(dto).not.toHaveProperty('lastPushedAt');
    expect(dto.encryption).not.toHaveProperty('kmsKey');
  });
});

describe('toRegistryImage', () => {
  it('maps a tagged, scanned, pulled image', () => {
    const dto = toRegistryImage({ ...scanned, imageDigest: DIGEST }, undefined);
    expect(RegistryImage.parse(dto)).toEqual({
      digest: DIGEST,
      tags: ['1.4.2', 'stable'],
      sizeBytes: 48_213_004,
      pushedAt: '2026-11-20T09:30:00.000Z',
      lastPulledAt: '2026-11-25T22:00:00.000Z',
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      scan: {
        status: 'COMPLETE',
        completedAt: '2026-11-20T09:31:10.000Z',
        counts: { critical: 0, high: 1, medium: 4, low: 7, informational: 0, undefined: 0 },
      },
      usedBy: [],
      notUsed: true,
    });
  });

  it('maps an untagged image that was never scanned or pulled', () => {
    const image = { ...untaggedUnscanned, imageDigest: untaggedUnscanned.imageDigest ?? '' };
    const dto = toRegistryImage(image, { usedBy: [], notUsed: true });
    expect(RegistryImage.safeParse(dto).success).toBe(true);
    expect(dto.tags).toEqual([]);
    expect(dto.scan).toEqual({
      status: NOT_SCANNED,
      counts: { critical: 0, high: 0, medium: 0, low: 0, informational: 0, undefined: 0 },
    });
    expect(dto).not.toHaveProperty('lastPulledAt');
  });

  it('carries who uses the image', () => {
    const usedBy = [
      {
        kind: 'task-definition' as const,
        family: 'web',
        revision: 4,
        container: 'app',
        via: 'tag' as const,
      },
    ];
    const dto = toRegistryImage({ ...scanned, imageDigest: DIGEST }, { usedBy, notUsed: false });
    expect(dto.usedBy).toEqual(usedBy);
    expect(dto.notUsed).toBe(false);
  });
});

describe('toImageScan', () => {
  it('keeps a failed scan and its status', () => {
    expect(
      toImageScan({
        imageDigest: DIGEST,
        imageScanStatus: { status: 'UNSUPPORTED_IMAGE', description: 'unsupported' },
      }),
    ).toEqual({
      status: 'UNSUPPORTED_IMAGE',
      counts: { critical: 0, high: 0, medium: 0, low: 0, informational: 0, undefined: 0 },
    });
  });
});

describe('toSeverityCounts', () => {
  it("folds Inspector's UNTRIAGED and unknown severities into undefined", () => {
    expect(toSeverityCounts({ CRITICAL: 2, UNTRIAGED: 3, WEIRD: 1, LOW: 0 })).toEqual({
      critical: 2,
      high: 0,
      medium: 0,
      low: 0,
      informational: 0,
      undefined: 4,
    });
  });
});

describe('toScanFindings', () => {
  const basic = {
    status: 'COMPLETE',
    completedAt: new Date('2026-11-20T09:31:10Z'),
    counts: { HIGH: 1, LOW: 1 },
    findings: [
      {
        name: 'CVE-2023-5678',
        severity: 'LOW' as const,
        uri: 'https://security-tracker.debian.org/tracker/CVE-2023-5678',
        attributes: [
          { key: 'package_version', value: '3.0.11-1~deb12u1' },
          { key: 'package_name', value: 'openssl' },
          { key: 'CVSS2_SCORE', value: '5.0' },
        ],
      },
      {
        name: 'CVE-2024-0727',
        description: 'Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash.',
        severity: 'HIGH' as const,
      },
    ],
    enhancedFindings: [],
  };

  it('maps basic findings worst first with their package from the attributes', () => {
    const answer = toScanFindings(basic);
    expect(answer.scanStatus).toBe('COMPLETE');
    expect(answer.completedAt).toBe('2026-11-20T09:31:10.000Z');
    expect(answer.counts).toMatchObject({ high: 1, low: 1 });
    expect(answer.findings).toEqual([
      {
        name: 'CVE-2024-0727',
        severity: 'HIGH',
        description: 'Processing a maliciously formatted PKCS12 file may lead OpenSSL to crash.',
      },
      {
        name: 'CVE-2023-5678',
        severity: 'LOW',
        uri: 'https://security-tracker.debian.org/tracker/CVE-2023-5678',
        package: 'openssl',
        packageVersion: '3.0.11-1~deb12u1',
      },
    ]);
  });

  it('filters by severity but counts every finding', () => {
    const answer = toScanFindings(basic, ['LOW']);
    expect(answer.findings.map((finding) => finding.name)).toEqual(['CVE-2023-5678']);
    expect(answer.counts).toMatchObject({ high: 1, low: 1 });
  });

  it('counts the findings themselves when ECR sends no counts', () => {
    const answer = toScanFindings({ ...basic, counts: undefined });
    expect(answer.counts).toEqual({
      critical: 0,
      high: 1,
      medium: 0,
      low: 1,
      informational: 0,
      undefined: 0,
    });
  });

  it('answers NOT_SCANNED for an image without a scan', () => {
    expect(toScanFindings(undefined)).toEqual({
      findings: [],
      counts: { critical: 0, high: 0, medium: 0, low: 0, informational: 0, undefined: 0 },
      scanStatus: NOT_SCANNED,
    });
  });

  it('maps enhanced (Inspector) findings', () => {
    const finding = toEnhancedFinding({
      awsAccountId: '123456789012',
      description: 'A use-after-free in glibc may allow local privilege escalation.',
      findingArn: 'arn:aws:inspector2:eu-west-1:123456789012:finding/5e3a9c',
      firstObservedAt: new Date('2026-11-20T09:40:00Z'),
      packageVulnerabilityDetails: {
        vulnerabilityId: 'CVE-2023-4911',
        source: 'NVD',
        sourceUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2023-4911',
        referenceUrls: ['https://www.openwall.com/lists/oss-security/2023/10/03/2'],
        vulnerablePackages: [
          { name: 'glibc', version: '2.26', release: '63.amzn2', packageManager: 'OS' },
        ],
      },
      severity: 'HIGH',
      status: 'ACTIVE',
      title: 'CVE-2023-4911 - glibc',
      type: 'PACKAGE_VULNERABILITY',
    });
    expect(finding).toEqual({
      name: 'CVE-2023-4911',
      severity: 'HIGH',
      description: 'A use-after-free in glibc may allow local privilege escalation.',
      uri: 'https://nvd.nist.gov/vuln/detail/CVE-2023-4911',
      package: 'glibc',
      packageVersion: '2.26-63.amzn2',
    });
  });

  it('maps an enhanced finding with almost nothing, untriaged', () => {
    expect(
      toEnhancedFinding({
        title: 'GHSA-35jh-r3h4-6jhm - lodash',
        severity: 'UNTRIAGED',
        packageVulnerabilityDetails: { referenceUrls: ['https://github.com/advisories/GHSA-x'] },
      }),
    ).toEqual({
      name: 'GHSA-35jh-r3h4-6jhm - lodash',
      severity: 'UNDEFINED',
      uri: 'https://github.com/advisories/GHSA-x',
    });
  });
});
