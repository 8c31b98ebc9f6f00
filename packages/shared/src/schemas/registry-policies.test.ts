import { describe, expect, it } from 'vitest';
import {
  LifecyclePolicyResponse,
  RepositoryPolicyResponse,
  summarizeLifecycleRules,
} from './registry-policies.js';

const fresh = { stale: false, asOf: '2026-11-26T10:00:00.000Z' };

describe('repository and lifecycle policy answers', () => {
  it('accept a document or null, and refuse a policy given as text', () => {
    expect(RepositoryPolicyResponse.safeParse({ policy: null, ...fresh }).success).toBe(true);
    expect(
      RepositoryPolicyResponse.safeParse({ policy: { Version: '2012-10-17' }, ...fresh }).success,
    ).toBe(true);
    expect(RepositoryPolicyResponse.safeParse({ policy: '{}', ...fresh }).success).toBe(false);
    expect(LifecyclePolicyResponse.safeParse({ lifecyclePolicy: null, ...fresh }).success).toBe(
      true,
    );
  });
});

describe('summarizeLifecycleRules', () => {
  it('reads each rule by priority: selection and action', () => {
    const rules = summarizeLifecycleRules({
      rules: [
        {
          rulePriority: 2,
          selection: {
            tagStatus: 'tagged',
            tagPrefixList: ['v'],
            countType: 'imageCountMoreThan',
            countNumber: 20,
          },
          action: { type: 'expire' },
        },
        {
          rulePriority: 1,
          description: 'untagged',
          selection: {
            tagStatus: 'untagged',
            countType: 'sinceImagePushed',
            countUnit: 'days',
            countNumber: 14,
          },
          action: { type: 'expire' },
        },
      ],
    });
    expect(rules).toEqual([
      {
        priority: 1,
        description: 'untagged',
        tagStatus: 'untagged',
        countType: 'sinceImagePushed',
        countNumber: 14,
        countUnit: 'days',
        action: 'expire',
      },
      {
        priority: 2,
        tagStatus: 'tagged',
        tagPrefixes: ['v'],
        countType: 'imageCountMoreThan',
        countNumber: 20,
        action: 'expire',
      },
    ]);
  });

  it('skips what is not a rule and reads nothing from a document without rules', () => {
    expect(summarizeLifecycleRules({ rules: ['x', null] })).toEqual([]);
    expect(summarizeLifecycleRules({ Version: '2012-10-17' })).toEqual([]);
    expect(summarizeLifecycleRules(null)).toEqual([]);
  });
});
