import { isValidFargatePair, nearestFargateSize, parseCpu, parseMemory } from './fargate.js';
import { isJsonObject, jsonFromUnknown, ownMember } from './normalise.js';
import { formatPath } from './paths.js';
import type { ConversionNote, JsonObject, JsonValue, PathSegment } from './types.js';

/**
 * X-Ray helpers for the studio (REFERENCE.md §5, §2): add the daemon as a sidecar, or point the
 * apps at a cluster-wide daemon (a DAEMON service on EC2 publishing 2000/udp on every instance).
 */

export const XRAY_DAEMON_IMAGE = 'public.ecr.aws/xray/aws-xray-daemon';
/**
 * A pinned release (aws/aws-xray-daemon v3.3.15, June 2025), not `:latest`: the lint warns on
 * `:latest` and untagged images, and a sidecar should not change under a running service.
 */
export const XRAY_DAEMON_TAG = '3.3.15';
export const XRAY_DAEMON_CONTAINER = 'xray-daemon';
const XRAY_PORT = 2000;
const XRAY_CPU = 32;
const XRAY_MEMORY = 256;
const ADDRESS_VARIABLE = 'AWS_XRAY_DAEMON_ADDRESS';
/** docker0's gateway on the ECS-optimized AMI: how a bridge-mode container reaches its host. */
const DOCKER0_GATEWAY = '172.17.0.1';
const ADOT_URL = 'https://aws-otel.github.io/docs/getting-started/x-ray';
const MAX_CONTAINERS = 10;

export interface HelperResult {
  taskDefinition: JsonObject;
  notes: ConversionNote[];
}

type NetworkMode = 'bridge' | 'awsvpc' | 'host' | 'none';

const note = (kind: ConversionNote['kind'], path: readonly PathSegment[], message: string) => ({
  kind,
  path: formatPath(path),
  message,
});

const nameOf = (container: JsonValue): string | undefined => {
  const name = isJsonObject(container) ? ownMember(container, 'name') : undefined;
  return typeof name === 'string' ? name : undefined;
};

function containersOf(document: JsonObject): JsonValue[] | undefined {
  const containers = ownMember(document, 'containerDefinitions');
  return Array.isArray(containers) ? containers : undefined;
}

function isFargate(document: JsonObject): boolean {
  const compatibilities = ownMember(document, 'requiresCompatibilities');
  return Array.isArray(compatibilities) && compatibilities.includes('FARGATE');
}

/** The mode ECS uses: as written, else awsvpc for Fargate and bridge (the Linux default) otherwise. */
function networkModeOf(document: JsonObject): NetworkMode | undefined {
  const mode = ownMember(document, 'networkMode');
  if (mode === undefined) return isFargate(document) ? 'awsvpc' : 'bridge';
  return mode === 'bridge' || mode === 'awsvpc' || mode === 'host' || mode === 'none'
    ? mode
    : undefined;
}

/** Whether a container is an X-Ray daemon: named `xray-daemon`, or running the daemon's image. */
function isXRayDaemon(container: JsonValue): boolean {
  if (!isJsonObject(container)) return false;
  if (nameOf(container) === XRAY_DAEMON_CONTAINER) return true;
  const image = ownMember(container, 'image');
  if (typeof image !== 'string') return false;
  const path = image.split('@')[0] ?? '';
  const slash = path.lastIndexOf('/');
  const colon = path.indexOf(':', slash + 1);
  const last = (colon === -1 ? path : path.slice(0, colon)).slice(slash + 1);
  return last === 'aws-xray-daemon' || last === 'xray-daemon';
}

/** Whether the task already runs an X-Ray daemon container. */
export function hasXRaySidecar(input: JsonObject): boolean {
  const document = jsonFromUnknown(input);
  return isJsonObject(document) && (containersOf(document) ?? []).some(isXRayDaemon);
}

