import { describe, expect, it } from 'vitest';
import { toLifecyclePolicy, toPolicyDocument, toRepositoryPolicy } from './policies.mapper.js';

const LIFECYCLE = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
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

describe('policy mapping', () => {
  it('parses the repository policy text, and null stays null', () => {
    expect(toRepositoryPolicy('{"Version":"2012-10-17","Statement":[]}')).toEqual({
      policy: { Version: '2012-10-17', Statement: [] },
    });
    expect(toRepositoryPolicy(null)).toEqual({ policy: null });
  });

  it('keeps text that is not a JSON object whole instead of failing', () => {
    expect(toPolicyDocument('not json')).toEqual({ policyText: 'not json' });
    expect(toPolicyDocument('[1]')).toEqual({ policyText: '[1]' });
  });

  it('reads the lifecycle rules and the last evaluation', () => {
    const answer = toLifecyclePolicy({
      text: LIFECYCLE,
      lastEvaluatedAt: new Date('2026-11-26T03:00:00Z'),
    });
    expect(answer.lifecyclePolicy).toMatchObject({ rules: [{ rulePriority: 1 }] });
    expect(answer.rules).toEqual([
      {
        priority: 1,
        tagStatus: 'untagged',
        countType: 'sinceImagePushed',
        countNumber: 14,
        countUnit: 'days',
        action: 'expire',
      },
    ]);
    expect(answer.lastEvaluatedAt).toBe('2026-11-26T03:00:00.000Z');
    expect(toLifecyclePolicy(null)).toEqual({ lifecyclePolicy: null });
  });
});
