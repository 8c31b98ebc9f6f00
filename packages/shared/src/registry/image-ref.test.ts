import { describe, expect, it } from 'vitest';
import {
  effectiveTag,
  parseEcrRegistry,
  parseImageReference,
  refersToRepository,
} from './image-ref.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

describe('parseImageReference', () => {
  it.each([
    ['nginx', { repository: 'nginx' }],
    ['nginx:1.27', { repository: 'nginx', tag: '1.27' }],
    ['team/app:v2', { repository: 'team/app', tag: 'v2' }],
    [`${ECR}/web:1.4.2`, { registry: ECR, repository: 'web', tag: '1.4.2' }],
    [`${ECR}/team/web`, { registry: ECR, repository: 'team/web' }],
    [`${ECR}/web@${DIGEST}`, { registry: ECR, repository: 'web', digest: DIGEST }],
    [
      `${ECR}/web:stable@${DIGEST}`,
      { registry: ECR, repository: 'web', tag: 'stable', digest: DIGEST },
    ],
    ['localhost:5000/app:dev', { registry: 'localhost:5000', repository: 'app', tag: 'dev' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['Registry.Example.com/app', { registry: 'registry.example.com', repository: 'app' }],
    ['  web:1  ', { repository: 'web', tag: '1' }],
  ])('parses %s', (value, expected) => {
    expect(parseImageReference(value)).toEqual(expected);
  });

  it.each([
    '',
    'web:',
    'web:-bad',
    'Web',
    'web@sha256:short',
    'web@',
    `${ECR}/`,
    'a//b',
    `web:${'x'.repeat(129)}`,
  ])('refuses %j', (value) => {
    expect(parseImageReference(value)).toBeUndefined();
  });

  it('keeps the tag apart from a registry port', () => {
    expect(parseImageReference('registry:5000/team/app')).toEqual({
      registry: 'registry:5000',
      repository: 'team/app',
    });
  });
});

describe('effectiveTag', () => {
  it('defaults to latest, but not for a reference pinned by digest', () => {
    expect(effectiveTag({ repository: 'web' })).toBe('latest');
    expect(effectiveTag({ repository: 'web', digest: DIGEST })).toBeUndefined();
    expect(effectiveTag({ repository: 'web', tag: 'v1', digest: DIGEST })).toBe('v1');
  });
});

describe('parseEcrRegistry', () => {
  it.each([
    [ECR, { accountId: '123456789012', region: 'eu-west-1' }],
    [
      '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn',
      { accountId: '123456789012', region: 'cn-north-1' },
    ],
    [
      '123456789012.dkr.ecr-fips.us-east-1.amazonaws.com',
      { accountId: '123456789012', region: 'us-east-1' },
    ],
    ['123456789012.dkr-ecr.eu-west-1.on.aws', { accountId: '123456789012', region: 'eu-west-1' }],
  ])('reads %s', (host, expected) => {
    expect(parseEcrRegistry(host)).toEqual(expected);
  });

  it('refuses other registries', () => {
    expect(parseEcrRegistry('public.ecr.aws')).toBeUndefined();
    expect(parseEcrRegistry('12345.dkr.ecr.eu-west-1.amazonaws.com')).toBeUndefined();
  });
});

describe('refersToRepository', () => {
  const uri = `${ECR}/team/web`;
  const ref = (value: string) => {
    const parsed = parseImageReference(value);
    if (!parsed) throw new Error(`not a reference: ${value}`);
    return parsed;
  };

  it('matches the repository under any tag, digest or ECR host spelling', () => {
    expect(refersToRepository(ref(`${ECR}/team/web:1`), uri)).toBe(true);
    expect(refersToRepository(ref(`${ECR.toUpperCase()}/team/web@${DIGEST}`), uri)).toBe(true);
    expect(refersToRepository(ref('123456789012.dkr-ecr.eu-west-1.on.aws/team/web'), uri)).toBe(
      true,
    );
  });

  it('does not match another repository, account, region or a Docker Hub name', () => {
    expect(refersToRepository(ref(`${ECR}/team/web-worker:1`), uri)).toBe(false);
    expect(refersToRepository(ref(`${ECR}/web:1`), uri)).toBe(false);
    expect(
      refersToRepository(ref('210987654321.dkr.ecr.eu-west-1.amazonaws.com/team/web'), uri),
    ).toBe(false);
    expect(
      refersToRepository(ref('123456789012.dkr.ecr.us-east-1.amazonaws.com/team/web'), uri),
    ).toBe(false);
    expect(refersToRepository(ref('team/web'), uri)).toBe(false);
  });
});