/** The containers that send segments: those asked for, else every container but daemons and log routers. */
function appContainerIndexes(
  containers: JsonValue[],
  requested: readonly string[] | undefined,
  notes: ConversionNote[],
): number[] {
  if (requested !== undefined) {
    for (const name of requested) {
      if (!containers.some((container) => nameOf(container) === name)) {
        notes.push(
          note(
            'info',
            ['containerDefinitions'],
            `No container is named \`${name}\`; it was skipped.`,
          ),
        );
      }
    }
  }
  return containers.flatMap((container, index) => {
    if (!isJsonObject(container) || isXRayDaemon(container)) return [];
    const name = nameOf(container);
    if (requested !== undefined)
      return name !== undefined && requested.includes(name) ? [index] : [];
    return Object.hasOwn(container, 'firelensConfiguration') ? [] : [index];
  });
}

/** Sets `AWS_XRAY_DAEMON_ADDRESS` on a container: replaces an existing one, never duplicates it. */
function withDaemonAddress(container: JsonObject, address: string): JsonObject {
  const environment = ownMember(container, 'environment');
  const entries = Array.isArray(environment) ? environment : [];
  const isAddress = (entry: JsonValue) =>
    isJsonObject(entry) && ownMember(entry, 'name') === ADDRESS_VARIABLE;
  const first = entries.findIndex(isAddress);
  const variable = { name: ADDRESS_VARIABLE, value: address };
  const updated =
    first === -1
      ? [...entries, variable]
      : entries.flatMap((entry, index) =>
          index === first ? [variable] : isAddress(entry) ? [] : [entry],
        );
  return { ...container, environment: updated };
}

function withLink(container: JsonObject): JsonObject {
  const links = ownMember(container, 'links');
  const list = Array.isArray(links) ? links : [];
  const linked = list.some(
    (link) => typeof link === 'string' && link.split(':')[0] === XRAY_DAEMON_CONTAINER,
  );
  return linked ? container : { ...container, links: [...list, XRAY_DAEMON_CONTAINER] };
}

/** The daemon starts first, so the app's first segments are not sent into the void. */
function withDependsOn(container: JsonObject): JsonObject {
  const dependsOn = ownMember(container, 'dependsOn');
  const list = Array.isArray(dependsOn) ? dependsOn : [];
  const already = list.some(
    (item) => isJsonObject(item) && ownMember(item, 'containerName') === XRAY_DAEMON_CONTAINER,
  );
  const start = { containerName: XRAY_DAEMON_CONTAINER, condition: 'START' };
  return already ? container : { ...container, dependsOn: [...list, start] };
}

/** The first app container's awslogs configuration, with the `xray` stream prefix. */
function daemonLogConfiguration(containers: JsonValue[], apps: number[]): JsonObject | undefined {
  for (const index of apps) {
    const container = containers[index];
    const logging = isJsonObject(container) ? ownMember(container, 'logConfiguration') : undefined;
    if (!isJsonObject(logging) || ownMember(logging, 'logDriver') !== 'awslogs') continue;
    const options = ownMember(logging, 'options');
    return {
      logDriver: 'awslogs',
      options: { ...(isJsonObject(options) ? options : {}), 'awslogs-stream-prefix': 'xray' },
    };
  }
  return undefined;
}

function daemonContainer(mode: NetworkMode, logConfiguration: JsonObject | undefined): JsonObject {
  const portMapping: JsonObject = { containerPort: XRAY_PORT, protocol: 'udp' };
  if (mode === 'bridge') portMapping.hostPort = 0;
  if (mode === 'host') portMapping.hostPort = XRAY_PORT;
  return {
    name: XRAY_DAEMON_CONTAINER,
    image: `${XRAY_DAEMON_IMAGE}:${XRAY_DAEMON_TAG}`,
    cpu: XRAY_CPU,
    memoryReservation: XRAY_MEMORY,
    essential: false,
    portMappings: [portMapping],
    ...(logConfiguration === undefined ? {} : { logConfiguration }),
  };
}

