import { clientException, invalidParameter } from '../../protocol/errors.js';
import {
  epochSeconds,
  optionalString,
  requiredString,
  stringList,
  type Input,
} from '../../protocol/input.js';
import type { Operation } from '../../protocol/operation.js';
import { paginate } from '../../engine/paginate.js';
import type { TaskDefinitionRecord } from '../../engine/model.js';
import type { RegionState } from '../../engine/region-state.js';
import { parseInclude } from './clusters.js';
import { parseTags } from './tags.js';
import { conformTaskDefinition } from './taskdef-conform.js';
import type { TaskDefinitionInput } from './taskdef-model.js';
import {
  deriveCompatibilities,
  deriveRequiresAttributes,
  normaliseTaskDefinition,
} from './taskdef-normalise.js';
import { findViolation } from './taskdef-rules.js';

/**
 * Stores a new revision of a family. Validation (RegisterTaskDefinition) happens before this;
 * scenarios call it directly with inputs known to be valid. The input is read as AWS's
 * deserializer reads it and normalised as ECS does, so every stored definition has one shape
 * (numeric task cpu/memory, `essential`, host ports, empty lists) whoever stored it.
 */
export function storeTaskDefinition(
  state: RegionState,
  now: number,
  definition: Input,
): TaskDefinitionRecord {
  const normalised = normaliseTaskDefinition(conformTaskDefinition(definition));
  const family = String(normalised.family);
  // Revisions only grow: deleted (DELETE_IN_PROGRESS) revisions keep their numbers, as in AWS.
  let revision = 0;
  for (const record of state.taskDefinitions.values()) {
    if (record.family === family && record.revision > revision) revision = record.revision;
  }
  revision += 1;
  const record: TaskDefinitionRecord = {
    arn: state.arn('ecs', `task-definition/${family}:${revision}`),
    family,
    revision,
    status: 'ACTIVE',
    definition: normalised as Input,
    tags: parseTags(definition),
    registeredAt: now,
  };
  state.taskDefinitions.set(record.arn, record);
  return record;
}

/**
 * Finds a task definition as every ECS `taskDefinition` parameter names it: `family` (latest
 * ACTIVE revision), `family:revision`, or the full ARN.
 */
export function resolveTaskDefinition(
  state: RegionState,
  reference: string,
): TaskDefinitionRecord | undefined {
  if (reference.startsWith('arn:')) return state.taskDefinitions.get(reference);
  if (reference.includes(':'))
    return state.taskDefinitions.get(state.arn('ecs', `task-definition/${reference}`));
  let latest: TaskDefinitionRecord | undefined;
  for (const record of state.taskDefinitions.values()) {
    if (
      record.family === reference &&
      record.status === 'ACTIVE' &&
      (!latest || record.revision > latest.revision)
    ) {
      latest = record;
    }
  }
  return latest;
}

// TaskDefinitionRecord has no field for it; a side table keyed by record dies with the record.
const deleteRequestedAt = new WeakMap<TaskDefinitionRecord, number>();

/** A stored revision as DescribeTaskDefinition (and Register/Deregister/Delete) return it. */
export function describeTaskDefinition(state: RegionState, record: TaskDefinitionRecord) {
  const definition = record.definition as TaskDefinitionInput;
  const deleteRequested = deleteRequestedAt.get(record);
  return {
    taskDefinitionArn: record.arn,
    ...record.definition,
    family: record.family,
    revision: record.revision,
    status: record.status,
    requiresAttributes: deriveRequiresAttributes(definition),
    compatibilities: deriveCompatibilities(definition),
    registeredAt: epochSeconds(record.registeredAt),
    // The simulator has no IAM: every call is the account's root user.
    registeredBy: `arn:aws:iam::${state.accountId}:root`,
    ...(record.deregisteredAt === undefined
      ? {}
      : { deregisteredAt: epochSeconds(record.deregisteredAt) }),
    ...(deleteRequested === undefined ? {} : { deleteRequestedAt: epochSeconds(deleteRequested) }),
  };
}

const REVISION_REFERENCE =
  /^(?:arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:task-definition\/)?([A-Za-z0-9_-]{1,255}):(\d+)$/;

/** The ARN a `family:revision` or full ARN names; undefined when it names no revision. */
function revisionArn(state: RegionState, reference: string): string | undefined {
  const match = REVISION_REFERENCE.exec(reference);
  if (!match) return undefined;
  if (reference.startsWith('arn:')) return reference;
  return state.arn('ecs', `task-definition/${match[1] ?? ''}:${match[2] ?? ''}`);
}

// ASC is family, then revision as a number; a space sorts below every family character.
const ascendingKey = (record: TaskDefinitionRecord) =>
  `${record.family} ${String(record.revision).padStart(10, '0')}`;
// paginate() walks keys upwards, so DESC pages over keys whose order is the mirror image.
const descendingKey = (record: TaskDefinitionRecord) =>
  String.fromCharCode(...[...ascendingKey(record)].map((c) => 0xffff - c.charCodeAt(0)));

const byKey =
  <T>(keyOf: (item: T) => string) =>
  (a: T, b: T) => {
    const left = keyOf(a);
    const right = keyOf(b);
    return left < right ? -1 : left > right ? 1 : 0;
  };

