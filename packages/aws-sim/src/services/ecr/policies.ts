import { epochSeconds, optionalBoolean, requiredString } from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import {
  invalidEcrParameter,
  lifecyclePolicyNotFound,
  repositoryPolicyNotFound,
} from './errors.js';
import { validateLifecyclePolicy } from './lifecycle-policy.js';
import type { RepositoryRecord } from './model.js';
import { requireRepository } from './repositories.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An IAM resource policy, as far as ECR checks it before storing: JSON with a Statement. */
function validateRepositoryPolicy(text: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (
    text.length > 10_240 ||
    !isObject(parsed) ||
    !(Array.isArray(parsed.Statement) || isObject(parsed.Statement))
  ) {
    throw invalidEcrParameter('PolicyText', 'Invalid repository policy provided');
  }
}

const lifecycleAnswer = (repository: RepositoryRecord) => {
  const policy = repository.lifecyclePolicy;
  if (!policy) throw lifecyclePolicyNotFound(repository.name, repository.registryId);
  return {
    registryId: repository.registryId,
    repositoryName: repository.name,
    lifecyclePolicyText: policy.text,
    ...(policy.lastEvaluatedAt !== undefined
      ? { lastEvaluatedAt: epochSeconds(policy.lastEvaluatedAt) }
      : {}),
  };
};

const policyAnswer = (repository: RepositoryRecord) => {
  if (repository.policyText === undefined)
    throw repositoryPolicyNotFound(repository.name, repository.registryId);
  return {
    registryId: repository.registryId,
    repositoryName: repository.name,
    policyText: repository.policyText,
  };
};

export const policyOperations: Record<string, Operation> = {
  GetLifecyclePolicy(input, { state }) {
    return lifecycleAnswer(requireRepository(state, input));
  },

  PutLifecyclePolicy(input, { state }) {
    const repository = requireRepository(state, input);
    const text = requiredString(input, 'lifecyclePolicyText');
    validateLifecyclePolicy(text);
    repository.lifecyclePolicy = { text };
    return {
      registryId: repository.registryId,
      repositoryName: repository.name,
      lifecyclePolicyText: text,
    };
  },

  DeleteLifecyclePolicy(input, { state }) {
    const repository = requireRepository(state, input);
    const answer = lifecycleAnswer(repository);
    delete repository.lifecyclePolicy;
    return answer;
  },

  GetRepositoryPolicy(input, { state }) {
    return policyAnswer(requireRepository(state, input));
  },

  SetRepositoryPolicy(input, { state }) {
    const repository = requireRepository(state, input);
    const text = requiredString(input, 'policyText');
    validateRepositoryPolicy(text);
    // `force` skips AWS's lock-out check, which the simulator (holding no IAM) never fails.
    optionalBoolean(input, 'force');
    repository.policyText = text;
    return policyAnswer(repository);
  },

  DeleteRepositoryPolicy(input, { state }) {
    const repository = requireRepository(state, input);
    const answer = policyAnswer(repository);
    delete repository.policyText;
    return answer;
  },
};
