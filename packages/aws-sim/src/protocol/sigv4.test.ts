import { describe, expect, it } from 'vitest';
import { parseAuthorization } from './sigv4.js';

const signature = 'a'.repeat(64);

describe('parseAuthorization', () => {
  it('reads the region and service of the credential scope', () => {
    expect(
      parseAuthorization(
        `AWS4-HMAC-SHA256 Credential=AKID/20261126/eu-west-1/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
      ),
    ).toEqual({ accessKeyId: 'AKID', date: '20261126', region: 'eu-west-1', service: 'ecs' });
  });

  it('refuses a missing or malformed header as AWS does', () => {
    expect(() => parseAuthorization(undefined)).toThrow(/Missing Authentication Token/);
    expect(() => parseAuthorization('Bearer abc')).toThrow(/Credential/);
    expect(() =>
      parseAuthorization(
        'AWS4-HMAC-SHA256 Credential=AKID/20261126/eu-west-1/ecs/aws4_request, Signature=abc',
      ),
    ).toThrow();
  });
});
