import { parseCpu, parseMemory } from './fargate.js';
import { READ_ONLY_MEMBERS } from './read-only.js';
import type { JsonObject, JsonValue } from './types.js';

/**
 * ECS's register-time normalisation (REFERENCE.md §5). DescribeTaskDefinition answers with what
 * ECS stored, not what was sent: unit strings become numbers, `essential` and `protocol` get their
 * defaults, awsvpc/host ports get `hostPort`, empty lists appear, read-only members are added. A
 * revision diff has to bring both sides to this one form or every diff is noise.
 */

const READ_ONLY: ReadonlySet<string> = new Set(READ_ONLY_MEMBERS);

/** Whether a member is one of the read-only members of describe output. */
export function isReadOnlyTaskDefinitionMember(name: string): boolean {
  return READ_ONLY.has(name);
}

const MAX_DEPTH = 256;

export const isJsonObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * A JSON copy of any value: what `JSON.stringify` would keep, minus what it would write as `null`
 * (`undefined`, functions, symbols, non-finite numbers are left out, also inside arrays). Cycles
 * and very deep nesting are cut. `undefined` when nothing is left. Never throws.
 */
export function jsonFromUnknown(value: unknown): JsonValue | undefined {
  return copyJson(value, 0, new Set());
}

function copyJson(value: unknown, depth: number, seen: Set<object>): JsonValue | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'object' || depth > MAX_DEPTH || seen.has(value)) return undefined;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const items: JsonValue[] = [];
      for (const item of value as unknown[]) {
        const copy = copyJson(item, depth + 1, seen);
        if (copy !== undefined) items.push(copy);
      }
      return items;
    }
    // fromEntries defines own members, so a member named `__proto__` stays a plain member.
    const entries: Array<[string, JsonValue]> = [];
    for (const key of Object.keys(value)) {
      const copy = copyJson((value as Record<string, unknown>)[key], depth + 1, seen);
      if (copy !== undefined) entries.push([key, copy]);
    }
    return Object.fromEntries<JsonValue>(entries);
  } catch {
    return undefined;
  } finally {
    seen.delete(value);
  }
}

/** An own member's value; never one inherited from `Object.prototype`. */
export function ownMember(object: JsonObject, key: string): JsonValue | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * The task definition in any of the usual shapes (REFERENCE.md §5): register input, describe
 * output wrapped as `{taskDefinition, tags}` (its `tags` carried in) or unwrapped, or a bare
 * `containerDefinitions` array. `undefined` for anything else (a string, a number, `null`, an
 * array of non-objects). Returns a copy.
 */
export function taskDefinitionFromUnknown(input: unknown): JsonObject | undefined {
  const value = jsonFromUnknown(input);
  if (Array.isArray(value)) {
    return value.every(isJsonObject) ? { containerDefinitions: value } : undefined;
  }
  return isJsonObject(value) ? unwrapDescribeOutput(value) : undefined;
}

function unwrapDescribeOutput(value: JsonObject): JsonObject {
  const inner = ownMember(value, 'taskDefinition');
  if (!isJsonObject(inner) || Object.hasOwn(value, 'containerDefinitions')) return value;
  const tags = ownMember(value, 'tags');
  return tags !== undefined && !Object.hasOwn(inner, 'tags') ? { ...inner, tags } : inner;
}

/**
 * Deep JSON equality where member order does not matter (array order does).
 */
export function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

/** Drops `null`s, and members that are empty arrays or empty objects, all the way down. */
function clean(value: JsonValue): JsonValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    const items: JsonValue[] = [];
    for (const item of value) {
      const cleaned = clean(item);
      if (cleaned !== undefined) items.push(cleaned);
    }
    return items;
  }
  if (typeof value !== 'object') return value;
  const entries: Array<[string, JsonValue]> = [];
  for (const [key, member] of Object.entries(value)) {
    const cleaned = clean(member);
    if (cleaned === undefined) continue;
    if (Array.isArray(cleaned) && cleaned.length === 0) continue;
    if (isJsonObject(cleaned) && Object.keys(cleaned).length === 0) continue;
    entries.push([key, cleaned]);
  }
  return Object.fromEntries<JsonValue>(entries);
}

