import { parseCpu, parseMemory } from '../fargate.js';
import { formatPath } from '../paths.js';
import { hasPlaceholder } from '../placeholders.js';
import type { Fix, LintFinding, PathSegment, Severity } from '../types.js';

/**
 * What every lint rule reads: the document, looked at once (containers, volumes, network mode,
 * task size) so each rule stays a short linear pass. Everything here tolerates any input: a
 * member of the wrong type reads as "not usable" and the `wrong-type` rule reports it, so the
 * other rules never cascade from it.
 */

/** Where the task definition is used, for the rules that depend on it. */
export interface LintContext {
  /** The task definition's services sit behind a load balancer (enables the static-host-port warning). */
  behindLoadBalancer?: boolean;
}

export type Doc = Record<string, unknown>;

export interface ContainerView {
  index: number;
  def: Doc;
  /** The name when it is a usable string. */
  name: string | undefined;
  /** `Container "web"`, or `Container #2` when it has no usable name: the start of a message. */
  label: string;
  /** `essential` omitted means true. */
  essential: boolean;
  /** The path of a member of this container: `at('portMappings', 0)` → `containerDefinitions[1].portMappings[0]`. */
  at(...rest: PathSegment[]): string;
}

export interface VolumeView {
  index: number;
  def: Doc;
  name: string | undefined;
}

/** A task-level size (`cpu`, `memory`) as the rules see it. */
export type TaskAmount =
  | { state: 'absent' }
  /** A placeholder or a value that is not a size: other rules leave it alone. */
  | { state: 'unknown' }
  | { state: 'value'; value: number };

export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';
export const NETWORK_MODES: readonly NetworkMode[] = ['bridge', 'host', 'awsvpc', 'none'];

export interface RuleInput {
  /** The input as given. */
  raw: unknown;
  /** The input when it is an object; `{}` otherwise (only `not-an-object` runs then). */
  doc: Doc;
  isObject: boolean;
  context: LintContext;
  /** The container definitions that are objects (others are a `wrong-type` finding). */
  containers: ContainerView[];
  /** The first container of each name. */
  containerByName: ReadonlyMap<string, ContainerView>;
  volumes: VolumeView[];
  volumeNames: ReadonlySet<string>;
  /** `requiresCompatibilities` includes FARGATE. */
  fargate: boolean;
  /**
   * The network mode in effect: as declared, else awsvpc on Fargate (the only one it allows; a
   * missing one is its own finding) and bridge elsewhere; undefined when the declared one is a
   * placeholder or not a mode.
   */
  networkMode: NetworkMode | undefined;
  family: string | undefined;
  taskCpu: TaskAmount;
  taskMemory: TaskAmount;
}

/** What a rule reports; the engine adds the rule's id, severity and doc link. */
export type RuleFinding = Omit<LintFinding, 'ruleId' | 'severity' | 'docUrl'> & {
  severity?: Severity;
};

export interface LintRule {
  /** Stable kebab-case id; never renamed once shipped. */
  id: string;
  severity: Severity;
  title: string;
  docUrl: string;
  check(input: RuleInput): Iterable<RuleFinding>;
}

/**
 * Whether a value holds a placeholder. Unlike `hasPlaceholder` it does not narrow: `!isPlaceholder(x)`
 * must leave a string a string.
 */
export const isPlaceholder = (value: unknown): boolean => hasPlaceholder(value);

export const isDoc = (value: unknown): value is Doc =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** An own member (never an inherited one such as `constructor` or `__proto__`). */
export function member(doc: Doc | undefined, key: string): unknown {
  return doc !== undefined && Object.hasOwn(doc, key) ? doc[key] : undefined;
}

/** Whether a member is there at all (`null` counts as absent: the importer strips it). */
export function present(doc: Doc | undefined, key: string): boolean {
  const value = member(doc, key);
  return value !== undefined && value !== null;
}

export function str(doc: Doc | undefined, key: string): string | undefined {
  const value = member(doc, key);
  return typeof value === 'string' ? value : undefined;
}

/** A string member that is neither empty nor a placeholder. */
export function concrete(doc: Doc | undefined, key: string): string | undefined {
  const value = str(doc, key);
  return value === undefined || value === '' || isPlaceholder(value) ? undefined : value;
}

export function num(doc: Doc | undefined, key: string): number | undefined {
  const value = member(doc, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function list(doc: Doc | undefined, key: string): readonly unknown[] {
  const value = member(doc, key);
  return Array.isArray(value) ? value : [];
}

export function obj(doc: Doc | undefined, key: string): Doc | undefined {
  const value = member(doc, key);
  return isDoc(value) ? value : undefined;
}

/** The object elements of an array member, with their indexes. */
export function objects(doc: Doc | undefined, key: string): { index: number; value: Doc }[] {
  const result: { index: number; value: Doc }[] = [];
  list(doc, key).forEach((value, index) => {
    if (isDoc(value)) result.push({ index, value });
  });
  return result;
}

/** A value for a message: short, quoted when a string. */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
    return String(value);
  }
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
}

