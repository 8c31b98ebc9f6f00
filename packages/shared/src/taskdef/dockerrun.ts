import { parseMemory } from './fargate.js';
import {
  isJsonObject,
  isReadOnlyTaskDefinitionMember,
  jsonFromUnknown,
  ownMember,
} from './normalise.js';
import { describeJsonError, editDistance } from './json-text.js';
import { formatPath } from './paths.js';
import type { ConversionNote, JsonObject, JsonValue, PathSegment } from './types.js';

/**
 * Elastic Beanstalk's Dockerrun.aws.json v2 ↔ ECS task definition (REFERENCE.md §6). EB's
 * multi-container platform makes an ECS task definition from the file itself: bridge networking
 * on EC2, no task-level cpu/memory, `containerDefinitions` in the ECS format, host volumes only,
 * and an automatic `awseb-logs-<name>` volume per container (→ `/var/log/containers/<name>`).
 */

export type DockerrunResult =
  | { ok: true; taskDefinition: JsonObject; notes: ConversionNote[] }
  | { ok: false; error: string; notes: ConversionNote[] };

export type TaskDefinitionToDockerrunResult =
  | { ok: true; dockerrun: JsonObject; notes: ConversionNote[] }
  | { ok: false; error: string; notes: ConversionNote[] };

/** The family an imported file gets when the caller names none. */
export const DEFAULT_DOCKERRUN_FAMILY = 'beanstalk-app';

const VERSION_KEY = 'AWSEBDockerrunVersion';
const DOCKERRUN_KEYS = [
  VERSION_KEY,
  'containerDefinitions',
  'volumes',
  'authentication',
  'executionRoleArn',
] as const;
const REQUIRED_KEYS: ReadonlySet<string> = new Set([VERSION_KEY, 'containerDefinitions']);
/** Keys of a version 1 file (one container, capitalised keys). */
const V1_KEYS = ['Image', 'Ports', 'Volumes', 'Logging', 'Authentication', 'Command', 'Entrypoint'];
const AWSEB_LOGS = /^awseb-logs-(.+)$/;
const MIN_CONTAINER_MEMORY = 6;

const note = (kind: ConversionNote['kind'], path: readonly PathSegment[], message: string) => ({
  kind,
  path: formatPath(path),
  message,
});

/** The known key a misspelt one was meant to be (≤ 2 edits, case ignored), if any. */
function suggestionFor(key: string, known: readonly string[]): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    if (Math.abs(candidate.length - key.length) > 2) continue;
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: candidate, distance };
  }
  return best?.key;
}

function withoutNulls(value: JsonValue): JsonValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      const kept = withoutNulls(item);
      return kept === undefined ? [] : [kept];
    });
  }
  if (!isJsonObject(value)) return value;
  const entries: Array<[string, JsonValue]> = [];
  for (const [key, member] of Object.entries(value)) {
    const kept = withoutNulls(member);
    if (kept !== undefined) entries.push([key, kept]);
  }
  return Object.fromEntries<JsonValue>(entries);
}

function versionOf(value: JsonValue | undefined): number | string | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  return undefined;
}

const V1_MESSAGE =
  'This is a version 1 Dockerrun.aws.json (one container, capitalised keys such as `Image` and `Ports`). Only version 2 files (`"AWSEBDockerrunVersion": 2` with `containerDefinitions`) convert to an ECS task definition.';
const V3_MESSAGE =
  'This is a version 3 Dockerrun.aws.json (the Docker Compose based format of the Amazon Linux 2 Docker platform). Only version 2 files (`"AWSEBDockerrunVersion": 2` with `containerDefinitions`) convert to an ECS task definition.';

const failure = (error: string, notes: ConversionNote[]) => ({ ok: false, error, notes }) as const;

