import {
  isJsonObject,
  jsonFromUnknown,
  normaliseTaskDefinition,
  ownMember,
  sameJson,
  taskDefinitionFromUnknown,
} from './normalise.js';
import { formatPath } from './paths.js';
import type { JsonObject, JsonValue, PathSegment } from './types.js';

/**
 * What changed between two task definitions (two revisions, or a revision and an edit), in words a
 * reviewer reads: `web › image tag 1.4.2 → 1.5.0`, `web › env PASSWORD`, `task › memory`. Both
 * sides are normalised first (normalise.ts), so describe output and register input of the same
 * definition show no changes, and list members are matched by what identifies them, not where
 * they sit: a reorder is not a change.
 */

export type DiffCategory =
  | 'image'
  | 'environment'
  | 'secrets'
  | 'resources'
  | 'ports'
  | 'containers'
  | 'volumes'
  | 'roles'
  | 'network'
  | 'logging'
  | 'health'
  | 'other';

export interface DiffChange {
  kind: 'added' | 'removed' | 'changed';
  category: DiffCategory;
  /** JSON path in the side that has it (after for added/changed, before for removed) */
  path: string;
  /** human label e.g. `web › image`, `web › env PASSWORD`, `task › memory` */
  label: string;
  container?: string;
  before?: JsonValue;
  after?: JsonValue;
}

export interface TaskDefinitionDiff {
  changes: DiffChange[];
  /** normalised sides, for a side-by-side view */
  before: JsonObject;
  after: JsonObject;
}

const TASK_CATEGORIES: Readonly<Record<string, DiffCategory>> = {
  cpu: 'resources',
  memory: 'resources',
  ephemeralStorage: 'resources',
  inferenceAccelerators: 'resources',
  taskRoleArn: 'roles',
  executionRoleArn: 'roles',
  networkMode: 'network',
  proxyConfiguration: 'network',
  volumes: 'volumes',
  containerDefinitions: 'containers',
};

const CONTAINER_CATEGORIES: Readonly<Record<string, DiffCategory>> = {
  image: 'image',
  repositoryCredentials: 'image',
  environment: 'environment',
  environmentFiles: 'environment',
  secrets: 'secrets',
  cpu: 'resources',
  memory: 'resources',
  memoryReservation: 'resources',
  resourceRequirements: 'resources',
  ulimits: 'resources',
  portMappings: 'ports',
  links: 'network',
  hostname: 'network',
  dnsServers: 'network',
  dnsSearchDomains: 'network',
  extraHosts: 'network',
  disableNetworking: 'network',
  mountPoints: 'volumes',
  volumesFrom: 'volumes',
  logConfiguration: 'logging',
  firelensConfiguration: 'logging',
  healthCheck: 'health',
  essential: 'containers',
  dependsOn: 'containers',
  startTimeout: 'containers',
  stopTimeout: 'containers',
};

const categoryOf = (table: Readonly<Record<string, DiffCategory>>, key: string): DiffCategory =>
  Object.hasOwn(table, key) ? (table[key] ?? 'other') : 'other';

/** Where a value sits: its path in each document and the label prefix (`task`, `web`). */
interface Site {
  before: PathSegment[];
  after: PathSegment[];
  prefix: string;
  container?: string;
  category: DiffCategory;
}

const child = (site: Site, before: PathSegment, after: PathSegment = before): Site => ({
  ...site,
  before: [...site.before, before],
  after: [...site.after, after],
});

function record(
  changes: DiffChange[],
  site: Site,
  label: string,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): void {
  if (sameJson(before, after)) return;
  const kind = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  changes.push({
    kind,
    category: site.category,
    path: formatPath(kind === 'removed' ? site.before : site.after),
    label,
    ...(site.container === undefined ? {} : { container: site.container }),
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  });
}

/** Members of the after side in its order, then those only the before side has. */
function unionKeys(before: JsonObject, after: JsonObject): string[] {
  return [
    ...Object.keys(after),
    ...Object.keys(before).filter((key) => !Object.hasOwn(after, key)),
  ];
}

/** Objects are compared member by member (labels get the member path); anything else whole. */
function diffValue(
  changes: DiffChange[],
  site: Site,
  relative: PathSegment[],
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): void {
  if (isJsonObject(before) && isJsonObject(after)) {
    for (const key of unionKeys(before, after)) {
      const next = child(site, key);
      diffValue(changes, next, [...relative, key], ownMember(before, key), ownMember(after, key));
    }
    return;
  }
  record(changes, site, `${site.prefix} › ${formatPath(relative)}`, before, after);
}

interface Keyed {
  value: JsonValue;
  index: number;
}

