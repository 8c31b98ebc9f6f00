import { formatPath } from '../paths.js';
import type { JsonValue, PathSegment } from '../types.js';
import { DOCS, fix, isDoc, show, type LintRule, type RuleFinding, isPlaceholder } from './model.js';

/**
 * The member types the API enforces, for the members the other rules read (and a few more that
 * are often written wrong). `"containerPort": "80"` registers nowhere: the API rejects it.
 * Task-level `cpu`/`memory` are strings in the API but numbers are common and normalised, so a
 * size accepts either.
 */
type Shape =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'size'
  | 'string-map'
  | { list: Shape }
  | { fields: Readonly<Record<string, Shape>> };

const S = 'string';
const I = 'integer';
const B = 'boolean';
const keyValue: Shape = { fields: { name: S, value: S } };
const secret: Shape = { fields: { name: S, valueFrom: S } };

const CONTAINER: Shape = {
  fields: {
    name: S,
    image: S,
    repositoryCredentials: { fields: { credentialsParameter: S } },
    cpu: I,
    memory: I,
    memoryReservation: I,
    links: { list: S },
    portMappings: {
      list: {
        fields: {
          containerPort: I,
          hostPort: I,
          protocol: S,
          name: S,
          appProtocol: S,
          containerPortRange: S,
        },
      },
    },
    essential: B,
    entryPoint: { list: S },
    command: { list: S },
    environment: { list: keyValue },
    environmentFiles: { list: { fields: { value: S, type: S } } },
    mountPoints: { list: { fields: { sourceVolume: S, containerPath: S, readOnly: B } } },
    volumesFrom: { list: { fields: { sourceContainer: S, readOnly: B } } },
    linuxParameters: {
      fields: {
        devices: { list: { fields: { hostPath: S, containerPath: S, permissions: { list: S } } } },
        initProcessEnabled: B,
        sharedMemorySize: I,
      },
    },
    secrets: { list: secret },
    dependsOn: { list: { fields: { containerName: S, condition: S } } },
    startTimeout: I,
    stopTimeout: I,
    hostname: S,
    user: S,
    workingDirectory: S,
    disableNetworking: B,
    privileged: B,
    readonlyRootFilesystem: B,
    dnsServers: { list: S },
    dnsSearchDomains: { list: S },
    extraHosts: { list: { fields: { hostname: S, ipAddress: S } } },
    dockerSecurityOptions: { list: S },
    interactive: B,
    pseudoTerminal: B,
    dockerLabels: 'string-map',
    ulimits: { list: { fields: { name: S, softLimit: I, hardLimit: I } } },
    logConfiguration: {
      fields: { logDriver: S, options: 'string-map', secretOptions: { list: secret } },
    },
    healthCheck: {
      fields: { command: { list: S }, interval: I, timeout: I, retries: I, startPeriod: I },
    },
    firelensConfiguration: { fields: { type: S, options: 'string-map' } },
  },
};

const TASK: Shape = {
  fields: {
    family: S,
    taskRoleArn: S,
    executionRoleArn: S,
    networkMode: S,
    containerDefinitions: { list: CONTAINER },
    volumes: {
      list: {
        fields: {
          name: S,
          host: { fields: { sourcePath: S } },
          efsVolumeConfiguration: {
            fields: {
              fileSystemId: S,
              rootDirectory: S,
              transitEncryption: S,
              transitEncryptionPort: I,
              authorizationConfig: { fields: { accessPointId: S, iam: S } },
            },
          },
          dockerVolumeConfiguration: {
            fields: { scope: S, autoprovision: B, driver: S, driverOpts: 'string-map' },
          },
          configuredAtLaunch: B,
        },
      },
    },
    placementConstraints: { list: { fields: { type: S, expression: S } } },
    requiresCompatibilities: { list: S },
    cpu: 'size',
    memory: 'size',
    pidMode: S,
    ipcMode: S,
    proxyConfiguration: { fields: { type: S, containerName: S, properties: { list: keyValue } } },
    tags: { list: { fields: { key: S, value: S } } },
    ephemeralStorage: { fields: { sizeInGiB: I } },
    runtimePlatform: { fields: { cpuArchitecture: S, operatingSystemFamily: S } },
    enableFaultInjection: B,
  },
};