/** Checks the version and the top-level keys; the error when the file cannot be converted. */
function checkDockerrun(document: JsonObject, notes: ConversionNote[]): string | undefined {
  const misspelt = new Map<string, string>();
  for (const key of Object.keys(document)) {
    if ((DOCKERRUN_KEYS as readonly string[]).includes(key)) continue;
    const absent = DOCKERRUN_KEYS.filter((known) => !Object.hasOwn(document, known));
    const suggestion = suggestionFor(key, absent);
    if (suggestion !== undefined && REQUIRED_KEYS.has(suggestion)) {
      if (!misspelt.has(suggestion)) misspelt.set(suggestion, key);
      continue;
    }
    const hint = suggestion === undefined ? '' : ` Did you mean \`${suggestion}\`?`;
    notes.push(
      note(
        'unknown-field',
        [key],
        `\`${key}\` is not a Dockerrun.aws.json v2 key; it was ignored.${hint}`,
      ),
    );
  }
  const typo = (known: string) => {
    const key = misspelt.get(known);
    return key === undefined ? undefined : `Unknown key \`${key}\`: did you mean \`${known}\`?`;
  };
  if (!Object.hasOwn(document, VERSION_KEY)) {
    if (V1_KEYS.some((key) => Object.hasOwn(document, key))) return V1_MESSAGE;
    return (
      typo(VERSION_KEY) ??
      'Missing `AWSEBDockerrunVersion`: a multi-container Dockerrun.aws.json starts with `"AWSEBDockerrunVersion": 2`, and only version 2 converts to an ECS task definition.'
    );
  }
  const version = versionOf(ownMember(document, VERSION_KEY));
  if (version === 1) return V1_MESSAGE;
  if (version === 3) return V3_MESSAGE;
  if (version !== 2) {
    return `\`AWSEBDockerrunVersion\` is ${JSON.stringify(ownMember(document, VERSION_KEY) ?? null)}; only version 2 converts to an ECS task definition.`;
  }
  const containers = ownMember(document, 'containerDefinitions');
  if (containers === undefined) {
    return (
      typo('containerDefinitions') ??
      'Missing `containerDefinitions`: a version 2 file lists its containers there.'
    );
  }
  if (!Array.isArray(containers))
    return '`containerDefinitions` must be an array of container definitions.';
  if (containers.length === 0)
    return '`containerDefinitions` is empty: a task definition needs at least one container.';
  return undefined;
}

/** Declares the `awseb-logs-<name>` volumes EB would have provided; notes other undeclared ones. */
function declareLogVolumes(containers: JsonValue[], volumes: JsonValue[], notes: ConversionNote[]) {
  const declared = new Set(volumes.map((volume) => ownName(volume)));
  containers.forEach((container, index) => {
    const mountPoints = isJsonObject(container) ? ownMember(container, 'mountPoints') : undefined;
    if (!Array.isArray(mountPoints)) return;
    mountPoints.forEach((mountPoint, mountIndex) => {
      const source = isJsonObject(mountPoint) ? ownMember(mountPoint, 'sourceVolume') : undefined;
      if (typeof source !== 'string' || declared.has(source)) return;
      const logs = AWSEB_LOGS.exec(source);
      const at = ['containerDefinitions', index, 'mountPoints', mountIndex, 'sourceVolume'];
      if (logs?.[1] === undefined) {
        notes.push(
          note(
            'info',
            at,
            `Volume \`${source}\` is mounted but not declared in \`volumes\`; ECS rejects an undeclared sourceVolume.`,
          ),
        );
        return;
      }
      const sourcePath = `/var/log/containers/${logs[1]}`;
      volumes.push({ name: source, host: { sourcePath } });
      declared.add(source);
      notes.push(
        note(
          'changed',
          ['volumes', volumes.length - 1],
          `Declared \`${source}\` (host path \`${sourcePath}\`), the log volume Elastic Beanstalk provides without a declaration.`,
        ),
      );
    });
  });
}

function ownName(value: JsonValue | undefined): string | undefined {
  const name = isJsonObject(value) ? ownMember(value, 'name') : undefined;
  return typeof name === 'string' ? name : undefined;
}

const hasMemory = (container: JsonObject) =>
  ownMember(container, 'memory') !== undefined ||
  ownMember(container, 'memoryReservation') !== undefined;