const LIST_STATUSES = new Set(['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS']);
const FAMILY_STATUSES = new Set(['ACTIVE', 'INACTIVE', 'ALL']);
const PAGE = { defaultSize: 100, maxSize: 100 };

function enumValue(input: Input, field: string, allowed: Set<string>, fallback: string): string {
  const value = optionalString(input, field) ?? fallback;
  if (!allowed.has(value)) {
    throw invalidParameter(`${field} must be one of ${[...allowed].join(', ')}.`);
  }
  return value;
}

const FAILURE = {
  invalid:
    'The specified task definition identifier is invalid. Specify a valid name or ARN and try again.',
  missing:
    'The specified task definition does not exist. Specify a valid account, family, revision and try again.',
  active:
    'The specified task definition is still in ACTIVE status. Please deregister the target and try again.',
};

export const taskDefinitionOperations: Record<string, Operation> = {
  RegisterTaskDefinition(input, { state, clock }) {
    const request = conformTaskDefinition(input);
    parseTags(input); // tag limits first (InvalidParameterException); the store reads them again
    const violation = findViolation(request);
    if (violation !== undefined) throw clientException(violation);
    const record = storeTaskDefinition(state, clock.now(), input);
    return { taskDefinition: describeTaskDefinition(state, record), tags: record.tags };
  },

  DescribeTaskDefinition(input, { state }) {
    const reference = requiredString(input, 'taskDefinition');
    const include = parseInclude(input, new Set(['TAGS']));
    const record = resolveTaskDefinition(state, reference);
    if (!record) throw clientException('Unable to describe task definition.');
    return {
      taskDefinition: describeTaskDefinition(state, record),
      ...(include.has('TAGS') ? { tags: record.tags } : {}),
    };
  },

  DeregisterTaskDefinition(input, { state, clock }) {
    const reference = requiredString(input, 'taskDefinition');
    const arn = revisionArn(state, reference);
    // Deregistering is per revision: a bare family would be ambiguous.
    if (arn === undefined) {
      throw invalidParameter(
        'Task definition must be specified as family:revision or a full task definition ARN.',
      );
    }
    const record = state.taskDefinitions.get(arn);
    if (!record) throw clientException('Unable to describe task definition.');
    if (record.status === 'ACTIVE') {
      record.status = 'INACTIVE';
      record.deregisteredAt = clock.now();
    }
    return { taskDefinition: describeTaskDefinition(state, record) };
  },

  ListTaskDefinitions(input, { state }) {
    // Despite its name, familyPrefix is matched against the whole family (AWS documents it so).
    const family = optionalString(input, 'familyPrefix');
    const status = enumValue(input, 'status', LIST_STATUSES, 'ACTIVE');
    const sort = enumValue(input, 'sort', new Set(['ASC', 'DESC']), 'ASC');
    const keyOf = sort === 'ASC' ? ascendingKey : descendingKey;
    const records = [...state.taskDefinitions.values()]
      .filter((r) => r.status === status && (family === undefined || r.family === family))
      .sort(byKey(keyOf));
    const page = paginate(records, keyOf, input.maxResults, input.nextToken, PAGE);
    return {
      taskDefinitionArns: page.items.map((record) => record.arn),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    };
  },

  ListTaskDefinitionFamilies(input, { state }) {
    const prefix = optionalString(input, 'familyPrefix') ?? '';
    const status = enumValue(input, 'status', FAMILY_STATUSES, 'ALL');
    const all = new Set<string>();
    const active = new Set<string>();
    for (const record of state.taskDefinitions.values()) {
      all.add(record.family);
      if (record.status === 'ACTIVE') active.add(record.family);
    }
    // INACTIVE means "no ACTIVE revision left", not "has an INACTIVE revision".
    const families = [...all]
      .filter(
        (f) =>
          f.startsWith(prefix) && (status === 'ALL' || active.has(f) === (status === 'ACTIVE')),
      )
      .sort(byKey((f: string) => f));
    const page = paginate(families, (f) => f, input.maxResults, input.nextToken, PAGE);
    return { families: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
  },

  DeleteTaskDefinitions(input, { state, clock }) {
    const references = stringList(input, 'taskDefinitions');
    if (references.length === 0) {
      throw invalidParameter('size of TaskDefinition references list must be greater than 0');
    }
    if (references.length > 10) {
      throw invalidParameter('Size of TaskDefinition references list cannot exceed 10');
    }
    const taskDefinitions = [];
    const failures = [];
    for (const reference of references) {
      const arn = revisionArn(state, reference);
      const record = arn === undefined ? undefined : state.taskDefinitions.get(arn);
      if (arn === undefined) failures.push({ arn: reference, reason: FAILURE.invalid });
      else if (!record) failures.push({ arn: reference, reason: FAILURE.missing });
      else if (record.status === 'ACTIVE')
        failures.push({ arn: reference, reason: FAILURE.active });
      else {
        // It stays DELETE_IN_PROGRESS while tasks or services still use it; the simulator never
        // purges it, which also keeps the family's revision numbers growing as AWS does.
        if (record.status === 'INACTIVE') {
          record.status = 'DELETE_IN_PROGRESS';
          deleteRequestedAt.set(record, clock.now());
        }
        taskDefinitions.push(describeTaskDefinition(state, record));
      }
    }
    return { taskDefinitions, failures };
  },
};
