import { compileExpression, type Attributes } from './constraints.js';
import type { NetworkBinding, PlacementConstraint, PlacementStrategy } from './model.js';
import type { Random } from './random.js';
import type { TaskNeeds } from './task-spec.js';

/** The ephemeral range the ECS-optimized AMI hands dynamic host ports from (REFERENCE.md §4). */
export const EPHEMERAL_PORTS = { first: 32768, last: 61000 } as const;

/** A container instance as placement sees it: what is left of it, and who already runs there. */
export interface HostState {
  arn: string;
  id: string;
  availabilityZone: string;
  attributes: Attributes;
  /** Remaining CPU units and MiB. */
  cpu: number;
  memory: number;
  /** Host ports in use (reserved by the agent or held by tasks), per protocol. */
  tcp: Set<number>;
  udp: Set<number>;
  /** Tasks of the group being placed (the service, or the family) on this instance. */
  groupTasks: number;
}

export type Shortfall = 'CPU' | 'MEMORY' | 'PORTS';

export interface PortBinding extends NetworkBinding {
  containerName: string;
}

export interface PlacementOptions {
  strategies: readonly PlacementStrategy[];
  constraints: readonly PlacementConstraint[];
  random: Random;
}

export type PlacementResult =
  | { ok: true; host: HostState; bindings: PortBinding[] }
  | {
      ok: false;
      /** RunTask `failures`: one per instance considered, with its first shortfall. */
      failures: { arn: string; reason: string }[];
      /** The instance that met the most requirements, for the service event. */
      closest?: { host: HostState; shortfall: Shortfall };
    };

/** What an instance lacks to run a task (empty when it fits). */
export function shortfalls(host: HostState, needs: TaskNeeds): Shortfall[] {
  const missing: Shortfall[] = [];
  if (host.cpu < needs.cpu) missing.push('CPU');
  if (host.memory < needs.memory) missing.push('MEMORY');
  if (!portsFit(host, needs)) missing.push('PORTS');
  return missing;
}

const EPHEMERAL_SIZE = EPHEMERAL_PORTS.last - EPHEMERAL_PORTS.first + 1;

interface PortSummary {
  statics: { tcp: number[]; udp: number[] };
  dynamic: { tcp: number; udp: number };
  /** A static port named twice for one protocol never fits anywhere. */
  clash: boolean;
}

// Summarised once per task shape: placement asks about ports for every instance for every task.
const summaries = new WeakMap<TaskNeeds, PortSummary>();

function summarise(needs: TaskNeeds): PortSummary {
  let summary = summaries.get(needs);
  if (summary) return summary;
  summary = { statics: { tcp: [], udp: [] }, dynamic: { tcp: 0, udp: 0 }, clash: false };
  for (const need of needs.ports) {
    if (!need.hostPort) summary.dynamic[need.protocol] += 1;
    else if (summary.statics[need.protocol].includes(need.hostPort)) summary.clash = true;
    else summary.statics[need.protocol].push(need.hostPort);
  }
  summaries.set(needs, summary);
  return summary;
}

/**
 * Whether the task's ports fit: every static host port free for its protocol (and not named
 * twice), and room left in the ephemeral range for the dynamic ones. assignPorts then picks
 * the ports on the chosen instance.
 */
function portsFit(host: HostState, needs: TaskNeeds): boolean {
  if (needs.ports.length === 0) return true;
  const { statics, dynamic, clash } = summarise(needs);
  if (clash) return false;
  for (const port of statics.tcp) if (host.tcp.has(port)) return false;
  for (const port of statics.udp) if (host.udp.has(port)) return false;
  return (
    host.tcp.size + statics.tcp.length + dynamic.tcp <= EPHEMERAL_SIZE &&
    host.udp.size + statics.udp.length + dynamic.udp <= EPHEMERAL_SIZE
  );
}

/**
 * Host ports for every port mapping: static ones as written; hostPort 0 or omitted takes the
 * first port of the ephemeral range that is free for its protocol. Undefined when they do not fit.
 */
export function assignPorts(host: HostState, needs: TaskNeeds): PortBinding[] | undefined {
  if (!portsFit(host, needs)) return undefined;
  const chosen = { tcp: new Set<number>(), udp: new Set<number>() };
  for (const need of needs.ports) if (need.hostPort) chosen[need.protocol].add(need.hostPort);
  const bindings: PortBinding[] = [];
  for (const need of needs.ports) {
    let hostPort = need.hostPort;
    if (!hostPort) {
      const used = host[need.protocol];
      const mine = chosen[need.protocol];
      hostPort = EPHEMERAL_PORTS.first;
      while (used.has(hostPort) || mine.has(hostPort)) hostPort += 1;
      if (hostPort > EPHEMERAL_PORTS.last) return undefined;
      mine.add(hostPort);
    }
    bindings.push({
      containerName: need.containerName,
      bindIP: '0.0.0.0',
      containerPort: need.containerPort,
      hostPort,
      protocol: need.protocol,
    });
  }
  return bindings;
}

