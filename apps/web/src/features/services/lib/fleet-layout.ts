import type { ContainerInstance, Task } from '@deckhand/shared';

/** Above this many tasks an instance shows a count bar per service instead of one block each. */
export const COMPACT_ABOVE = 40;
/** Instances drawn before "Show all": hundreds of boxes would bury the page (REFERENCE.md §7). */
export const INSTANCE_LIMIT = 60;
/** Smallest share of an axis a box or block gets, so that tiny ones stay visible and clickable. */
const MIN_SHARE = 4;

export interface TaskBlock {
  task: Task;
  service: string;
  shortId: string;
  /** Share of the instance's registered CPU (Fargate: of the largest task shown), 0–100. */
  widthPct: number;
  /** Share of the instance's registered memory (Fargate: of the largest task shown), 0–100. */
  heightPct: number;
  hostPorts: number[];
}

export interface ServiceCount {
  service: string;
  count: number;
}

export interface InstanceLayout {
  instance: ContainerInstance;
  /** Registered CPU relative to the largest instance of the cluster, 0–100. */
  widthPct: number;
  /** Registered memory relative to the largest instance of the cluster, 0–100. */
  heightPct: number;
  tasks: TaskBlock[];
  /** True above COMPACT_ABOVE tasks: draw `counts` instead of one block per task. */
  compact: boolean;
  counts: ServiceCount[];
}

export interface ZoneGroup {
  availabilityZone: string | undefined;
  /** The subnet of the tasks' ENIs, when ECS reports it. */
  subnetId: string | undefined;
  tasks: TaskBlock[];
}

export interface FleetLayout {
  instances: InstanceLayout[];
  /** Instances left out until the user asks for all of them. */
  hiddenCount: number;
  /** Tasks without a container instance (Fargate, awsvpc on Fargate), by availability zone. */
  zones: ZoneGroup[];
  /** Tasks placed on an instance the (polled) instance list does not have yet. */
  unlisted: TaskBlock[];
  /** Every service with tasks, by name, for the legend. */
  services: ServiceCount[];
}

/** The service a task belongs to: `service:<name>` of its group, else its family. */
export function serviceOfTask(task: Pick<Task, 'group' | 'taskDefinition'>): string {
  const group = task.group ?? '';
  if (group.startsWith('service:')) return group.slice('service:'.length);
  if (group.startsWith('family:')) return group.slice('family:'.length);
  return task.taskDefinition.split(':')[0] ?? task.taskDefinition;
}

/** A stable palette slot for a name: the same service has the same colour on every page. */
export function colourIndex(name: string, size: number): number {
  // FNV-1a: cheap, well spread, and independent of which other services exist.
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index += 1) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % size;
}

/** The host ports a task binds (bridge: the dynamic or static host port; awsvpc: on its ENI). */
export function hostPorts(task: Task): number[] {
  const ports = task.containers.flatMap((container) =>
    container.portMappings.map((mapping) => mapping.hostPort).filter((port) => port > 0),
  );
  return [...new Set(ports)].sort((a, b) => a - b);
}

/** Sorted ports with runs folded: `22, 2375–2376, 51678–51680`. */
export function compressPorts(ports: readonly number[]): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const runs: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  const close = () => {
    if (start === undefined || previous === undefined) return;
    runs.push(start === previous ? String(start) : `${start}–${previous}`);
  };
  for (const port of sorted) {
    if (previous !== undefined && port === previous + 1) {
      previous = port;
      continue;
    }
    close();
    start = port;
    previous = port;
  }
  close();
  return runs.join(', ');
}

const share = (part: number, whole: number): number =>
  whole > 0 ? Math.min(100, Math.max(MIN_SHARE, (part / whole) * 100)) : MIN_SHARE;

function block(
  task: Task,
  cpuWhole: number,
  memoryWhole: number,
  fallback: { cpu: number; memory: number } = { cpu: 0, memory: 0 },
): TaskBlock {
  return {
    task,
    service: serviceOfTask(task),
    shortId: task.id.slice(0, 8),
    widthPct: share(task.cpu ?? fallback.cpu, cpuWhole),
    heightPct: share(task.memory ?? fallback.memory, memoryWhole),
    hostPorts: hostPorts(task),
  };
}

function countByService(blocks: readonly TaskBlock[]): ServiceCount[] {
  const counts = new Map<string, number>();
  for (const { service } of blocks) counts.set(service, (counts.get(service) ?? 0) + 1);
  return [...counts]
    .map(([service, count]) => ({ service, count }))
    .sort((a, b) => a.service.localeCompare(b.service));
}

