import type { ImageUsage, TaskDefinitionUsage, TaskUsage } from '../schemas/registry.js';
import { effectiveTag, parseImageReference, refersToRepository } from './image-ref.js';

export interface RepositoryImageRef {
  digest: string;
  tags: readonly string[];
}

/** An ACTIVE task definition revision and the images its containers name. */
export interface TaskDefinitionImages {
  family: string;
  revision: number;
  containers: readonly { name: string; image: string }[];
}

/** A RUNNING task: each container's image reference and the digest it actually runs (when ECS knows it). */
export interface RunningTaskImages {
  cluster: string;
  taskId: string;
  service?: string;
  containers: readonly { name: string; image: string; imageDigest?: string }[];
}

export interface UsedByInput {
  /** `host/path` of the repository, e.g. `123456789012.dkr.ecr.eu-west-1.amazonaws.com/web`. */
  repositoryUri: string;
  images: readonly RepositoryImageRef[];
  taskDefinitions: readonly TaskDefinitionImages[];
  tasks: readonly RunningTaskImages[];
  /**
   * Whether the task definitions and tasks are all there is (default true). A partial scan
   * never marks an image `notUsed`: what uses it may be among what is not read yet.
   */
  complete?: boolean;
}

export interface ImageUse {
  usedBy: ImageUsage[];
  notUsed: boolean;
}

function byTaskDefinition(a: TaskDefinitionUsage, b: TaskDefinitionUsage): number {
  return (
    a.family.localeCompare(b.family) ||
    b.revision - a.revision ||
    a.container.localeCompare(b.container)
  );
}

function byTask(a: TaskUsage, b: TaskUsage): number {
  return (
    a.cluster.localeCompare(b.cluster) ||
    a.taskId.localeCompare(b.taskId) ||
    a.container.localeCompare(b.container)
  );
}

/**
 * Who uses each image of a repository, keyed by digest (every image of the input has an entry).
 *
 * - A task definition container uses the image its reference resolves to now: by digest when it
 *   has one (`repo@sha256:…`, `repo:tag@sha256:…`: the digest wins, as in Docker), else through
 *   its tag (`latest` when it has none).
 * - A running task's container uses the image of the digest it runs (`imageDigest`, reported by
 *   ECS once the image is pulled); without one, the image its reference resolves to now.
 *   `drift` marks a container started from a tag that has since been moved to another image or
 *   removed: its service would start something else today.
 * - References to other repositories, and to tags or digests the repository no longer holds,
 *   are ignored.
 * - `notUsed` only when the input is `complete`.
 */
export function computeUsedBy(input: UsedByInput): Map<string, ImageUse> {
  const complete = input.complete ?? true;
  const digestByTag = new Map<string, string>();
  const taskDefinitionUses = new Map<string, TaskDefinitionUsage[]>();
  const taskUses = new Map<string, TaskUsage[]>();
  for (const image of input.images) {
    taskDefinitionUses.set(image.digest, []);
    taskUses.set(image.digest, []);
    for (const tag of image.tags) digestByTag.set(tag, image.digest);
  }

  const resolveOnce = (image: string) => {
    const reference = parseImageReference(image);
    if (!reference || !refersToRepository(reference, input.repositoryUri)) return undefined;
    const tag = effectiveTag(reference);
    const current = reference.digest ?? (tag === undefined ? undefined : digestByTag.get(tag));
    return { reference, tag, current };
  };
  // Thousands of tasks name a handful of images: each distinct reference is parsed once.
  const resolved = new Map<string, ReturnType<typeof resolveOnce>>();
  const resolve = (image: string) => {
    if (resolved.has(image)) return resolved.get(image);
    const result = resolveOnce(image);
    resolved.set(image, result);
    return result;
  };

  for (const definition of input.taskDefinitions) {
    for (const container of definition.containers) {
      const resolved = resolve(container.image);
      if (!resolved?.current) continue;
      taskDefinitionUses.get(resolved.current)?.push({
        kind: 'task-definition',
        family: definition.family,
        revision: definition.revision,
        container: container.name,
        via: resolved.reference.digest === undefined ? 'tag' : 'digest',
      });
    }
  }

  for (const task of input.tasks) {
    for (const container of task.containers) {
      const resolved = resolve(container.image);
      if (!resolved) continue;
      const running = container.imageDigest ?? resolved.current;
      if (running === undefined) continue;
      const pinned = resolved.reference.digest !== undefined;
      taskUses.get(running)?.push({
        kind: 'task',
        cluster: task.cluster,
        taskId: task.taskId,
        ...(task.service === undefined ? {} : { service: task.service }),
        container: container.name,
        digest: running,
        drift: !pinned && resolved.current !== running,
      });
    }
  }

  const result = new Map<string, ImageUse>();
  for (const image of input.images) {
    const usedBy: ImageUsage[] = [
      ...(taskDefinitionUses.get(image.digest) ?? []).sort(byTaskDefinition),
      ...(taskUses.get(image.digest) ?? []).sort(byTask),
    ];
    result.set(image.digest, { usedBy, notUsed: complete && usedBy.length === 0 });
  }
  return result;
}