/**
 * A Dockerrun.aws.json v2 document as ECS RegisterTaskDefinition input. Adds a family
 * (`options.family`, else `beanstalk-app`), bridge networking on EC2, and the `awseb-logs-*`
 * volumes containers mount without declaring; carries containers, host volumes and
 * `executionRoleArn`; drops `authentication` with a warning. A container with neither `memory`
 * nor `memoryReservation` is left so (no value is invented) and gets a note, as ECS rejects it
 * without task-level memory. Version 1 and 3 files, a missing version, and misspelt required keys
 * are refused. Never throws.
 */
export function dockerrunToTaskDefinition(
  input: unknown,
  options: { family?: string } = {},
): DockerrunResult {
  const notes: ConversionNote[] = [];
  try {
    const document = withoutNulls(jsonFromUnknown(input) ?? null);
    if (!isJsonObject(document)) {
      return failure(
        'A Dockerrun.aws.json file is a JSON object with `AWSEBDockerrunVersion` and `containerDefinitions`.',
        notes,
      );
    }
    const error = checkDockerrun(document, notes);
    if (error !== undefined) return failure(error, notes);
    notes.unshift(
      note('shape', [], 'Read as an Elastic Beanstalk Dockerrun.aws.json version 2 file.'),
    );

    const containers = ownMember(document, 'containerDefinitions');
    const containerList = Array.isArray(containers) ? containers : [];
    const declaredVolumes = ownMember(document, 'volumes');
    const volumes = Array.isArray(declaredVolumes) ? [...declaredVolumes] : [];
    if (declaredVolumes !== undefined && !Array.isArray(declaredVolumes)) {
      notes.push(note('dropped', ['volumes'], '`volumes` is not an array; it was dropped.'));
    }
    declareLogVolumes(containerList, volumes, notes);
    containerList.forEach((container, index) => {
      if (!isJsonObject(container) || hasMemory(container)) return;
      const name = ownName(container) ?? `#${index + 1}`;
      notes.push(
        note(
          'info',
          ['containerDefinitions', index],
          `Container \`${name}\` needs \`memory\` or \`memoryReservation\`: the task has no task-level memory (EB's bridge/EC2 tasks never do), so ECS rejects it without one. Add one before registering.`,
        ),
      );
    });

    const requested = options.family?.trim();
    const family =
      requested === undefined || requested === '' ? DEFAULT_DOCKERRUN_FAMILY : requested;
    if (family === DEFAULT_DOCKERRUN_FAMILY && requested !== DEFAULT_DOCKERRUN_FAMILY) {
      notes.push(
        note(
          'changed',
          ['family'],
          `Named the family \`${family}\` (Elastic Beanstalk names it after the environment); rename it as you like.`,
        ),
      );
    }
    notes.push(
      note(
        'changed',
        ['networkMode'],
        'Set `networkMode` to `bridge` and `requiresCompatibilities` to `["EC2"]`, as Elastic Beanstalk runs these containers.',
      ),
    );
    if (Object.hasOwn(document, 'authentication')) {
      notes.push(
        note(
          'dropped',
          ['authentication'],
          '`authentication` (a .dockercfg in S3) has no automatic ECS equivalent: store the registry credentials in Secrets Manager and set `repositoryCredentials.credentialsParameter` on each container that pulls from the private registry (images in ECR need only `executionRoleArn`).',
        ),
      );
    }
    const executionRoleArn = ownMember(document, 'executionRoleArn');
    const taskDefinition: JsonObject = {
      family,
      networkMode: 'bridge',
      requiresCompatibilities: ['EC2'],
      ...(executionRoleArn === undefined ? {} : { executionRoleArn }),
      containerDefinitions: containerList,
      ...(volumes.length === 0 ? {} : { volumes }),
    };
    return { ok: true, taskDefinition, notes };
  } catch {
    return failure('The file could not be read as a Dockerrun.aws.json document.', notes);
  }
}

/**
 * `dockerrunToTaskDefinition` on the text of a file; a JSON syntax error is reported with its line
 * and column (`… at line 4, column 3`). A leading byte-order mark is ignored. Never throws.
 */
