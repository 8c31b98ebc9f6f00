import {
  summarizeLifecycleRules,
  type LifecyclePolicyResponse,
  type RepositoryPolicyResponse,
} from '@deckhand/shared';
import type { LifecyclePolicyRead } from '../../aws/ecr-reads.js';

type Answer<T> = Omit<T, 'stale' | 'asOf'>;

/**
 * Policy text → a JSON object. ECR validates policies as JSON on put, so a parse failure means a
 * document we do not understand: it is kept whole as `{ policyText }` rather than failing the read.
 */
export function toPolicyDocument(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // fall through: not JSON
  }
  return { policyText: text };
}

/** GetRepositoryPolicy's text (null: RepositoryPolicyNotFoundException) → the policy answer. */
export function toRepositoryPolicy(text: string | null): Answer<RepositoryPolicyResponse> {
  return { policy: text === null ? null : toPolicyDocument(text) };
}

/** GetLifecyclePolicy (null: LifecyclePolicyNotFoundException) → the document and its rules, read. */
export function toLifecyclePolicy(
  read: LifecyclePolicyRead | null,
): Answer<LifecyclePolicyResponse> {
  if (read === null) return { lifecyclePolicy: null };
  const document = toPolicyDocument(read.text);
  return {
    lifecyclePolicy: document,
    rules: summarizeLifecycleRules(document),
    ...(read.lastEvaluatedAt ? { lastEvaluatedAt: read.lastEvaluatedAt.toISOString() } : {}),
  };
}
