/**
 * Links to the same resource in the AWS console (aws mode). The console's URL scheme is not an
 * API and changes now and then; these are its current ECS v2, ECR and CloudWatch X-Ray paths.
 */
export type ConsoleTarget =
  | { kind: 'cluster'; cluster: string }
  | { kind: 'service'; cluster: string; service: string }
  | { kind: 'task'; cluster: string; task: string }
  | { kind: 'task-definition'; family: string; revision: number | string }
  | { kind: 'repository'; repository: string; accountId: string }
  | { kind: 'trace'; traceId: string };

const enc = encodeURIComponent;

export function consoleUrl(region: string, target: ConsoleTarget): string {
  const ecs = `https://${region}.console.aws.amazon.com/ecs/v2`;
  const query = `?region=${enc(region)}`;
  switch (target.kind) {
    case 'cluster':
      return `${ecs}/clusters/${enc(target.cluster)}/services${query}`;
    case 'service':
      return `${ecs}/clusters/${enc(target.cluster)}/services/${enc(target.service)}/health${query}`;
    case 'task':
      return `${ecs}/clusters/${enc(target.cluster)}/tasks/${enc(target.task)}/configuration${query}`;
    case 'task-definition':
      return `${ecs}/task-definitions/${enc(target.family)}/${enc(String(target.revision))}/containers${query}`;
    case 'repository':
      return `https://${region}.console.aws.amazon.com/ecr/repositories/private/${enc(target.accountId)}/${enc(target.repository)}${query}`;
    case 'trace':
      return `https://${region}.console.aws.amazon.com/cloudwatch/home${query}#xray:traces/${enc(target.traceId)}`;
  }
}
