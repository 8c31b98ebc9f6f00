import { AwsError } from '../../protocol/errors.js';
import {
  epochSeconds,
  optionalBoolean,
  optionalString,
  requiredString,
  stringList,
  type Input,
} from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { paginate } from '../../engine/paginate.js';
import type { RegionState } from '../../engine/region-state.js';
import {
  invalidEcrParameter,
  repositoryAlreadyExists,
  repositoryNotEmpty,
  repositoryNotFound,
} from './errors.js';
import { registryHost, type RepositoryRecord } from './model.js';
import { parseExclusionFilters, parseMutability } from './mutability.js';
import { parseEcrTags } from './tags.js';

// The service model's RepositoryName: 2–256 characters, lowercase path segments.
const REPOSITORY_NAME =
  /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/;
const REGISTRY_ID = /^[0-9]{12}$/;
const ENCRYPTION_TYPES = new Set(['AES256', 'KMS', 'KMS_DSSE']);

/** The registry a request names (its own account's when omitted); only that one holds repositories. */
export function registryIdOf(input: Input, state: RegionState): string {
  const registryId = optionalString(input, 'registryId') ?? state.accountId;
  if (!REGISTRY_ID.test(registryId))
    throw invalidEcrParameter('registryId', `must satisfy regular expression '[0-9]{12}'`);
  return registryId;
}

/** The repository `repositoryName` names, or RepositoryNotFoundException. */
export function requireRepository(state: RegionState, input: Input): RepositoryRecord {
  const name = requiredString(input, 'repositoryName');
  const registryId = registryIdOf(input, state);
  const repository = registryId === state.accountId ? state.ecrRepositories.get(name) : undefined;
  if (!repository) throw repositoryNotFound(name, registryId);
  return repository;
}

/** Creates a repository (RepositoryAlreadyExistsException for a taken name). Used by scenarios too. */
export function createRepository(state: RegionState, now: number, input: Input): RepositoryRecord {
  const name = requiredString(input, 'repositoryName');
  if (name.length < 2 || name.length > 256)
    throw invalidEcrParameter('repositoryName', 'Member must have length between 2 and 256');
  if (!REPOSITORY_NAME.test(name)) {
    throw invalidEcrParameter(
      'repositoryName',
      `must satisfy regular expression '(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*'`,
    );
  }
  const registryId = registryIdOf(input, state);
  if (registryId !== state.accountId) {
    throw new AwsError(
      'InvalidParameterException',
      `Repositories can only be created in the caller's registry '${state.accountId}'`,
    );
  }
  if (state.ecrRepositories.has(name)) throw repositoryAlreadyExists(name, registryId);
  const imageTagMutability = parseMutability(input) ?? 'MUTABLE';
  const scanning = input.imageScanningConfiguration;
  const encryption = input.encryptionConfiguration;
  const encryptionType =
    encryption && typeof encryption === 'object'
      ? optionalString(encryption as Input, 'encryptionType')
      : undefined;
  if (encryptionType !== undefined && !ENCRYPTION_TYPES.has(encryptionType)) {
    throw invalidEcrParameter(
      'encryptionConfiguration.encryptionType',
      'Member must satisfy enum value set: [AES256, KMS, KMS_DSSE]',
    );
  }
  const kmsKey =
    encryption && typeof encryption === 'object'
      ? optionalString(encryption as Input, 'kmsKey')
      : undefined;
  const repository: RepositoryRecord = {
    name,
    arn: state.arn('ecr', `repository/${name}`),
    registryId,
    uri: `${registryHost(state.accountId, state.region)}/${name}`,
    createdAt: now,
    imageTagMutability,
    imageTagMutabilityExclusionFilters: parseExclusionFilters(input, imageTagMutability),
    scanOnPush:
      scanning && typeof scanning === 'object'
        ? (optionalBoolean(scanning as Input, 'scanOnPush') ?? false)
        : false,
    // KMS without a key means ECR's AWS-managed key.
    encryption:
      encryptionType === 'KMS' || encryptionType === 'KMS_DSSE'
        ? {
            encryptionType,
            kmsKey: kmsKey ?? `arn:aws:kms:${state.region}:${state.accountId}:alias/aws/ecr`,
          }
        : { encryptionType: 'AES256' },
    tags: parseEcrTags(input),
    images: new Map(),
  };
  state.ecrRepositories.set(name, repository);
  return repository;
}