export const fix = (title: string, operations: Fix['operations']): Fix => ({ title, operations });

function taskAmount(value: unknown, parse: (value: unknown) => number | undefined): TaskAmount {
  if (value === undefined || value === null) return { state: 'absent' };
  const parsed = isPlaceholder(value) ? undefined : parse(value);
  return parsed === undefined ? { state: 'unknown' } : { state: 'value', value: parsed };
}

function containerView(index: number, def: Doc): ContainerView {
  const rawName = str(def, 'name');
  const name = rawName === undefined || rawName === '' ? undefined : rawName;
  return {
    index,
    def,
    name,
    label: name === undefined ? `Container #${index + 1}` : `Container ${show(name)}`,
    essential: member(def, 'essential') !== false,
    at: (...rest) => formatPath(['containerDefinitions', index, ...rest]),
  };
}

/** Reads the document once for all rules. */
export function buildRuleInput(raw: unknown, context: LintContext): RuleInput {
  const isObject = isDoc(raw);
  const doc: Doc = isObject ? raw : {};
  const containers = objects(doc, 'containerDefinitions').map(({ index, value }) =>
    containerView(index, value),
  );
  const containerByName = new Map<string, ContainerView>();
  for (const container of containers) {
    if (container.name !== undefined && !containerByName.has(container.name)) {
      containerByName.set(container.name, container);
    }
  }
  const volumes = objects(doc, 'volumes').map(({ index, value }) => ({
    index,
    def: value,
    name: str(value, 'name'),
  }));
  const fargate = list(doc, 'requiresCompatibilities').includes('FARGATE');
  const declared = member(doc, 'networkMode');
  const networkMode =
    declared === undefined || declared === null
      ? fargate
        ? 'awsvpc'
        : 'bridge'
      : NETWORK_MODES.find((mode) => mode === declared);
  const family = str(doc, 'family');
  return {
    raw,
    doc,
    isObject,
    context,
    containers,
    containerByName,
    volumes,
    volumeNames: new Set(volumes.flatMap((volume) => (volume.name ? [volume.name] : []))),
    fargate,
    networkMode,
    family,
    taskCpu: taskAmount(member(doc, 'cpu'), parseCpu),
    taskMemory: taskAmount(member(doc, 'memory'), parseMemory),
  };
}

const GUIDE = 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide';
const PARAMETERS = `${GUIDE}/task_definition_parameters.html`;

/** The AWS pages the rules point to. */
export const DOCS = {
  family: `${PARAMETERS}#family`,
  containers: `${PARAMETERS}#container_definitions`,
  name: `${PARAMETERS}#container_definition_name`,
  image: `${PARAMETERS}#container_definition_image`,
  memory: `${PARAMETERS}#container_definition_memory`,
  cpu: `${PARAMETERS}#container_definition_cpu`,
  taskSize: `${PARAMETERS}#task_size`,
  portMappings: `${PARAMETERS}#container_definition_portmappings`,
  essential: `${PARAMETERS}#container_definition_essential`,
  network: `${PARAMETERS}#container_definition_network`,
  networkMode: `${PARAMETERS}#network_mode`,
  environment: `${PARAMETERS}#container_definition_environment`,
  healthCheck: `${PARAMETERS}#container_definition_healthcheck`,
  dependsOn: `${PARAMETERS}#container_definition_dependson`,
  storage: `${PARAMETERS}#container_definition_storage`,
  security: `${PARAMETERS}#container_definition_security`,
  pidMode: `${PARAMETERS}#task_definition_pidmode`,
  logging: `${PARAMETERS}#container_definition_logconfiguration`,
  volumes: `${PARAMETERS}#volumes`,
  fargate: `${GUIDE}/fargate-tasks-services.html`,
  fargateSize: `${GUIDE}/fargate-tasks-services.html#fargate-tasks-size`,
  fargateStorage: `${GUIDE}/fargate-task-storage.html`,
  executionRole: `${GUIDE}/task_execution_IAM_role.html`,
  taskRole: `${GUIDE}/task-iam-roles.html`,
  awslogs: `${GUIDE}/using_awslogs.html`,
  secrets: `${GUIDE}/specifying-sensitive-data.html`,
  efs: `${GUIDE}/efs-volumes.html`,
  bindMounts: `${GUIDE}/bind-mounts.html`,
  tags: `${GUIDE}/ecs-using-tags.html`,
  securityTasks: `${GUIDE}/security-tasks-containers.html`,
  appMesh: 'https://docs.aws.amazon.com/app-mesh/latest/userguide/what-is-app-mesh.html',
  adot: 'https://aws-otel.github.io/docs/getting-started/x-ray',
  dynamicPorts: `${GUIDE}/alb.html`,
  apiTypes:
    'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
} as const;