/** Σ container cpu and Σ container memory (reservation, else hard limit). */
function containerTotals(containers: JsonValue[]): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const container of containers) {
    if (!isJsonObject(container)) continue;
    cpu += parseCpu(ownMember(container, 'cpu')) ?? 0;
    memory +=
      parseMemory(ownMember(container, 'memoryReservation') ?? ownMember(container, 'memory')) ?? 0;
  }
  return { cpu, memory };
}

/** On Fargate keeps task cpu/memory a valid pair that holds every container, bumping if needed. */
function fitTaskSize(
  document: JsonObject,
  containers: JsonValue[],
  notes: ConversionNote[],
): JsonObject {
  const cpu = parseCpu(ownMember(document, 'cpu'));
  const memory = parseMemory(ownMember(document, 'memory'));
  const totals = containerTotals(containers);
  const fits =
    cpu !== undefined && memory !== undefined && totals.cpu <= cpu && totals.memory <= memory;
  if (!isFargate(document)) {
    if (
      (cpu !== undefined && totals.cpu > cpu) ||
      (memory !== undefined && totals.memory > memory)
    ) {
      notes.push(
        note(
          'info',
          ['memory'],
          `The containers now reserve ${totals.cpu} CPU units and ${totals.memory} MiB, more than the task's cpu/memory: raise them.`,
        ),
      );
    }
    return document;
  }
  if (fits && isValidFargatePair(cpu, memory)) return document;
  const size = nearestFargateSize(
    Math.max(cpu ?? 0, totals.cpu),
    Math.max(memory ?? 0, totals.memory),
  );
  const from = cpu === undefined || memory === undefined ? 'none' : `${cpu} CPU / ${memory} MiB`;
  notes.push(
    note(
      'changed',
      ['cpu'],
      `Task size ${from} → ${size.cpu} CPU / ${size.memory} MiB: the nearest valid Fargate size that holds the containers with the daemon (${totals.cpu} CPU units, ${totals.memory} MiB).`,
    ),
  );
  return { ...document, cpu: String(size.cpu), memory: String(size.memory) };
}

function roleNote(document: JsonObject, who: string): ConversionNote {
  const role = ownMember(document, 'taskRoleArn');
  return typeof role === 'string'
    ? note(
        'info',
        ['taskRoleArn'],
        `The task role (${role}) needs the AWSXRayDaemonWriteAccess managed policy so ${who} can send segments to X-Ray.`,
      )
    : note(
        'info',
        ['taskRoleArn'],
        `The task has no taskRoleArn yet: add a task role with the AWSXRayDaemonWriteAccess managed policy so ${who} can send segments to X-Ray.`,
      );
}

const ADOT_NOTE = note(
  'info',
  [],
  `The X-Ray daemon and SDKs are in maintenance (end of support 2027-02-25); consider the AWS Distro for OpenTelemetry (ADOT) collector instead: ${ADOT_URL}`,
);

function unchanged(input: JsonObject, notes: ConversionNote[]): HelperResult {
  const document = jsonFromUnknown(input);
  return { taskDefinition: isJsonObject(document) ? document : {}, notes };
}

/**
 * A copy of the document and its containers to work on; or, when it has no containers, the
 * helper's answer: the input unchanged with a note saying there is nothing to `what`.
 */
function editable(
  input: JsonObject,
  what: string,
): { document: JsonObject; containers: JsonValue[] } | HelperResult {
  const document = jsonFromUnknown(input);
  const containers = isJsonObject(document) ? containersOf(document) : undefined;
  if (!isJsonObject(document) || containers === undefined)
    return unchanged(input, [
      note('info', ['containerDefinitions'], `No containerDefinitions: nothing to ${what}.`),
    ]);
  return { document, containers };
}

