import { describe, expect, it } from 'vitest';
import { describeRule } from './lifecycle-rules';

describe('describeRule', () => {
  it('says what each kind of rule selects and does', () => {
    expect(
      describeRule({
        priority: 1,
        tagStatus: 'untagged',
        countType: 'sinceImagePushed',
        countNumber: 14,
        countUnit: 'days',
        action: 'expire',
      }),
    ).toBe('Expire untagged images pushed more than 14 days ago');
    expect(
      describeRule({
        priority: 2,
        tagStatus: 'tagged',
        tagPrefixes: ['v', 'release-'],
        countType: 'imageCountMoreThan',
        countNumber: 20,
        action: 'expire',
      }),
    ).toBe('Expire tagged images with tags starting v, release- beyond the newest 20');
    expect(
      describeRule({
        priority: 3,
        tagStatus: 'any',
        countType: 'sinceImagePushed',
        countNumber: 1,
        countUnit: 'days',
        action: 'expire',
      }),
    ).toBe('Expire any image pushed more than 1 day ago');
  });
});