/** Array elements by identity key; a repeated key gets `#2`, `#3`… so none is lost. */
function keyElements(items: JsonValue[], keyOf: (item: JsonValue, index: number) => string) {
  const keyed = new Map<string, Keyed>();
  const seen = new Map<string, number>();
  items.forEach((value, index) => {
    const key = keyOf(value, index);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    keyed.set(count === 1 ? key : `${key}#${count}`, { value, index });
  });
  return keyed;
}

const member = (value: JsonValue, key: string): JsonValue | undefined =>
  isJsonObject(value) ? ownMember(value, key) : undefined;

const text = (value: JsonValue | undefined): string =>
  typeof value === 'string' ? value : JSON.stringify(value ?? null);

/** Compares two arrays element by element, matching elements by `keyOf`. */
function diffKeyedArray(
  changes: DiffChange[],
  site: Site,
  name: string,
  before: JsonValue | undefined,
  after: JsonValue | undefined,
  keyOf: (item: JsonValue, index: number) => string,
  labelOf: (item: JsonValue) => string,
): void {
  const beforeItems = before === undefined ? [] : before;
  const afterItems = after === undefined ? [] : after;
  if (!Array.isArray(beforeItems) || !Array.isArray(afterItems)) {
    diffValue(changes, child(site, name), [name], before, after);
    return;
  }
  const beforeKeyed = keyElements(beforeItems, keyOf);
  const afterKeyed = keyElements(afterItems, keyOf);
  const label = (item: JsonValue) => `${site.prefix} › ${labelOf(item)}`;
  for (const [key, { value, index }] of afterKeyed) {
    const previous = beforeKeyed.get(key);
    const at = child(child(site, name), previous?.index ?? index, index);
    record(changes, at, label(value), previous?.value, value);
  }
  for (const [key, { value, index }] of beforeKeyed) {
    if (!afterKeyed.has(key))
      record(changes, child(child(site, name), index), label(value), value, undefined);
  }
}

const byName = (item: JsonValue): string => {
  const name = member(item, 'name');
  return typeof name === 'string' ? `name:${name}` : `item:${text(item)}`;
};

function portKey(item: JsonValue): string {
  const port = member(item, 'containerPort') ?? member(item, 'containerPortRange');
  return `${text(port)}/${text(member(item, 'protocol') ?? 'tcp')}`;
}

const mountKey = (item: JsonValue): string =>
  `${text(member(item, 'sourceVolume'))}:${text(member(item, 'containerPath'))}`;

interface ImageParts {
  repository: string;
  tag?: string;
  digest?: string;
}

/** `[registry/]repository[:tag][@digest]`; the tag colon is the one after the last slash. */
function imageParts(image: string): ImageParts {
  const at = image.indexOf('@');
  const name = at === -1 ? image : image.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.indexOf(':', slash + 1);
  return {
    repository: colon === -1 ? name : name.slice(0, colon),
    ...(colon === -1 ? {} : { tag: name.slice(colon + 1) }),
    ...(at === -1 ? {} : { digest: image.slice(at + 1) }),
  };
}

/** `web › image tag 1.4.2 → 1.5.0` when only the tag (or digest) moved; `web › image` otherwise. */
function imageLabel(prefix: string, before: JsonValue | undefined, after: JsonValue | undefined) {
  if (typeof before !== 'string' || typeof after !== 'string') return `${prefix} › image`;
  const from = imageParts(before);
  const to = imageParts(after);
  if (from.repository !== to.repository) return `${prefix} › image`;
  if (from.tag === to.tag && from.digest !== to.digest) {
    return `${prefix} › image digest ${from.digest ?? '(none)'} → ${to.digest ?? '(none)'}`;
  }
  const tag = (parts: ImageParts) =>
    parts.tag ?? (parts.digest === undefined ? 'latest' : '(none)');
  return `${prefix} › image tag ${tag(from)} → ${tag(to)}`;
}

function diffContainer(changes: DiffChange[], site: Site, before: JsonObject, after: JsonObject) {
  for (const key of unionKeys(before, after)) {
    const from = ownMember(before, key);
    const to = ownMember(after, key);
    const at: Site = { ...site, category: categoryOf(CONTAINER_CATEGORIES, key) };
    switch (key) {
      case 'image':
        record(changes, child(at, key), imageLabel(site.prefix, from, to), from, to);
        break;
      case 'environment':
        diffKeyedArray(
          changes,
          at,
          key,
          from,
          to,
          byName,
          (item) => `env ${text(member(item, 'name'))}`,
        );
        break;
      case 'secrets':
        diffKeyedArray(
          changes,
          at,
          key,
          from,
          to,
          byName,
          (item) => `secret ${text(member(item, 'name'))}`,
        );
        break;
      case 'portMappings':
        diffKeyedArray(changes, at, key, from, to, portKey, (item) => `port ${portKey(item)}`);
        break;
      case 'mountPoints':
        diffKeyedArray(changes, at, key, from, to, mountKey, (item) => `mount ${mountKey(item)}`);
        break;
      default:
        diffValue(changes, child(at, key), [key], from, to);
    }
  }
}