function cleanObject(value: JsonObject): JsonObject {
  const cleaned = clean(value);
  return isJsonObject(cleaned) ? cleaned : {};
}

/** A task-level unit string as ECS stores it (`"1 vCPU"` → `"1024"`); other values unchanged. */
function unitsToNumberString(value: JsonValue, parse: (value: unknown) => number | undefined) {
  const parsed = parse(value);
  return parsed !== undefined && Number.isSafeInteger(parsed) ? String(parsed) : value;
}

function normalisePortMapping(mapping: JsonValue, networkMode: JsonValue | undefined): JsonValue {
  if (!isJsonObject(mapping)) return mapping;
  const result: JsonObject = { ...mapping };
  if (!Object.hasOwn(mapping, 'protocol')) result.protocol = 'tcp';
  const containerPort = ownMember(mapping, 'containerPort');
  if (!Object.hasOwn(mapping, 'hostPort') && typeof containerPort === 'number') {
    // awsvpc and host: the host port is the container port. bridge (the Linux default when no
    // mode is given): omitted and 0 both mean a dynamic port, and describe output shows 0.
    if (networkMode === 'awsvpc' || networkMode === 'host') result.hostPort = containerPort;
    else if (networkMode === undefined || networkMode === 'bridge') result.hostPort = 0;
  }
  return result;
}

function normaliseContainer(container: JsonValue, networkMode: JsonValue | undefined): JsonValue {
  if (!isJsonObject(container)) return container;
  const result: JsonObject = { ...container };
  if (!Object.hasOwn(container, 'essential')) result.essential = true;
  // Describe output shows `"cpu": 0` for a container registered without cpu; both mean none.
  if (ownMember(container, 'cpu') === 0) delete result.cpu;
  const portMappings = ownMember(container, 'portMappings');
  if (Array.isArray(portMappings)) {
    result.portMappings = portMappings.map((mapping) => normalisePortMapping(mapping, networkMode));
  }
  return result;
}

/**
 * A task definition as ECS would store it, so that two revisions compare like with like:
 * - a describe-output wrapper `{taskDefinition, tags}` is unwrapped (its `tags` carried in);
 * - read-only describe members (`taskDefinitionArn`, `revision`, `status`, …) are removed;
 * - task `cpu` / `memory` unit strings become number strings (`"1 vCPU"` → `"1024"`,
 *   `"2 GB"` → `"2048"`, `512` → `"512"`);
 * - containers: `essential` omitted → `true`; `cpu: 0` removed (describe shows it for "none");
 * - port mappings: `protocol` omitted → `"tcp"`; `hostPort` omitted → `containerPort` in awsvpc
 *   and host mode, `0` (dynamic) in bridge mode or when no mode is given;
 * - `null`s, empty arrays and empty objects are removed everywhere (`environment: []`, …).
 * Never throws, leaves its argument as it was, and is idempotent.
 */
export function normaliseTaskDefinition(input: JsonObject): JsonObject {
  try {
    const value = jsonFromUnknown(input);
    const document = Array.isArray(value) ? { containerDefinitions: value } : value;
    if (!isJsonObject(document)) return {};
    // Clean before unwrapping, and unwrap until nothing is left to unwrap, so that a second run
    // finds nothing more to do (a wrapper's `containerDefinitions: []` disappears on cleaning).
    let cleaned = cleanObject(document);
    for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
      const unwrapped = unwrapDescribeOutput(cleaned);
      if (unwrapped === cleaned) break;
      cleaned = unwrapped;
    }
    const result: JsonObject = Object.fromEntries<JsonValue>(
      Object.entries(cleaned).filter(([key]) => !READ_ONLY.has(key)),
    );
    const cpu = ownMember(cleaned, 'cpu');
    if (cpu !== undefined) result.cpu = unitsToNumberString(cpu, parseCpu);
    const memory = ownMember(cleaned, 'memory');
    if (memory !== undefined) result.memory = unitsToNumberString(memory, parseMemory);
    const networkMode = ownMember(cleaned, 'networkMode');
    const containers = ownMember(cleaned, 'containerDefinitions');
    if (Array.isArray(containers)) {
      result.containerDefinitions = containers.map((container) =>
        normaliseContainer(container, networkMode),
      );
    }
    return cleanObject(result);
  } catch {
    return {};
  }
}
