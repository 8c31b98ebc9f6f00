// The outside check for ECR: the real AWS CLI v2 (botocore, a client we did not write) against the
// simulator. Compact on purpose: each run starts Python. Behaviour is covered with the SDK in the
// other ECR tests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STOREFRONT_WEB_PREVIOUS_DIGEST,
  DEMO_REPOSITORIES,
} from '../../scenarios/demo-repositories.js';
import { awsCli, awsJson, hasAwsCliV2 } from '../../testing/aws-cli.js';
import { startEcr } from '../../testing/ecr-fixtures.js';

const SLOW = 120_000;

let kit: Awaited<ReturnType<typeof startEcr>>;

beforeAll(async () => {
  kit = await startEcr('demo');
});
afterAll(() => kit.stop());

describe.skipIf(!hasAwsCliV2())('ECR with the AWS CLI v2', () => {
  it(
    'describe-images: the demo repositories and the untagged previous storefront-web build',
    async () => {
      const repositories = await awsJson(kit.simulator.endpoint, ['ecr', 'describe-repositories']);
      expect((repositories.repositories as { repositoryName: string }[]).length).toBe(
        DEMO_REPOSITORIES.length,
      );
      const previous = await awsJson(kit.simulator.endpoint, [
        'ecr',
        'describe-images',
        '--repository-name',
        'storefront-web',
        '--image-ids',
        `imageDigest=${STOREFRONT_WEB_PREVIOUS_DIGEST}`,
      ]);
      expect(previous.imageDetails).toMatchObject([
        {
          imageDigest: STOREFRONT_WEB_PREVIOUS_DIGEST,
          imageScanStatus: { status: 'COMPLETE' },
          imageScanFindingsSummary: { findingSeverityCounts: { HIGH: 1, MEDIUM: 2, LOW: 2 } },
        },
      ]);
      expect((previous.imageDetails as object[])[0]).not.toHaveProperty('imageTags');
      // The CLI parsed the epoch-seconds timestamp and printed it as ISO 8601.
      const [detail] = previous.imageDetails as { imagePushedAt: string }[];
      expect(Number.isNaN(Date.parse(detail?.imagePushedAt ?? ''))).toBe(false);
    },
    SLOW,
  );

  it(
    'get-login-password prints the password of an ECR-like envelope',
    async () => {
      const login = await awsCli(kit.simulator.endpoint, ['ecr', 'get-login-password']);
      expect(login.exitCode).toBe(0);
      const password = login.stdout.trim();
      // The CLI prints what follows `AWS:` in the authorization token: here an envelope like ECR's.
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
    },
    SLOW,
  );
});
