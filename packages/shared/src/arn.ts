/** The parts of an AWS ARN: `arn:partition:service:region:account:resource`. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  accountId: string;
  /** Everything after the account, e.g. `cluster/prod` or `task/prod/0123abcd`. */
  resource: string;
}

/** Parses an ARN; returns `undefined` for anything that is not one. */
export function parseArn(value: string): Arn | undefined {
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition, service, region, accountId, ...rest] = parts;
  if (!partition || !service || accountId === undefined || region === undefined) return undefined;
  return { partition, service, region, accountId, resource: rest.join(':') };
}

/**
 * The short name of an ECS resource from its ARN or name: `…:cluster/prod` → `prod`,
 * `…:task/prod/abc` → `abc`, `…:task-definition/web:3` → `web:3`. Names pass through.
 */
export function resourceName(arnOrName: string): string {
  const arn = parseArn(arnOrName);
  if (!arn) return arnOrName;
  const slash = arn.resource.lastIndexOf('/');
  return slash === -1 ? arn.resource : arn.resource.slice(slash + 1);
}
