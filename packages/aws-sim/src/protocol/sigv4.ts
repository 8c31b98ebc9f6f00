import { AwsError } from './errors.js';

export interface CredentialScope {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
}

// AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/ecs/aws4_request, SignedHeaders=…, Signature=…
const AUTHORIZATION =
  /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([a-z0-9-]+)\/([a-z0-9-]+)\/aws4_request\s*,\s*SignedHeaders=([a-z0-9;-]+)\s*,\s*Signature=([0-9a-f]{64})$/i;

/**
 * Reads the credential scope of a SigV4 `Authorization` header. The simulator accepts any
 * well-formed signature (it holds no secrets to check it against) but refuses what AWS would
 * refuse before looking at the signature: no header, or a malformed one.
 */
export function parseAuthorization(header: string | undefined): CredentialScope {
  if (!header)
    throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403);
  const match = AUTHORIZATION.exec(header.trim());
  if (!match) {
    throw new AwsError(
      'IncompleteSignatureException',
      `Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. Authorization=${header.split(' ')[0] ?? ''}`,
      403,
    );
  }
  const [, accessKeyId = '', date = '', region = '', service = ''] = match;
  return { accessKeyId, date, region, service };
}