/**
 * Adds the X-Ray daemon as a sidecar (REFERENCE.md §5): container `xray-daemon` (pinned image,
 * cpu 32, memoryReservation 256, not essential, 2000/udp with hostPort 0 in bridge, omitted in
 * awsvpc, 2000 in host mode; the first app container's awslogs settings with stream prefix
 * `xray`). App containers (`options.appContainers`, else all but daemons and FireLens log
 * routers) get `AWS_XRAY_DAEMON_ADDRESS` — `xray-daemon:2000` plus a link in bridge,
 * `localhost:2000` in awsvpc, `127.0.0.1:2000` in host mode — replacing any earlier value, and a
 * `dependsOn` START on the daemon. On Fargate the task size is bumped to the nearest valid pair
 * when the containers no longer fit. Returns the input unchanged (with a note) when a daemon is
 * already there, in `none` mode, or at the 10-container limit. Never throws; leaves its argument
 * as it was.
 */
export function addXRaySidecar(
  input: JsonObject,
  options: { appContainers?: readonly string[] } = {},
): HelperResult {
  const notes: ConversionNote[] = [];
  try {
    const read = editable(input, 'add the X-Ray daemon to');
    if ('notes' in read) return read;
    const { document, containers } = read;
    const existing = containers.findIndex(isXRayDaemon);
    if (existing !== -1) {
      return unchanged(input, [
        note(
          'info',
          ['containerDefinitions', existing],
          `The task already runs an X-Ray daemon (\`${nameOf(containers[existing] ?? null) ?? 'unnamed'}\`); nothing was added.`,
        ),
      ]);
    }
    const mode = networkModeOf(document);
    if (mode === undefined || mode === 'none') {
      return unchanged(input, [
        note(
          'info',
          ['networkMode'],
          'The daemon needs a network to reach X-Ray; this network mode has none it can use.',
        ),
      ]);
    }
    if (containers.length >= MAX_CONTAINERS) {
      return unchanged(input, [
        note(
          'info',
          ['containerDefinitions'],
          `A task definition holds at most ${MAX_CONTAINERS} containers; there is no room for the daemon.`,
        ),
      ]);
    }
    const apps = appContainerIndexes(containers, options.appContainers, notes);
    const address =
      mode === 'bridge'
        ? `${XRAY_DAEMON_CONTAINER}:${XRAY_PORT}`
        : mode === 'awsvpc'
          ? `localhost:${XRAY_PORT}`
          : `127.0.0.1:${XRAY_PORT}`;
    const updated = containers.map((container, index) => {
      if (!isJsonObject(container) || !apps.includes(index)) return container;
      let result = withDependsOn(withDaemonAddress(container, address));
      if (mode === 'bridge') result = withLink(result);
      notes.push(
        note(
          'changed',
          ['containerDefinitions', index, 'environment'],
          `\`${nameOf(container) ?? `#${index + 1}`}\` sends segments to ${address}${mode === 'bridge' ? ' (linked to the daemon)' : ''}.`,
        ),
      );
      return result;
    });
    const daemon = daemonContainer(mode, daemonLogConfiguration(containers, apps));
    updated.push(daemon);
    notes.unshift(
      note(
        'changed',
        ['containerDefinitions', updated.length - 1],
        `Added the \`${XRAY_DAEMON_CONTAINER}\` sidecar (${XRAY_DAEMON_IMAGE}:${XRAY_DAEMON_TAG}, 2000/udp).`,
      ),
    );
    if (apps.length === 0)
      notes.push(
        note('info', ['containerDefinitions'], 'No app container was pointed at the daemon.'),
      );
    if (mode === 'host') {
      notes.push(
        note(
          'info',
          ['containerDefinitions', updated.length - 1, 'portMappings'],
          'In host mode the daemon binds 2000/udp on the instance: one such task per instance, and none alongside a cluster-wide daemon.',
        ),
      );
    }
    const taskDefinition = fitTaskSize(
      { ...document, containerDefinitions: updated },
      updated,
      notes,
    );
    notes.push(roleNote(document, 'the daemon'), ADOT_NOTE);
    return { taskDefinition, notes };
  } catch {
    return unchanged(input, [
      note('info', [], 'The task definition could not be read; nothing was changed.'),
    ]);
  }
}

