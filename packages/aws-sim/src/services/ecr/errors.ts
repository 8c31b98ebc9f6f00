import { AwsError } from '../../protocol/errors.js';

// ECR's error messages, worded as AWS words them (clients and people grep for them).

/** How ECR prints an image id inside messages: `{imageDigest:'null', imageTag:'v1'}`. */
export function formatImageId(id: { imageDigest?: string; imageTag?: string }): string {
  return `{imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'}`;
}

/** ECR reports shape violations (lengths, ranges, patterns) as InvalidParameterException. */
export const invalidEcrParameter = (field: string, constraint: string) =>
  new AwsError(
    'InvalidParameterException',
    `Invalid parameter at '${field}' failed to satisfy constraint: '${constraint}'`,
  );

export const repositoryNotFound = (name: string, registryId: string) =>
  new AwsError(
    'RepositoryNotFoundException',
    `The repository with name '${name}' does not exist in the registry with id '${registryId}'`,
  );

export const repositoryAlreadyExists = (name: string, registryId: string) =>
  new AwsError(
    'RepositoryAlreadyExistsException',
    `The repository with name '${name}' already exists in the registry with id '${registryId}'`,
  );

export const repositoryNotEmpty = (name: string, registryId: string) =>
  new AwsError(
    'RepositoryNotEmptyException',
    `The repository with name '${name}' in registry with id '${registryId}' cannot be deleted because it still contains images`,
  );

export const imageNotFound = (
  id: { imageDigest?: string; imageTag?: string },
  name: string,
  registryId: string,
) =>
  new AwsError(
    'ImageNotFoundException',
    `The image with imageId ${formatImageId(id)} does not exist within the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const imageTagAlreadyExists = (tag: string, name: string) =>
  new AwsError(
    'ImageTagAlreadyExistsException',
    `The image tag '${tag}' already exists in the '${name}' repository and cannot be overwritten because the tag is immutable.`,
  );

export const scanNotFound = (
  id: { imageDigest?: string; imageTag?: string },
  name: string,
  registryId: string,
) =>
  new AwsError(
    'ScanNotFoundException',
    `Image scan does not exist for the image with '${formatImageId(id)}' in the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const lifecyclePolicyNotFound = (name: string, registryId: string) =>
  new AwsError(
    'LifecyclePolicyNotFoundException',
    `Lifecycle policy does not exist for the repository with name '${name}' in the registry with id '${registryId}'`,
  );

export const repositoryPolicyNotFound = (name: string, registryId: string) =>
  new AwsError(
    'RepositoryPolicyNotFoundException',
    `Repository policy does not exist for the repository with name '${name}' in the registry with id '${registryId}'`,
  );
