import { parseArn, parseEcrRegistry, parseImageReference } from '@deckhand/shared';

/**
 * Where the registry page shows a container's image, when the image is in this task's own ECR
 * registry (same account and region, as the task ARN says): `/registry/REPO?digest=…` when the
 * digest is known (ECS reports the one it pulled; a reference may pin one), else the repository
 * filtered by the tag. Undefined for any other registry (Docker Hub, ECR Public, another account).
 */
export function registryImagePath(
  taskArn: string,
  image: string,
  imageDigest: string | undefined,
): string | undefined {
  const task = parseArn(taskArn);
  const reference = parseImageReference(image);
  const registry = reference?.registry ? parseEcrRegistry(reference.registry) : undefined;
  if (!task || !reference || !registry) return undefined;
  if (registry.accountId !== task.accountId || registry.region !== task.region) return undefined;
  const search = new URLSearchParams({ region: task.region });
  const digest = imageDigest ?? reference.digest;
  if (digest) search.set('digest', digest);
  else search.set('q', reference.tag ?? 'latest');
  return `/registry/${encodeURIComponent(reference.repository)}?${search.toString()}`;
}