/**
 * EC2 tasks often reserve CPU and memory per container only, so the task carries no size: they
 * get an even share of what the instance has reserved beyond the tasks that do carry one.
 */
export function unsizedShare(
  instance: ContainerInstance,
  placed: readonly Task[],
): { cpu: number; memory: number } {
  const unsized = placed.filter((task) => task.cpu === undefined || task.memory === undefined);
  if (unsized.length === 0) return { cpu: 0, memory: 0 };
  const reserved = (capacity: { registered: number; remaining: number }) =>
    Math.max(0, capacity.registered - capacity.remaining);
  const sized = (pick: (task: Task) => number | undefined) =>
    placed.reduce((sum, task) => sum + (pick(task) ?? 0), 0);
  return {
    cpu: Math.max(0, reserved(instance.cpu) - sized((task) => task.cpu)) / unsized.length,
    memory: Math.max(0, reserved(instance.memory) - sized((task) => task.memory)) / unsized.length,
  };
}

const byZoneThenId = (a: ContainerInstance, b: ContainerInstance): number =>
  (a.availabilityZone ?? '').localeCompare(b.availabilityZone ?? '') ||
  a.ec2InstanceId.localeCompare(b.ec2InstanceId);

/**
 * Lays a cluster out: each instance sized by its registered CPU (width) and memory (height)
 * relative to the largest, holding its tasks sized by their reservation; tasks without an
 * instance grouped by availability zone. Pure: the live task list and the polled instance list
 * go in, what to draw comes out.
 */
export function layoutFleet(
  instances: readonly ContainerInstance[],
  tasks: readonly Task[],
  { showAll = false, limit = INSTANCE_LIMIT, compactAbove = COMPACT_ABOVE } = {},
): FleetLayout {
  const maxCpu = Math.max(0, ...instances.map((instance) => instance.cpu.registered));
  const maxMemory = Math.max(0, ...instances.map((instance) => instance.memory.registered));
  const onInstance = new Map<string, Task[]>();
  const zoneTasks: Task[] = [];
  const known = new Set(instances.map((instance) => instance.id));
  const unlisted: TaskBlock[] = [];
  for (const task of [...tasks].sort((a, b) => a.id.localeCompare(b.id))) {
    const host = task.containerInstanceId;
    if (host === undefined) zoneTasks.push(task);
    else if (known.has(host)) onInstance.set(host, [...(onInstance.get(host) ?? []), task]);
    else unlisted.push(block(task, 0, 0));
  }

  const sorted = [...instances].sort(byZoneThenId);
  const shown = showAll ? sorted : sorted.slice(0, limit);
  const laidOut = shown.map((instance): InstanceLayout => {
    const placed = onInstance.get(instance.id) ?? [];
    const fallback = unsizedShare(instance, placed);
    const blocks = placed.map((task) =>
      block(task, instance.cpu.registered, instance.memory.registered, fallback),
    );
    return {
      instance,
      widthPct: share(instance.cpu.registered, maxCpu),
      heightPct: share(instance.memory.registered, maxMemory),
      tasks: blocks,
      compact: blocks.length > compactAbove,
      counts: countByService(blocks),
    };
  });

  const maxTaskCpu = Math.max(0, ...zoneTasks.map((task) => task.cpu ?? 0));
  const maxTaskMemory = Math.max(0, ...zoneTasks.map((task) => task.memory ?? 0));
  // Grouped by zone, then by the subnet of the task's ENI.
  const zones = new Map<string, ZoneGroup>();
  for (const task of zoneTasks) {
    const key = `${task.availabilityZone ?? '\uffff'}|${task.eni?.subnetId ?? '\uffff'}`;
    const group = zones.get(key) ?? {
      availabilityZone: task.availabilityZone,
      subnetId: task.eni?.subnetId,
      tasks: [],
    };
    group.tasks.push(block(task, maxTaskCpu, maxTaskMemory));
    zones.set(key, group);
  }

  const allBlocks = [
    ...[...onInstance.values()].flat().map((task) => block(task, 0, 0)),
    ...zoneTasks.map((task) => block(task, 0, 0)),
    ...unlisted,
  ];
  return {
    instances: laidOut,
    hiddenCount: sorted.length - shown.length,
    // By zone then subnet; an unknown zone or subnet (keyed \uffff) goes last.
    zones: [...zones].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group),
    unlisted,
    services: countByService(allBlocks),
  };
}