function expected(shape: Shape): string {
  if (shape === 'string') return 'a string';
  if (shape === 'integer') return 'a whole number';
  if (shape === 'boolean') return 'true or false';
  if (shape === 'size') return 'a string such as "1024"';
  if (shape === 'string-map') return 'an object of strings';
  return 'list' in shape ? 'an array' : 'an object';
}

function matches(shape: Shape, value: unknown): boolean {
  if (shape === 'string') return typeof value === 'string';
  if (shape === 'integer') return typeof value === 'number' && Number.isInteger(value);
  if (shape === 'boolean') return typeof value === 'boolean';
  if (shape === 'size') return typeof value === 'string' || typeof value === 'number';
  if (shape === 'string-map') return isDoc(value);
  return 'list' in shape ? Array.isArray(value) : isDoc(value);
}

/** The value the author most likely meant, when that is plain: `"80"` → 80, `"true"` → true. */
function meant(shape: Shape, value: unknown): JsonValue | undefined {
  if (shape === 'integer' && typeof value === 'string' && /^\s*-?\d{1,9}\s*$/.test(value)) {
    return Number(value);
  }
  if (shape === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (shape === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
    return Number.isFinite(value) || typeof value === 'boolean' ? String(value) : undefined;
  }
  return undefined;
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `the string ${show(value)}`;
  if (typeof value === 'number') return `the number ${show(value)}`;
  return show(value);
}

type Labels = ReadonlyMap<number, string>;

function* walk(
  shape: Shape,
  value: unknown,
  path: PathSegment[],
  labels: Labels,
): Generator<RuleFinding> {
  // Absent and null members are for other rules; a placeholder stands for a value of any type.
  if (value === undefined || value === null || isPlaceholder(value)) return;
  if (!matches(shape, value)) {
    yield finding(shape, value, path, labels);
    return;
  }
  if (shape === 'string-map' && isDoc(value)) {
    for (const key of Object.keys(value)) {
      const entry = value[key];
      if (typeof entry !== 'string' && entry !== null && !isPlaceholder(entry)) {
        yield finding('string', entry, [...path, key], labels);
      }
    }
  } else if (typeof shape === 'object' && 'list' in shape && Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      yield* walk(shape.list, value[index], [...path, index], labels);
    }
  } else if (typeof shape === 'object' && 'fields' in shape && isDoc(value)) {
    for (const key of Object.keys(shape.fields)) {
      const field = shape.fields[key];
      if (field !== undefined && Object.hasOwn(value, key)) {
        yield* walk(field, value[key], [...path, key], labels);
      }
    }
  }
}

function finding(shape: Shape, value: unknown, path: PathSegment[], labels: Labels): RuleFinding {
  const where = formatPath(path);
  // Inside a container, name the container and give the member relative to it.
  const [top, index, ...rest] = path;
  const inContainer = top === 'containerDefinitions' && typeof index === 'number' && rest.length;
  const subject = inContainer
    ? `${labels.get(index) ?? `Container #${index + 1}`}: ${formatPath(rest)}`
    : where;
  const better = meant(shape, value);
  return {
    path: where,
    message: `${subject} must be ${expected(shape)}, not ${describe(value)}; the API rejects it.`,
    ...(better === undefined
      ? {}
      : {
          fix: fix(`Use ${JSON.stringify(better)}`, [{ op: 'set', path: where, value: better }]),
        }),
  };
}

export const wrongTypeRules: LintRule[] = [
  {
    id: 'wrong-type',
    severity: 'error',
    title: 'Member of the wrong type',
    docUrl: DOCS.apiTypes,
    check: ({ doc, containers }) =>
      walk(
        TASK,
        doc,
        [],
        new Map(containers.map((container) => [container.index, container.label])),
      ),
  },
];
