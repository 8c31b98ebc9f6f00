import { describe, expect, it } from 'vitest';
import { isSecretLikeName, isSecretReference } from './secrets.js';

describe('isSecretLikeName', () => {
  it.each([
    'PASSWORD',
    'DB_PASSWORD',
    'POSTGRES_PASSWD',
    'JWT_SECRET',
    'AWS_SECRET_ACCESS_KEY',
    'GITHUB_TOKEN',
    'githubToken',
    'API_KEY',
    'apiKey',
    'STRIPE_KEY',
    'PRIVATE_KEY',
    'GOOGLE_APPLICATION_CREDENTIALS',
    'DB_PASS',
    'SSH_PASSPHRASE',
  ])('%s is secret-like', (name) => {
    expect(isSecretLikeName(name)).toBe(true);
  });

  it.each([
    'KEYCLOAK_URL',
    'KEY',
    'NODE_ENV',
    'TOKEN_TTL',
    'TOKEN_URL',
    'JWT_SECRET_ARN',
    'PASSWORD_MIN_LENGTH',
    'AWS_ACCESS_KEY_ID',
    'NEXT_PUBLIC_API_KEY',
    'SECRET_NAME',
    'MONKEY',
    'PASSENGER_COUNT',
  ])('%s is not', (name) => {
    expect(isSecretLikeName(name)).toBe(false);
  });
});

describe('isSecretReference', () => {
  it.each([
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf:password::',
    'arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/prod/db',
    '/prod/db/password',
    'prod.db.password',
  ])('%s is a reference', (value) => {
    expect(isSecretReference(value)).toBe(true);
  });

  it.each([
    'hunter2!',
    'arn:aws:s3:::bucket/secrets.env',
    'arn:aws:ssm:us-east-1:123456789012:document/x',
    'arn:aws:secretsmanager:us-east-1:123:secret:short-account',
    'a b',
  ])('%s is not', (value) => {
    expect(isSecretReference(value)).toBe(false);
  });
});