export function dockerrunTextToTaskDefinition(
  text: string,
  options: { family?: string } = {},
): DockerrunResult {
  const source = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  if (source.trim() === '') return failure('The Dockerrun.aws.json text is empty.', []);
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return failure(describeJsonError(source), []);
  }
  return dockerrunToTaskDefinition(parsed, options);
}

/** Task-definition members Dockerrun.aws.json v2 cannot carry, with why, for the 'dropped' notes. */
const NOT_IN_DOCKERRUN: Readonly<Record<string, string>> = {
  family: 'Elastic Beanstalk names the task definition after the environment.',
  taskRoleArn:
    'Dockerrun.aws.json has no task role; the containers get the instance profile of the environment.',
  pidMode: 'Dockerrun.aws.json v2 has no `pidMode`.',
  ipcMode: 'Dockerrun.aws.json v2 has no `ipcMode`.',
  proxyConfiguration: 'Dockerrun.aws.json v2 has no `proxyConfiguration` (App Mesh).',
  placementConstraints: 'Elastic Beanstalk places the task on its own instances.',
  runtimePlatform: 'The platform of the environment decides the OS and architecture.',
  ephemeralStorage: '`ephemeralStorage` is a Fargate setting.',
  tags: 'Tag the Elastic Beanstalk environment instead.',
  inferenceAccelerators: 'Dockerrun.aws.json v2 has no `inferenceAccelerators`.',
  enableFaultInjection: 'Dockerrun.aws.json v2 has no `enableFaultInjection`.',
  cpu: 'Elastic Beanstalk tasks have no task-level cpu; set `cpu` on the containers.',
  memory:
    'Elastic Beanstalk tasks have no task-level memory; each container needs `memory` or `memoryReservation`.',
};
const CARRIED = new Set([
  'containerDefinitions',
  'volumes',
  'executionRoleArn',
  'networkMode',
  'requiresCompatibilities',
]);
const OTHER_VOLUME_KINDS = [
  'efsVolumeConfiguration',
  'dockerVolumeConfiguration',
  'fsxWindowsFileServerVolumeConfiguration',
  'configuredAtLaunch',
];

/** The task definition inside any of the usual shapes, and the shape it came in. */
function readTaskDefinition(input: unknown, notes: ConversionNote[]): JsonObject | string {
  const value = withoutNulls(jsonFromUnknown(input) ?? null);
  if (Array.isArray(value)) {
    if (value.length > 0 && value.every(isJsonObject)) {
      notes.push(note('shape', [], 'Read as a bare `containerDefinitions` array.'));
      return { containerDefinitions: value };
    }
    return 'Expected a task definition (an object with `containerDefinitions`).';
  }
  if (!isJsonObject(value))
    return 'Expected a task definition (an object with `containerDefinitions`).';
  if (Object.hasOwn(value, VERSION_KEY)) return 'This is already a Dockerrun.aws.json file.';
  const inner = ownMember(value, 'taskDefinition');
  if (isJsonObject(inner) && !Object.hasOwn(value, 'containerDefinitions')) {
    notes.push(
      note('shape', [], 'Read as describe-task-definition output; unwrapped `taskDefinition`.'),
    );
    const tags = ownMember(value, 'tags');
    return tags === undefined || Object.hasOwn(inner, 'tags') ? inner : { ...inner, tags };
  }
  return value;
}

