// The real AWS CLI v2 (botocore: a client we did not write) against the simulator, for services
// whose SDK clients the workspace does not install. Plus unsigned-but-well-formed raw requests for
// the error shapes a client hides.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const AWS_CLI = '/usr/bin/aws';

/** `aws --version` prints `aws-cli/2.x.y …`; v1 differs in commands (no get-login-password) and output. */
export function hasAwsCliV2(): boolean {
  try {
    return execFileSync(AWS_CLI, ['--version'], { encoding: 'utf8', timeout: 30_000 }).startsWith(
      'aws-cli/2',
    );
  } catch {
    return false;
  }
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

let home: string | undefined;

/**
 * Runs `aws <args>` against `endpoint` with dummy credentials and no profile, config file or
 * pager, so nothing on the machine changes what is sent. Never rejects: the exit code says.
 */
export function awsCli(endpoint: string, args: string[], region = 'us-east-1'): Promise<CliResult> {
  home ??= mkdtempSync(join(tmpdir(), 'deckhand-cli-'));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    LANG: 'C.UTF-8',
    AWS_ACCESS_KEY_ID: 'AKIDCLICHECK',
    AWS_SECRET_ACCESS_KEY: 'not-checked-by-the-simulator',
    AWS_REGION: region,
    AWS_PAGER: '',
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
  };
  return new Promise((resolve) => {
    execFile(
      AWS_CLI,
      ['--endpoint-url', endpoint, '--output', 'json', ...args],
      { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ exitCode: code, stdout, stderr });
      },
    );
  });
}

export type Json = Record<string, unknown>;

/** Runs a CLI command that must succeed and parses its JSON output. */
export async function awsJson(endpoint: string, args: string[], region?: string): Promise<Json> {
  const result = await awsCli(endpoint, args, region);
  if (result.exitCode !== 0) {
    throw new Error(`aws ${args.join(' ')} exited ${result.exitCode}: ${result.stderr}`);
  }
  return result.stdout.trim() === '' ? {} : (JSON.parse(result.stdout) as Json);
}

const authorization = (service: string, region: string) =>
  `AWS4-HMAC-SHA256 Credential=AKIDSIMTEST/20261126/${region}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Json;
}

/** A raw awsJson1_1 call signed (in form) for `service`, for error shapes and what clients refuse to send. */
export async function rawJson(
  endpoint: string,
  target: string,
  body: unknown,
  service: string,
  region = 'us-east-1',
): Promise<RawResponse> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      authorization: authorization(service, region),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  };
}

/** A raw restJson1 GET signed (in form) for `service`. */
export async function rawGet(
  endpoint: string,
  path: string,
  service: string,
  region = 'us-east-1',
): Promise<RawResponse> {
  const response = await fetch(`${endpoint}${path}`, {
    headers: { authorization: authorization(service, region) },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  };
}