const containerKey = (item: JsonValue, index: number): string => {
  const name = member(item, 'name');
  return typeof name === 'string' ? `name:${name}` : `index:${index}`;
};

function diffContainers(
  changes: DiffChange[],
  before: JsonValue | undefined,
  after: JsonValue | undefined,
): void {
  const site: Site = { before: [], after: [], prefix: 'task', category: 'containers' };
  const beforeItems = before ?? [];
  const afterItems = after ?? [];
  if (!Array.isArray(beforeItems) || !Array.isArray(afterItems)) {
    diffValue(
      changes,
      child(site, 'containerDefinitions'),
      ['containerDefinitions'],
      before,
      after,
    );
    return;
  }
  const beforeKeyed = keyElements(beforeItems, containerKey);
  const afterKeyed = keyElements(afterItems, containerKey);
  const describe = (value: JsonValue, index: number): Site => {
    const name = member(value, 'name');
    const prefix = typeof name === 'string' ? name : `container ${index + 1}`;
    return { ...site, prefix, ...(typeof name === 'string' ? { container: name } : {}) };
  };
  for (const [key, { value, index }] of afterKeyed) {
    const previous = beforeKeyed.get(key);
    const at = child(describe(value, index), 'containerDefinitions');
    const paths = child(at, previous?.index ?? index, index);
    if (previous && isJsonObject(previous.value) && isJsonObject(value)) {
      diffContainer(changes, paths, previous.value, value);
    } else record(changes, paths, `${paths.prefix} › container`, previous?.value, value);
  }
  for (const [key, { value, index }] of beforeKeyed) {
    if (afterKeyed.has(key)) continue;
    const at = child(child(describe(value, index), 'containerDefinitions'), index);
    record(changes, at, `${at.prefix} › container`, value, undefined);
  }
}

function diffDocuments(before: JsonObject, after: JsonObject): DiffChange[] {
  const changes: DiffChange[] = [];
  const task: Site = { before: [], after: [], prefix: 'task', category: 'other' };
  for (const key of unionKeys(before, after)) {
    if (key === 'containerDefinitions') continue;
    const at: Site = { ...task, category: categoryOf(TASK_CATEGORIES, key) };
    const from = ownMember(before, key);
    const to = ownMember(after, key);
    if (key === 'volumes') {
      diffKeyedArray(
        changes,
        at,
        key,
        from,
        to,
        byName,
        (item) => `volume ${text(member(item, 'name'))}`,
      );
    } else diffValue(changes, child(at, key), [key], from, to);
  }
  diffContainers(
    changes,
    ownMember(before, 'containerDefinitions'),
    ownMember(after, 'containerDefinitions'),
  );
  return changes;
}

/**
 * The changes from `before` to `after`. Either side may be register input, describe output
 * (wrapped `{taskDefinition, tags}` or not) or a bare `containerDefinitions` array; both are
 * normalised first, so read-only members, defaults and unit strings never show as changes.
 *
 * Matching: containers by name (a reorder is not a change), environment and secrets by name,
 * port mappings by containerPort + protocol, mount points by sourceVolume + containerPath,
 * volumes by name; other arrays compare whole; objects compare member by member.
 * Order: task-level changes first, then each container's in the after document's order, then
 * containers only the before side has.
 *
 * A side that is not a task definition (a string, a number, `null`, an array of non-objects) reads
 * as an empty document; when neither side is one, differing values give one `other` change at
 * path `''` labelled `document`. Never throws.
 */
export function diffTaskDefinitions(before: unknown, after: unknown): TaskDefinitionDiff {
  try {
    const from = taskDefinitionFromUnknown(before);
    const to = taskDefinitionFromUnknown(after);
    const normalisedBefore = from ? normaliseTaskDefinition(from) : {};
    const normalisedAfter = to ? normaliseTaskDefinition(to) : {};
    if (!from && !to) {
      const changes: DiffChange[] = [];
      const site: Site = { before: [], after: [], prefix: 'task', category: 'other' };
      record(changes, site, 'document', jsonFromUnknown(before), jsonFromUnknown(after));
      return { changes, before: normalisedBefore, after: normalisedAfter };
    }
    return {
      changes: diffDocuments(normalisedBefore, normalisedAfter),
      before: normalisedBefore,
      after: normalisedAfter,
    };
  } catch {
    return { changes: [], before: {}, after: {} };
  }
}