/** Host volumes are kept; EB's own awseb-logs volumes are left for EB; the rest is dropped. */
function exportVolumes(
  document: JsonObject,
  containerNames: ReadonlySet<string>,
  notes: ConversionNote[],
): { volumes: JsonValue[]; dropped: Set<string> } {
  const declared = ownMember(document, 'volumes');
  const volumes: JsonValue[] = [];
  const dropped = new Set<string>();
  if (declared === undefined) return { volumes, dropped };
  if (!Array.isArray(declared)) {
    notes.push(note('dropped', ['volumes'], '`volumes` is not an array; it was dropped.'));
    return { volumes, dropped };
  }
  declared.forEach((volume, index) => {
    const name = ownName(volume);
    const host = isJsonObject(volume) ? ownMember(volume, 'host') : undefined;
    const sourcePath = isJsonObject(host) ? ownMember(host, 'sourcePath') : undefined;
    const other = isJsonObject(volume)
      ? OTHER_VOLUME_KINDS.find((kind) => Object.hasOwn(volume, kind))
      : undefined;
    const logs = name === undefined ? undefined : AWSEB_LOGS.exec(name)?.[1];
    if (typeof sourcePath === 'string' && other === undefined) {
      if (
        logs !== undefined &&
        containerNames.has(logs) &&
        sourcePath === `/var/log/containers/${logs}`
      ) {
        notes.push(
          note(
            'info',
            ['volumes', index],
            `Left out \`${name ?? ''}\`: Elastic Beanstalk provides it for container \`${logs}\`.`,
          ),
        );
        return;
      }
      volumes.push(volume);
      return;
    }
    if (name !== undefined) dropped.add(name);
    const why = other === undefined ? 'it has no host `sourcePath`' : `it is a \`${other}\` volume`;
    notes.push(
      note(
        'dropped',
        ['volumes', index],
        `Dropped volume \`${name ?? `#${index + 1}`}\`: Dockerrun.aws.json v2 carries host volumes only, and ${why}.`,
      ),
    );
  });
  return { volumes, dropped };
}

function exportContainer(
  container: JsonObject,
  index: number,
  context: { bridged: boolean; droppedVolumes: ReadonlySet<string>; share: number | undefined },
  notes: ConversionNote[],
): JsonObject {
  const result: JsonObject = { ...container };
  const name = ownName(container) ?? `#${index + 1}`;
  const mountPoints = ownMember(container, 'mountPoints');
  if (Array.isArray(mountPoints)) {
    const kept = mountPoints.filter((mountPoint, mountIndex) => {
      const source = isJsonObject(mountPoint) ? ownMember(mountPoint, 'sourceVolume') : undefined;
      if (typeof source !== 'string' || !context.droppedVolumes.has(source)) return true;
      notes.push(
        note(
          'dropped',
          ['containerDefinitions', index, 'mountPoints', mountIndex],
          `Dropped the mount of \`${source}\` from \`${name}\`: the volume was dropped.`,
        ),
      );
      return false;
    });
    // Only what was dropped goes: a mount list that was empty to begin with stays as written.
    if (kept.length > 0 || mountPoints.length === 0) result.mountPoints = kept;
    else delete result.mountPoints;
  }
  const portMappings = ownMember(container, 'portMappings');
  if (context.bridged && Array.isArray(portMappings)) {
    result.portMappings = portMappings.map((mapping) => {
      const containerPort = isJsonObject(mapping) ? ownMember(mapping, 'containerPort') : undefined;
      return isJsonObject(mapping) && typeof containerPort === 'number'
        ? { ...mapping, hostPort: containerPort }
        : mapping;
    });
    notes.push(
      note(
        'changed',
        ['containerDefinitions', index, 'portMappings'],
        `\`${name}\`: in bridge mode each port is published as \`hostPort\` = \`containerPort\`, so it stays reachable on the instance at the same port.`,
      ),
    );
  }
  if (!hasMemory(container)) {
    if (context.share !== undefined) {
      result.memoryReservation = context.share;
      notes.push(
        note(
          'changed',
          ['containerDefinitions', index, 'memoryReservation'],
          `\`${name}\` had no memory of its own: set \`memoryReservation\` to ${context.share} MiB, an even share of the task memory that was dropped.`,
        ),
      );
    } else {
      notes.push(
        note(
          'info',
          ['containerDefinitions', index],
          `Container \`${name}\` needs \`memory\` or \`memoryReservation\`: Elastic Beanstalk tasks have no task-level memory.`,
        ),
      );
    }
  }
  return result;
}

/** An even share of the task memory left after the containers that state their own. */
function memoryShare(document: JsonObject, containers: JsonValue[]): number | undefined {
  const taskMemory = parseMemory(ownMember(document, 'memory'));
  if (taskMemory === undefined) return undefined;
  let used = 0;
  let without = 0;
  for (const container of containers) {
    if (!isJsonObject(container)) continue;
    const own = ownMember(container, 'memoryReservation') ?? ownMember(container, 'memory');
    if (own === undefined) without += 1;
    else if (typeof own === 'number') used += own;
  }
  if (without === 0) return undefined;
  const share = Math.floor((taskMemory - used) / without);
  return share >= MIN_CONTAINER_MEMORY ? share : undefined;
}

