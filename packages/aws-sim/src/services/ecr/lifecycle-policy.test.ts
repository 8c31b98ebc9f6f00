import { describe, expect, it } from 'vitest';
import { AwsError } from '../../protocol/errors.js';
import { validateLifecyclePolicy } from './lifecycle-policy.js';

const rule = (
  priority: number,
  selection: Record<string, unknown>,
  action = { type: 'expire' },
) => ({
  rulePriority: priority,
  description: 'a rule long enough to pass the minimum policy length of one hundred characters',
  selection,
  action,
});
const policy = (...rules: unknown[]) => JSON.stringify({ rules });

const UNTAGGED = {
  tagStatus: 'untagged',
  countType: 'sinceImagePushed',
  countUnit: 'days',
  countNumber: 14,
};
const TAGGED = {
  tagStatus: 'tagged',
  tagPrefixList: ['v'],
  countType: 'imageCountMoreThan',
  countNumber: 20,
};
const ANY = { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 100 };

function reason(text: string): string {
  try {
    validateLifecyclePolicy(text);
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).code).toBe('InvalidParameterException');
    return (error as AwsError).message;
  }
  return 'valid';
}

describe('validateLifecyclePolicy', () => {
  it('accepts the policies the ECR console writes', () => {
    expect(reason(policy(rule(1, UNTAGGED), rule(2, TAGGED), rule(3, ANY)))).toBe('valid');
  });

  it('refuses what PutLifecyclePolicy refuses', () => {
    expect(reason('{"rules":[]}')).toContain('length between 100 and 30720');
    expect(reason(`{${' '.repeat(120)}`)).toContain('Could not parse');
    expect(reason(policy(rule(1, UNTAGGED), rule(1, TAGGED)))).toContain('used more than once');
    expect(reason(policy(rule(1, ANY), rule(2, UNTAGGED)))).toContain('highest rulePriority');
    expect(reason(policy(rule(1, { ...TAGGED, tagPrefixList: undefined })))).toContain(
      'tagPrefixList or a tagPatternList',
    );
    expect(reason(policy(rule(1, { ...UNTAGGED, countUnit: undefined })))).toContain('"days"');
    expect(reason(policy(rule(1, { ...ANY, countUnit: 'days' })))).toContain('not allowed');
    expect(reason(policy(rule(1, { ...ANY, countNumber: 0 })))).toContain('countNumber');
    expect(reason(policy(rule(1, UNTAGGED, { type: 'archive' })))).toContain('action.type');
    expect(reason(policy(rule(1, { ...UNTAGGED, tagStatus: 'some' })))).toContain('tagStatus');
  });
});
