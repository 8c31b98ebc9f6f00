import { parseArn } from '../arn.js';
import type { EcsTaskLink, SpanEcs } from '../schemas/traces.js';

/**
 * The ECS task a span ran in, for a link to its task page.
 *
 * ARN forms: task `…:task/<cluster>/<taskId>` (long format) or `…:task/<taskId>` (old format,
 * the cluster then comes from `cluster_arn`); container `…:container/<cluster>/<taskId>/<uuid>`
 * (long format; the old `…:container/<uuid>` names no task). `cluster_arn` may be a bare name.
 */
function ecsResource(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const arn = parseArn(value);
  if (arn?.service !== 'ecs') return undefined;
  return arn.resource.split('/');
}

function clusterName(clusterArn: string | undefined): string | undefined {
  if (!clusterArn) return undefined;
  if (!clusterArn.startsWith('arn:')) return clusterArn;
  const [type, name] = ecsResource(clusterArn) ?? [];
  return type === 'cluster' && name ? name : undefined;
}

/** A task or container ARN → {cluster?, taskId}. */
function fromResourceArn(value: string | undefined): Partial<EcsTaskLink> | undefined {
  const parts = ecsResource(value);
  if (!parts) return undefined;
  const [type, ...rest] = parts;
  if (type === 'task') {
    if (rest.length === 2) return { cluster: rest[0], taskId: rest[1] };
    if (rest.length === 1) return { taskId: rest[0] };
  }
  if (type === 'container' && rest.length === 3) return { cluster: rest[0], taskId: rest[1] };
  return undefined;
}

/** `{cluster, taskId}` from a span's `aws.ecs`, or undefined when the fields do not name a task. */
export function ecsTaskLink(ecs: SpanEcs | undefined): EcsTaskLink | undefined {
  if (!ecs) return undefined;
  const found = fromResourceArn(ecs.task_arn) ?? fromResourceArn(ecs.container_arn);
  const cluster = found?.cluster ?? clusterName(ecs.cluster_arn);
  const taskId = found?.taskId;
  return cluster && taskId ? { cluster, taskId } : undefined;
}

/** ECS task links named by a list of ARNs (a trace summary's `ResourceARNs`), deduplicated. */
export function ecsTaskLinksFromArns(arns: readonly string[]): EcsTaskLink[] {
  const links = new Map<string, EcsTaskLink>();
  for (const arn of arns) {
    const found = fromResourceArn(arn);
    if (found?.cluster && found.taskId) {
      links.set(`${found.cluster}/${found.taskId}`, {
        cluster: found.cluster,
        taskId: found.taskId,
      });
    }
  }
  return [...links.values()];
}
