import type { Failure } from '@aws-sdk/client-ecs';
import type { DescribeFailure } from '@deckhand/shared';

/**
 * ECS answers a Describe* call with `failures` beside the resources it found: a task that
 * stopped and vanished between the List and the Describe, an instance deregistered meanwhile
 * (`MISSING`). They travel with the described list they belong to, so the list's cache entry
 * and every reader of it keep the list's type; `failuresOf` gives them back for the answer.
 */
const failuresByList = new WeakMap<readonly unknown[], DescribeFailure[]>();

/** ECS's failures as the API shows them (no AWS type crosses the wire). */
export function toDescribeFailures(failures: readonly Failure[] | undefined): DescribeFailure[] {
  return (failures ?? []).map((failure) => ({
    ...(failure.arn ? { arn: failure.arn } : {}),
    reason: failure.reason ?? 'UNKNOWN',
    ...(failure.detail ? { detail: failure.detail } : {}),
  }));
}

/** Attaches the failures of the Describe* batches a list was built from; returns the list. */
export function withFailures<T>(items: T[], failures: readonly DescribeFailure[]): T[] {
  if (failures.length > 0) failuresByList.set(items, [...failures]);
  return items;
}

/** The failures a described list came with; empty when ECS described everything asked for. */
export function failuresOf(items: readonly unknown[]): DescribeFailure[] {
  return failuresByList.get(items) ?? [];
}

/** `{failures}` for a list answer when there were any, nothing otherwise (the field is optional). */
export function failuresField(...lists: (readonly unknown[])[]): { failures?: DescribeFailure[] } {
  const failures = lists.flatMap((list) => failuresOf(list));
  return failures.length > 0 ? { failures } : {};
}