/** Takes a placed task's resources off a host, so the next task of a batch sees them gone. */
export function reserve(host: HostState, needs: TaskNeeds, bindings: readonly PortBinding[]): void {
  host.cpu -= needs.cpu;
  host.memory -= needs.memory;
  for (const binding of bindings) host[binding.protocol].add(binding.hostPort);
  host.groupTasks += 1;
}

// memberOf expressions are compiled once: placement evaluates them per instance per task.
const compiled = new Map<string, (attributes: Attributes) => boolean>();

function predicate(expression: string) {
  let test = compiled.get(expression);
  if (!test) {
    test = compileExpression(expression);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(expression, test);
  }
  return test;
}

export function meetsConstraints(
  host: HostState,
  constraints: readonly PlacementConstraint[],
): boolean {
  return constraints.every((constraint) =>
    constraint.type === 'distinctInstance'
      ? host.groupTasks === 0
      : predicate(constraint.expression ?? '')(host.attributes),
  );
}

/**
 * Chooses an instance for one task: among the instances that meet the constraints and have the
 * CPU, memory and ports, the first by the strategies in order (ties keep the callers' order).
 */
export function placeTask(
  hosts: readonly HostState[],
  needs: TaskNeeds,
  options: PlacementOptions,
): PlacementResult {
  // The common case first, without allocating per instance: placement runs for every task of a
  // 20,000-task scenario against hundreds of instances.
  const fitting: HostState[] = [];
  for (const host of hosts)
    if (meetsConstraints(host, options.constraints) && fits(host, needs)) fitting.push(host);
  const chosen = best(fitting, hosts, needs, options);
  if (chosen) return { ok: true, host: chosen, bindings: assignPorts(chosen, needs) ?? [] };

  const failures: { arn: string; reason: string }[] = [];
  let closest: { host: HostState; shortfall: Shortfall; count: number } | undefined;
  for (const host of hosts) {
    if (!meetsConstraints(host, options.constraints)) {
      failures.push({ arn: host.arn, reason: 'ATTRIBUTE' });
      continue;
    }
    const missing = shortfalls(host, needs);
    const [first] = missing;
    if (first === undefined) continue;
    failures.push({ arn: host.arn, reason: `RESOURCE:${first}` });
    if (!closest || missing.length < closest.count)
      closest = { host, shortfall: first, count: missing.length };
  }
  return {
    ok: false,
    failures,
    ...(closest ? { closest: { host: closest.host, shortfall: closest.shortfall } } : {}),
  };
}

const fits = (host: HostState, needs: TaskNeeds) =>
  host.cpu >= needs.cpu && host.memory >= needs.memory && portsFit(host, needs);

/**
 * The best fitting host by the strategies in order: each strategy keeps the hosts with the
 * lowest key among those the previous ones kept; ties keep the callers' order.
 */
function best(
  fitting: HostState[],
  all: readonly HostState[],
  needs: TaskNeeds,
  options: PlacementOptions,
): HostState | undefined {
  let candidates = fitting;
  for (const strategy of options.strategies) {
    if (candidates.length <= 1) break;
    const key = strategyKey(strategy, all, needs, options.random);
    let lowest = Infinity;
    for (const host of candidates) lowest = Math.min(lowest, key(host));
    candidates = candidates.filter((host) => key(host) === lowest);
  }
  return candidates[0];
}

/** A strategy as a key to minimise. */
function strategyKey(
  strategy: PlacementStrategy,
  all: readonly HostState[],
  needs: TaskNeeds,
  random: Random,
): (host: HostState) => number {
  if (strategy.type === 'random') {
    const draws = new Map<HostState, number>();
    return (host) => {
      let draw = draws.get(host);
      if (draw === undefined) {
        draw = random.next();
        draws.set(host, draw);
      }
      return draw;
    };
  }
  if (strategy.type === 'binpack')
    return strategy.field === 'cpu'
      ? (host) => host.cpu - needs.cpu
      : (host) => host.memory - needs.memory;
  const field = strategy.field ?? 'instanceId';
  if (field === 'instanceId' || field === 'host') return (host) => host.groupTasks;
  // Spread over an attribute: the group's tasks per value, counted over every instance.
  const name = field.startsWith('attribute:') ? field.slice('attribute:'.length) : field;
  const valueOf =
    name === 'ecs.availability-zone'
      ? (host: HostState) => host.availabilityZone
      : (host: HostState) => host.attributes.get(name) ?? '';
  const counts = new Map<string, number>();
  for (const host of all)
    counts.set(valueOf(host), (counts.get(valueOf(host)) ?? 0) + host.groupTasks);
  return (host) => counts.get(valueOf(host)) ?? 0;
}
