import { normalizeTraceId, parseArn } from '@deckhand/shared';

/**
 * What a pasted identifier names, recognised by its shape alone: a task id (32 hex, or the older
 * UUID form), a task ARN (which names its cluster too), an X-Ray trace id (a 32-hex W3C id may be
 * either a task or a trace, so it yields both), or a task definition `family:revision`.
 */
export interface PalettePatterns {
  /** A task id to look for in every cluster. */
  taskId?: string;
  /** A task whose cluster is known (from its ARN). */
  task?: { cluster: string; taskId: string };
  /** The trace id in X-Ray form. */
  traceId?: string;
  taskDefinition?: { family: string; revision: number };
}

const TASK_ID = /^[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FAMILY_REVISION = /^([A-Za-z0-9_-]{1,255}):([1-9][0-9]{0,8})$/;

function fromArn(value: string): PalettePatterns {
  const arn = parseArn(value);
  if (arn?.service !== 'ecs') return {};
  const [type, ...rest] = arn.resource.split('/');
  if (type === 'task' && rest.length === 2 && rest[0] && rest[1])
    return { task: { cluster: rest[0], taskId: rest[1] } };
  if (type === 'task-definition' && rest.length === 1 && rest[0]) return familyRevision(rest[0]);
  return {};
}

function familyRevision(value: string): PalettePatterns {
  const match = FAMILY_REVISION.exec(value);
  if (!match?.[1] || !match[2]) return {};
  return { taskDefinition: { family: match[1], revision: Number(match[2]) } };
}

/** Recognises the identifier patterns in what the user typed. */
export function parsePalettePatterns(input: string): PalettePatterns {
  const value = input.trim();
  if (value.startsWith('arn:')) return fromArn(value);
  const lower = value.toLowerCase();
  const patterns: PalettePatterns = {};
  if (TASK_ID.test(lower) || UUID.test(lower)) patterns.taskId = lower;
  const traceId = normalizeTraceId(value);
  if (traceId) patterns.traceId = traceId;
  return { ...patterns, ...familyRevision(value) };
}
