import {
  CONTAINER_RULES,
  RESOURCE_NAME,
  containerIdentity,
  type RuleContext,
} from './taskdef-container-rules.js';
import { fargateViolation } from './taskdef-fargate.js';
import { networkModeOf, requestsFargate, type TaskDefinitionInput } from './taskdef-model.js';
import { TASK_CPU_RANGE, parseTaskCpu, parseTaskMemory } from './taskdef-units.js';

/**
 * RegisterTaskDefinition's checks (REFERENCE.md §5, "Errors"). ECS stops at the first problem and
 * answers it as a ClientException; rules run in a fixed order so the simulator names the same one
 * every time.
 *
 * Messages copied verbatim from AWS (as seen in public error reports): "Family contains invalid
 * characters.", "Container.image should not be null or empty.", "Invalid setting for container
 * '…'. At least one of 'memory' or 'memoryReservation' must be specified.", "Invalid 'cpu' setting
 * for task. …", "Fargate only supports network mode ‘awsvpc’.", "Fargate requires that 'cpu' be
 * defined at the task level.", "No Fargate configuration exists for given values: …", the
 * "Fargate requires task definition to have execution role ARN to support …" pair, "Tasks using
 * the Fargate launch type do not support ipcMode.", "Fargate compatible task definitions do not
 * support …", "Links are not supported when networkMode=awsvpc", "hostname is not supported on
 * container when networkMode=awsvpc.", "When networkMode=awsvpc, the host ports and container
 * ports in port mappings must match." and "Unknown volume '…'.". The rest follow ECS's style in
 * the simulator's own words: match them by error code, not by text.
 */
export type TaskRule = (context: RuleContext) => string | undefined;

const NETWORK_MODES = new Set(['bridge', 'host', 'awsvpc', 'none']);
const COMPATIBILITIES = new Set(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']);
const TROUBLESHOOTING =
  'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

const family: TaskRule = ({ definition }) => {
  const name = definition.family ?? '';
  if (name.length < 1 || name.length > 255) {
    return 'Family must be between 1 and 255 characters in length.';
  }
  return RESOURCE_NAME.test(name) ? undefined : 'Family contains invalid characters.';
};

const containerCount: TaskRule = ({ containers }) => {
  if (containers.length === 0) return 'Container list cannot be empty.';
  return containers.length > 10 ? 'Too many containers.' : undefined;
};

const containerNames: TaskRule = (context) => {
  const seen = new Set<string>();
  for (const container of context.containers) {
    const problem = containerIdentity(container, context);
    if (problem !== undefined) return problem;
    const name = container.name ?? '';
    if (seen.has(name)) return `Container names must be unique. '${name}' is used twice.`;
    seen.add(name);
  }
  return undefined;
};

const networkMode: TaskRule = ({ definition }) => {
  const mode = definition.networkMode;
  return mode === undefined || NETWORK_MODES.has(mode)
    ? undefined
    : `Invalid networkMode '${mode}'. Valid values: bridge, host, awsvpc, none.`;
};

const compatibilities: TaskRule = ({ definition }) => {
  const unknown = (definition.requiresCompatibilities ?? []).find((c) => !COMPATIBILITIES.has(c));
  return unknown === undefined ? undefined : `Invalid compatibility '${unknown}'.`;
};

const taskSize: TaskRule = ({ definition, taskCpu, taskMemory }) => {
  if (
    definition.cpu !== undefined &&
    (taskCpu === undefined || taskCpu < TASK_CPU_RANGE.min || taskCpu > TASK_CPU_RANGE.max)
  ) {
    return `Invalid 'cpu' setting for task. ${TROUBLESHOOTING}`;
  }
  if (definition.memory !== undefined && taskMemory === undefined) {
    return `Invalid 'memory' setting for task. ${TROUBLESHOOTING}`;
  }
  return undefined;
};

const fargate: TaskRule = (context) =>
  context.fargate ? fargateViolation(context.definition) : undefined;

const ephemeralStorage: TaskRule = ({ definition }) => {
  const storage = definition.ephemeralStorage;
  if (storage === undefined) return undefined;
  const size = storage.sizeInGiB;
  return size !== undefined && size >= 21 && size <= 200
    ? undefined
    : "Invalid 'ephemeralStorage.sizeInGiB' setting for task. The value must be between 21 and 200 GiB.";
};

const containers: TaskRule = (context) => {
  for (const container of context.containers) {
    for (const rule of CONTAINER_RULES) {
      const problem = rule(container, context);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
};

// Reservations are what placement subtracts: memoryReservation when given, else the hard limit.
const totals: TaskRule = ({ containers: list, taskCpu, taskMemory }) => {
  const reserved = list.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0);
  if (taskMemory !== undefined && reserved > taskMemory) {
    return `Invalid setting for task. The sum of the container memory reservations (${reserved} MiB) exceeds the task memory (${taskMemory} MiB).`;
  }
  const cpu = list.reduce((sum, c) => sum + (c.cpu ?? 0), 0);
  if (taskCpu !== undefined && cpu > taskCpu) {
    return `Invalid setting for task. The sum of the container cpu values (${cpu}) exceeds the task cpu (${taskCpu}).`;
  }
  return undefined;
};

const essential: TaskRule = ({ containers: list }) =>
  list.some((container) => container.essential !== false)
    ? undefined
    : 'Task definition must have at least one essential container.';

const dependencyCycles: TaskRule = ({ containers: list }) => {
  const edges = new Map(
    list.map((c) => [c.name ?? '', (c.dependsOn ?? []).map((d) => d.containerName ?? '')]),
  );
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name];
    if (done.has(name)) return undefined;
    for (const next of edges.get(name) ?? []) {
      const cycle = visit(next, [...path, name]);
      if (cycle) return cycle;
    }
    done.add(name);
    return undefined;
  };
  for (const name of edges.keys()) {
    const cycle = visit(name, []);
    if (cycle) return `Container dependencies contain a cycle: ${cycle.join(' -> ')}.`;
  }
  return undefined;
};

/** Every rule, in the order ECS reports them. */
export const TASK_RULES: readonly TaskRule[] = [
  family,
  containerCount,
  containerNames,
  networkMode,
  compatibilities,
  taskSize,
  fargate,
  ephemeralStorage,
  containers,
  totals,
  essential,
  dependencyCycles,
];

export function ruleContext(definition: TaskDefinitionInput): RuleContext {
  return {
    definition,
    containers: definition.containerDefinitions ?? [],
    networkMode: networkModeOf(definition),
    fargate: requestsFargate(definition),
    taskCpu: definition.cpu === undefined ? undefined : parseTaskCpu(definition.cpu),
    taskMemory: definition.memory === undefined ? undefined : parseTaskMemory(definition.memory),
    volumeNames: new Set(
      (definition.volumes ?? []).flatMap((volume) => (volume.name ? [volume.name] : [])),
    ),
  };
}

/** The ClientException message RegisterTaskDefinition answers, or undefined when ECS accepts it. */
export function findViolation(definition: TaskDefinitionInput): string | undefined {
  const context = ruleContext(definition);
  for (const rule of TASK_RULES) {
    const problem = rule(context);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