/** The `Repository` shape. */
export function describeRepository(repository: RepositoryRecord) {
  return {
    repositoryArn: repository.arn,
    registryId: repository.registryId,
    repositoryName: repository.name,
    repositoryUri: repository.uri,
    createdAt: epochSeconds(repository.createdAt),
    imageTagMutability: repository.imageTagMutability,
    ...(repository.imageTagMutabilityExclusionFilters.length > 0
      ? { imageTagMutabilityExclusionFilters: repository.imageTagMutabilityExclusionFilters }
      : {}),
    imageScanningConfiguration: { scanOnPush: repository.scanOnPush },
    encryptionConfiguration: repository.encryption,
  };
}

export const repositoryOperations: Record<string, Operation> = {
  CreateRepository(input, { state, clock }) {
    return { repository: describeRepository(createRepository(state, clock.now(), input)) };
  },

  DeleteRepository(input, { state }) {
    const repository = requireRepository(state, input);
    // Without force, AWS refuses while any image (tagged or not) is left.
    if (repository.images.size > 0 && optionalBoolean(input, 'force') !== true) {
      throw repositoryNotEmpty(repository.name, repository.registryId);
    }
    state.ecrRepositories.delete(repository.name);
    return { repository: describeRepository(repository) };
  },

  DescribeRepositories(input, { state }) {
    const registryId = registryIdOf(input, state);
    const names = stringList(input, 'repositoryNames');
    const own = registryId === state.accountId;
    if (names.length > 0) {
      if (names.length > 100)
        throw invalidEcrParameter(
          'repositoryNames',
          'Member must have length less than or equal to 100',
        );
      if (input.maxResults !== undefined || input.nextToken !== undefined) {
        throw invalidEcrParameter(
          'maxResults',
          'maxResults and nextToken cannot be used with repositoryNames',
        );
      }
      const repositories = names.map((name) => {
        const repository = own ? state.ecrRepositories.get(name) : undefined;
        if (!repository) throw repositoryNotFound(name, registryId);
        return describeRepository(repository);
      });
      return { repositories };
    }
    const all = own
      ? [...state.ecrRepositories.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
      : [];
    const page = paginate(all, (repository) => repository.name, input.maxResults, input.nextToken, {
      defaultSize: 100,
      maxSize: 1000,
    });
    return {
      repositories: page.items.map(describeRepository),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  },

  PutImageTagMutability(input, { state }) {
    const repository = requireRepository(state, input);
    const mutability = parseMutability(input);
    if (mutability === undefined)
      throw invalidEcrParameter('imageTagMutability', 'Member must not be null');
    const filters = parseExclusionFilters(input, mutability);
    repository.imageTagMutability = mutability;
    repository.imageTagMutabilityExclusionFilters = filters;
    return {
      registryId: repository.registryId,
      repositoryName: repository.name,
      imageTagMutability: mutability,
      ...(filters.length > 0 ? { imageTagMutabilityExclusionFilters: filters } : {}),
    };
  },

  PutImageScanningConfiguration(input, { state }) {
    const repository = requireRepository(state, input);
    const config = input.imageScanningConfiguration;
    if (!config || typeof config !== 'object')
      throw invalidEcrParameter('imageScanningConfiguration', 'Member must not be null');
    repository.scanOnPush = optionalBoolean(config as Input, 'scanOnPush') ?? false;
    return {
      registryId: repository.registryId,
      repositoryName: repository.name,
      imageScanningConfiguration: { scanOnPush: repository.scanOnPush },
    };
  },
};