/**
 * A task definition (register input, describe output wrapped or not, or a bare
 * `containerDefinitions` array) as a Dockerrun.aws.json v2 document:
 * `{AWSEBDockerrunVersion: 2, volumes?, containerDefinitions, executionRoleArn?}`.
 * Only bridge/EC2 content and host volumes carry over; everything else is dropped with a note:
 * read-only members, family, task role, pidMode, ipcMode, proxyConfiguration,
 * placementConstraints, runtimePlatform, ephemeralStorage, tags, task cpu/memory (containers
 * without memory get an even share of it as `memoryReservation`), non-host volumes (and their
 * mounts). awsvpc and host mode become bridge with `hostPort` = `containerPort`. The
 * `awseb-logs-<container>` volumes EB provides are left out, so dockerrun → task definition →
 * dockerrun gives back the same containers and volumes. Never throws.
 */
export function taskDefinitionToDockerrun(input: unknown): TaskDefinitionToDockerrunResult {
  const notes: ConversionNote[] = [];
  try {
    const document = readTaskDefinition(input, notes);
    if (typeof document === 'string') return failure(document, notes);
    const containers = ownMember(document, 'containerDefinitions');
    if (!Array.isArray(containers) || containers.length === 0) {
      return failure('The task definition has no `containerDefinitions` to export.', notes);
    }
    for (const key of Object.keys(document)) {
      if (CARRIED.has(key)) continue;
      if (isReadOnlyTaskDefinitionMember(key)) {
        notes.push(
          note(
            'read-only-removed',
            [key],
            `Removed \`${key}\`, a read-only member of describe output.`,
          ),
        );
      } else if (Object.hasOwn(NOT_IN_DOCKERRUN, key)) {
        notes.push(note('dropped', [key], `Dropped \`${key}\`: ${NOT_IN_DOCKERRUN[key] ?? ''}`));
      } else {
        notes.push(
          note(
            'dropped',
            [key],
            `Dropped \`${key}\`: not something Dockerrun.aws.json v2 carries.`,
          ),
        );
      }
    }
    const compatibilities = ownMember(document, 'requiresCompatibilities');
    if (Array.isArray(compatibilities) && compatibilities.some((item) => item !== 'EC2')) {
      notes.push(
        note(
          'dropped',
          ['requiresCompatibilities'],
          'Dropped `requiresCompatibilities`: Elastic Beanstalk runs the containers on its EC2 instances.',
        ),
      );
    }
    const networkMode = ownMember(document, 'networkMode');
    const bridged = networkMode !== undefined && networkMode !== 'bridge';
    if (bridged) {
      notes.push(
        note(
          'changed',
          ['networkMode'],
          `Elastic Beanstalk runs containers in bridge mode, not \`${typeof networkMode === 'string' ? networkMode : JSON.stringify(networkMode)}\`.${containers.length > 1 ? ' Containers that reached each other on localhost need `links` and the container name in bridge mode.' : ''}`,
        ),
      );
    }
    const containerNames = new Set(
      containers.map((container) => ownName(container)).filter((name) => name !== undefined),
    );
    const { volumes, dropped } = exportVolumes(document, containerNames, notes);
    const context = { bridged, droppedVolumes: dropped, share: memoryShare(document, containers) };
    const containerDefinitions = containers.map((container, index) =>
      isJsonObject(container) ? exportContainer(container, index, context, notes) : container,
    );
    const executionRoleArn = ownMember(document, 'executionRoleArn');
    const dockerrun: JsonObject = {
      AWSEBDockerrunVersion: 2,
      ...(volumes.length === 0 ? {} : { volumes }),
      containerDefinitions,
      ...(executionRoleArn === undefined ? {} : { executionRoleArn }),
    };
    return { ok: true, dockerrun, notes };
  } catch {
    return failure('The task definition could not be read.', notes);
  }
}
