import { z } from 'zod';
import { freshness } from './freshness.js';

/** An IAM policy document, as parsed JSON (its shape is IAM's business, not ours). */
const PolicyDocument = z.record(z.string(), z.unknown());

/** `GET /api/v1/repositories/:name/policy`: the repository (IAM resource) policy; null when none. */
export const RepositoryPolicyResponse = z.object({
  policy: PolicyDocument.nullable(),
  ...freshness,
});
export type RepositoryPolicyResponse = z.infer<typeof RepositoryPolicyResponse>;

/** One lifecycle rule, read for people: which images it selects and what it does to them. */
export const LifecycleRuleSummary = z.object({
  priority: z.number().int(),
  description: z.string().optional(),
  /** `tagged`, `untagged` or `any`. */
  tagStatus: z.string(),
  tagPrefixes: z.array(z.string()).optional(),
  tagPatterns: z.array(z.string()).optional(),
  /** `imageCountMoreThan` or `sinceImagePushed` (and newer ones AWS may add). */
  countType: z.string(),
  countNumber: z.number(),
  countUnit: z.string().optional(),
  /** `expire` (the only action AWS documents besides storage-class transitions). */
  action: z.string(),
});
export type LifecycleRuleSummary = z.infer<typeof LifecycleRuleSummary>;

/** `GET /api/v1/repositories/:name/lifecycle-policy`. `rules` is sorted by priority. */
export const LifecyclePolicyResponse = z.object({
  lifecyclePolicy: PolicyDocument.nullable(),
  rules: z.array(LifecycleRuleSummary).optional(),
  /** When ECR last evaluated the policy, when it says. */
  lastEvaluatedAt: z.iso.datetime().optional(),
  ...freshness,
});
export type LifecyclePolicyResponse = z.infer<typeof LifecyclePolicyResponse>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const strings = (value: unknown) =>
  Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : undefined;

/**
 * The rules of a lifecycle policy document, by priority; entries that are not rule objects are
 * left out (ECR validates on put, so this only guards against a hand-edited or newer shape).
 */
export function summarizeLifecycleRules(document: unknown): LifecycleRuleSummary[] {
  if (!isObject(document) || !Array.isArray(document.rules)) return [];
  return document.rules
    .flatMap((rule: unknown): LifecycleRuleSummary[] => {
      if (!isObject(rule)) return [];
      const selection = isObject(rule.selection) ? rule.selection : {};
      const action = isObject(rule.action) ? rule.action : {};
      const prefixes = strings(selection.tagPrefixList);
      const patterns = strings(selection.tagPatternList);
      return [
        {
          priority: typeof rule.rulePriority === 'number' ? rule.rulePriority : 0,
          ...(typeof rule.description === 'string' ? { description: rule.description } : {}),
          tagStatus: typeof selection.tagStatus === 'string' ? selection.tagStatus : 'any',
          ...(prefixes ? { tagPrefixes: prefixes } : {}),
          ...(patterns ? { tagPatterns: patterns } : {}),
          countType: typeof selection.countType === 'string' ? selection.countType : 'unknown',
          countNumber: typeof selection.countNumber === 'number' ? selection.countNumber : 0,
          ...(typeof selection.countUnit === 'string' ? { countUnit: selection.countUnit } : {}),
          action: typeof action.type === 'string' ? action.type : 'unknown',
        },
      ];
    })
    .sort((a, b) => a.priority - b.priority);
}