/**
 * Points the app containers at a cluster-wide daemon (a DAEMON service on each EC2 instance
 * publishing 2000/udp, see `clusterXRayDaemonTaskDefinition`): `AWS_XRAY_DAEMON_ADDRESS` =
 * `172.17.0.1:2000` (docker0's gateway) in bridge, `127.0.0.1:2000` in host mode. awsvpc tasks
 * (and Fargate) cannot reach the instance's daemon at a fixed address: returned unchanged with a
 * note recommending the sidecar. An existing sidecar is left in place (with a note). Never throws.
 */
export function pointAtClusterDaemon(
  input: JsonObject,
  options: { appContainers?: readonly string[] } = {},
): HelperResult {
  const notes: ConversionNote[] = [];
  try {
    const read = editable(input, 'point at the daemon');
    if ('notes' in read) return read;
    const { document, containers } = read;
    const mode = networkModeOf(document);
    if (mode !== 'bridge' && mode !== 'host') {
      return unchanged(input, [
        note(
          'info',
          ['networkMode'],
          `A ${mode ?? 'task in this network mode'}${mode === 'awsvpc' ? ' task' : ''} cannot reach the instance's X-Ray daemon at a fixed address${isFargate(document) ? ' (and Fargate has no cluster daemon)' : ''}: add the daemon as a sidecar instead.`,
        ),
      ]);
    }
    const address =
      mode === 'bridge' ? `${DOCKER0_GATEWAY}:${XRAY_PORT}` : `127.0.0.1:${XRAY_PORT}`;
    const apps = appContainerIndexes(containers, options.appContainers, notes);
    const updated = containers.map((container, index) => {
      if (!isJsonObject(container) || !apps.includes(index)) return container;
      notes.push(
        note(
          'changed',
          ['containerDefinitions', index, 'environment'],
          `\`${nameOf(container) ?? `#${index + 1}`}\` sends segments to the instance's daemon at ${address}.`,
        ),
      );
      return withDaemonAddress(container, address);
    });
    const sidecar = containers.findIndex(isXRayDaemon);
    if (sidecar !== -1) {
      notes.push(
        note(
          'info',
          ['containerDefinitions', sidecar],
          'The task still has its own X-Ray daemon container, now unused by the apps pointed at the cluster daemon; remove it if nothing else needs it.',
        ),
      );
    }
    notes.push(
      note(
        'info',
        [],
        `The cluster needs an X-Ray daemon DAEMON service publishing 2000/udp on each instance${mode === 'bridge' ? `; ${DOCKER0_GATEWAY} is docker0's default gateway (adjust it if the instances use another bridge address)` : ''}. The daemon's task role needs AWSXRayDaemonWriteAccess.`,
      ),
      ADOT_NOTE,
    );
    return { taskDefinition: { ...document, containerDefinitions: updated }, notes };
  } catch {
    return unchanged(input, [
      note('info', [], 'The task definition could not be read; nothing was changed.'),
    ]);
  }
}

/**
 * The task definition of a cluster-wide daemon: run it as a DAEMON service on an EC2 cluster and
 * point bridge/host tasks at it with `pointAtClusterDaemon`. Bridge mode publishing 2000/udp on
 * the instance; give it a task role with AWSXRayDaemonWriteAccess before registering.
 */
export function clusterXRayDaemonTaskDefinition(options: { family?: string } = {}): JsonObject {
  const family = options.family?.trim();
  return {
    family: family === undefined || family === '' ? XRAY_DAEMON_CONTAINER : family,
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [
      {
        name: XRAY_DAEMON_CONTAINER,
        image: `${XRAY_DAEMON_IMAGE}:${XRAY_DAEMON_TAG}`,
        cpu: XRAY_CPU,
        memoryReservation: XRAY_MEMORY,
        essential: true,
        portMappings: [{ containerPort: XRAY_PORT, hostPort: XRAY_PORT, protocol: 'udp' }],
      },
    ],
  };
}
