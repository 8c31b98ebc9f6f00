import type { Attachment } from '@aws-sdk/client-ecs';
import { resourceName } from '@deckhand/shared';

/** Small conversions every ECS mapper needs; SDK output may omit any of these fields. */

/** An SDK timestamp as an ISO string; undefined for a missing or invalid date. */
export function isoDate(value: Date | undefined): string | undefined {
  return value && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined;
}

/** The short id or name at the end of an ARN (`…:task/prod/abc` → `abc`, `…:task-definition/web:3` → `web:3`). */
export function nameOf(arn: string | undefined, fallback = 'unknown'): string {
  return arn ? resourceName(arn) || fallback : fallback;
}

/** The private IPv4 address of an ENI attachment (awsvpc tasks, trunked instances). */
export function eniPrivateIp(attachments: Attachment[] | undefined): string | undefined {
  for (const attachment of attachments ?? []) {
    if (attachment.type !== 'ElasticNetworkInterface' && attachment.type !== 'eni') continue;
    const ip = attachment.details?.find((detail) => detail.name === 'privateIPv4Address')?.value;
    if (ip) return ip;
  }
  return undefined;
}

/** The subnet of a task's ENI (awsvpc), from the attachment's details. */
export function eniSubnetId(attachments: Attachment[] | undefined): string | undefined {
  for (const attachment of attachments ?? []) {
    if (attachment.type !== 'ElasticNetworkInterface' && attachment.type !== 'eni') continue;
    const subnet = attachment.details?.find((detail) => detail.name === 'subnetId')?.value;
    if (subnet) return subnet;
  }
  return undefined;
}

/** A numeric string (task cpu/memory, `"1024"`) as an integer; undefined otherwise. */
export function integerOf(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 0 ? parsed : undefined;
}
