import type { DeploymentConfiguration, LiveEvent, ServiceDetailResponse } from '@deckhand/shared';

/*
 * What a service action will do, said before it is confirmed, and when ECS has taken it up.
 * ECS's defaults for a rolling update apply when the service sets none (100% / 200%).
 */

const DEFAULT_MIN_HEALTHY = 100;
const DEFAULT_MAX_PERCENT = 200;

const tasks = (n: number) => `${n} task${n === 1 ? '' : 's'}`;

/** The rollout bounds at `count` tasks: how many must stay running, how many may run at once. */
export function rolloutBounds(
  count: number,
  config: DeploymentConfiguration | undefined,
): { minHealthyPercent: number; maxPercent: number; keep: number; most: number } {
  const minHealthyPercent = config?.minimumHealthyPercent ?? DEFAULT_MIN_HEALTHY;
  const maxPercent = config?.maximumPercent ?? DEFAULT_MAX_PERCENT;
  // ECS rounds the lower bound up and the upper bound down.
  return {
    minHealthyPercent,
    maxPercent,
    keep: Math.ceil((count * minHealthyPercent) / 100),
    most: Math.floor((count * maxPercent) / 100),
  };
}

/** "From 3 to 5 tasks: 2 tasks will start. …" with what deployments may do at the new count. */
export function scalePreview(
  from: number,
  to: number,
  config: DeploymentConfiguration | undefined,
): string {
  if (from === to) return `Already at ${tasks(to)}: nothing will change.`;
  const change =
    to > from
      ? `${tasks(to - from)} will start`
      : `${tasks(from - to)} will stop${to === 0 ? ' (every task of the service)' : ''}`;
  const head = `From ${from} to ${tasks(to)}: ${change}.`;
  if (to === 0) return head;
  const bounds = rolloutBounds(to, config);
  return `${head} Deployments at ${tasks(to)} keep at least ${bounds.keep} running (minimum healthy ${bounds.minHealthyPercent}%) and run at most ${bounds.most} (maximum ${bounds.maxPercent}%).`;
}

/** What a deployment will do: a new revision replacing the current one, or every task replaced. */
export function deployPreview(input: {
  current: string;
  next: string | undefined;
  force: boolean;
  desiredCount: number;
  config: DeploymentConfiguration | undefined;
}): string {
  const { keep, most, maxPercent } = rolloutBounds(input.desiredCount, input.config);
  const extra = Math.max(0, most - input.desiredCount);
  const rollout = `up to ${extra} extra task${extra === 1 ? '' : 's'} during rollout (maximum ${maxPercent}%), at least ${keep} kept running`;
  if (input.next && input.next !== input.current)
    return `New deployment of ${input.next} replacing ${input.current}; ${rollout}.`;
  if (input.force)
    return `All ${tasks(input.desiredCount)} will be replaced with fresh ones of ${input.current}; ${rollout}.`;
  return 'Choose a revision or force a new deployment.';
}

/** A scale ECS accepted that the live feed has not shown yet. */
export interface PendingScale {
  desiredCount: number;
  /** Epoch ms the scale was answered. */
  since: number;
}

/** Whether a live event shows the service at the desired count that was asked for. */
export function eventConfirmsScale(
  pending: PendingScale,
  service: string,
  event: LiveEvent,
): boolean {
  if (event.type === 'service.updated')
    return event.service.name === service && event.service.desiredCount === pending.desiredCount;
  if (event.type === 'deployment.updated')
    return (
      event.service === service &&
      event.deployment.status === 'PRIMARY' &&
      event.deployment.desiredCount === pending.desiredCount
    );
  return false;
}

/**
 * Whether a service answer read after the scale shows it. The mutation's own answer is written to
 * the cache too, but it keeps the older `asOf`, so only a fresh read counts.
 */
export function answerConfirmsScale(
  pending: PendingScale,
  answer: ServiceDetailResponse | undefined,
): boolean {
  return (
    answer !== undefined &&
    Date.parse(answer.asOf) > pending.since &&
    answer.service.desiredCount === pending.desiredCount
  );
}
