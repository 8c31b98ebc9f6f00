import { assembleTrace, type AssembledTrace } from './assemble.js';
import { flag, num, numeric, obj, objects, seconds, str, type JsonObject } from './json.js';
import { traceIdTime } from './segment.js';
import type { StoredTrace } from './store.js';

/** A node of the service graph: a service that sent segments, an inferred AWS resource, a remote. */
export interface ServiceRef {
  key: string;
  name?: string;
  type?: string;
}

export const CLIENT: ServiceRef = { key: 'client', type: 'client' };

/** What a call ended as; throttles are errors too (X-Ray counts them inside ErrorStatistics). */
export type Outcome = 'ok' | 'error' | 'throttle' | 'fault';

/** One call as the graph counts it: into a node, or along an edge. Times in epoch seconds. */
export interface Sample {
  start: number;
  end: number;
  outcome: Outcome;
}

export type AnnotationValue = string | number | boolean;

/** Everything GetTraceSummaries, the filter and the graphs need, computed once per trace revision. */
export interface TraceFacts {
  id: string;
  startTime: number;
  duration?: number;
  responseTime?: number;
  hasError: boolean;
  hasFault: boolean;
  hasThrottle: boolean;
  isPartial: boolean;
  /** The root segment completed with none of error, fault or throttle. */
  ok: boolean;
  http: { url?: string; status?: number; method?: string; userAgent?: string; clientIp?: string };
  services: ServiceRef[];
  entry?: ServiceRef;
  annotations: { key: string; value: AnnotationValue; services: ServiceRef[] }[];
  users: { name: string; services: ServiceRef[] }[];
  resourceArns: string[];
  instanceIds: string[];
  zones: string[];
  nodeSamples: { node: ServiceRef; sample: Sample }[];
  edgeSamples: { from: ServiceRef; to: ServiceRef; sample: Sample }[];
}

const serviceOf = (segment: JsonObject): ServiceRef => {
  const name = str(segment, 'name') ?? '';
  const type = str(segment, 'origin');
  return { key: `${type ?? ''}::${name}`, name, ...(type === undefined ? {} : { type }) };
};

/** SQL calls are drawn as databases; other unmatched remote calls as plain remote nodes. */
const remoteOf = (subsegment: JsonObject): ServiceRef => {
  const name = str(subsegment, 'name') ?? '';
  const type = obj(subsegment, 'sql') ? 'Database::SQL' : 'remote';
  return { key: `${type}::${name}`, name, type };
};

function outcomeOf(node: JsonObject): Outcome {
  if (flag(node, 'fault')) return 'fault';
  if (flag(node, 'throttle')) return 'throttle';
  if (flag(node, 'error')) return 'error';
  return 'ok';
}

function sampleOf(node: JsonObject): Sample | undefined {
  const start = num(node, 'start_time');
  const end = num(node, 'end_time');
  if (node.in_progress === true || start === undefined || end === undefined) return undefined;
  return { start, end, outcome: outcomeOf(node) };
}

/** Calls `visit` for every subsegment at any depth. */
function eachSubsegment(node: JsonObject, visit: (subsegment: JsonObject) => void): void {
  for (const child of objects(node, 'subsegments')) {
    visit(child);
    eachSubsegment(child, visit);
  }
}

const isPrimitive = (value: unknown): value is AnnotationValue =>
  typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number';

/** Derives the facts of an assembled trace. Pure, so it is tested without a store. */
export function factsOf(trace: AssembledTrace): TraceFacts {
  const { segments } = trace;
  const owner = new Map<string, JsonObject>();
  const subsegmentsById = new Map<string, JsonObject>();
  for (const segment of segments) {
    owner.set(str(segment, 'id') ?? '', segment);
    eachSubsegment(segment, (sub) => {
      owner.set(str(sub, 'id') ?? '', segment);
      subsegmentsById.set(str(sub, 'id') ?? '', sub);
    });
  }
  const calledFrom = new Set(segments.map((segment) => str(segment, 'parent_id')));
  // The root: the earliest segment whose caller is not in the trace (an ALB, a browser, nobody).
  const roots = segments.filter((segment) => {
    const parent = str(segment, 'parent_id');
    return parent === undefined || !owner.has(parent);
  });
  const root = roots.find((segment) => segment.inferred !== true) ?? roots[0];

  const services = new Map<string, ServiceRef>();
  const nodeSamples: TraceFacts['nodeSamples'] = [];
  const edgeSamples: TraceFacts['edgeSamples'] = [];
  const annotations = new Map<string, TraceFacts['annotations'][number]>();
  const users = new Map<string, TraceFacts['users'][number]>();
  const arns = new Set<string>();
  const instances = new Set<string>();
  const zones = new Set<string>();
  let throttled = false;
  let partial = trace.orphans > 0;

  const note = (node: JsonObject, service: ServiceRef) => {
    if (flag(node, 'throttle')) throttled = true;
    if (node.in_progress === true) partial = true;
    for (const [key, value] of Object.entries(obj(node, 'annotations') ?? {})) {
      if (!isPrimitive(value)) continue;
      const id = `${key}\u0000${typeof value}\u0000${String(value)}`;
      const entry = annotations.get(id) ?? { key, value, services: [] };
      if (!entry.services.some((s) => s.key === service.key)) entry.services.push(service);
      annotations.set(id, entry);
    }
  };

  for (const segment of segments) {
    const service = serviceOf(segment);
    services.set(service.key, service);
    note(segment, service);
    eachSubsegment(segment, (sub) => note(sub, service));
    const user = str(segment, 'user');
    if (user !== undefined) {
      const entry = users.get(user) ?? { name: user, services: [] };
      if (!entry.services.some((s) => s.key === service.key)) entry.services.push(service);
      users.set(user, entry);
    }
    const aws = obj(segment, 'aws');
    for (const arn of [str(segment, 'resource_arn'), str(obj(aws, 'ecs'), 'container_arn')])
      if (arn !== undefined) arns.add(arn);
    const instance = str(obj(aws, 'ec2'), 'instance_id');
    if (instance !== undefined) instances.add(instance);
    for (const zone of [
      str(obj(aws, 'ec2'), 'availability_zone'),
      str(obj(aws, 'ecs'), 'availability_zone'),
    ])
      if (zone !== undefined) zones.add(zone);

    const sample = sampleOf(segment);
    if (sample) nodeSamples.push({ node: service, sample });
    const parent = str(segment, 'parent_id');
    const caller = parent === undefined ? undefined : owner.get(parent);
    if (!caller) {
      if (sample) edgeSamples.push({ from: CLIENT, to: service, sample });
    } else {
      // The caller's subsegment timed the call as the caller saw it, network included.
      const callSample = sampleOf(subsegmentsById.get(parent ?? '') ?? {}) ?? sample;
      if (callSample)
        edgeSamples.push({ from: serviceOf(caller), to: service, sample: callSample });
    }
    // Remote calls nobody traced on the other side become nodes of their own.
    eachSubsegment(segment, (sub) => {
      if (sub.namespace !== 'remote' || calledFrom.has(str(sub, 'id'))) return;
      const remote = remoteOf(sub);
      services.set(remote.key, remote);
      const remoteSample = sampleOf(sub);
      if (!remoteSample) return;
      nodeSamples.push({ node: remote, sample: remoteSample });
      edgeSamples.push({ from: service, to: remote, sample: remoteSample });
    });
  }

  const rootSample = root ? sampleOf(root) : undefined;
  const request = obj(obj(root, 'http'), 'request');
  const response = obj(obj(root, 'http'), 'response');
  const status = numeric(response, 'status');
  const url = str(request, 'url');
  const method = str(request, 'method');
  const userAgent = str(request, 'user_agent');
  const clientIp = str(request, 'client_ip');
  return {
    id: trace.id,
    // Only orphaned subsegments so far: the trace id still says when the request began.
    startTime:
      segments.length > 0
        ? Math.min(...segments.map((segment) => num(segment, 'start_time') ?? Infinity))
        : traceIdTime(trace.id),
    ...(trace.duration === undefined ? {} : { duration: trace.duration }),
    ...(rootSample ? { responseTime: seconds(rootSample.end - rootSample.start) } : {}),
    hasError: root ? flag(root, 'error') : false,
    hasFault: root ? flag(root, 'fault') : false,
    hasThrottle: throttled,
    isPartial: partial,
    ok: rootSample?.outcome === 'ok',
    http: {
      ...(url === undefined ? {} : { url }),
      ...(status === undefined ? {} : { status }),
      ...(method === undefined ? {} : { method }),
      ...(userAgent === undefined ? {} : { userAgent }),
      ...(clientIp === undefined ? {} : { clientIp }),
    },
    services: [...services.values()],
    ...(root ? { entry: serviceOf(root) } : {}),
    annotations: [...annotations.values()],
    users: [...users.values()],
    resourceArns: [...arns],
    instanceIds: [...instances],
    zones: [...zones],
    nodeSamples,
    edgeSamples,
  };
}

const cache = new WeakMap<StoredTrace, { revision: number; facts: TraceFacts }>();

/** The facts of a stored trace, cached until it changes (kept small: no documents inside). */
export function traceFacts(trace: StoredTrace): TraceFacts {
  const hit = cache.get(trace);
  if (hit?.revision === trace.revision) return hit.facts;
  const facts = factsOf(assembleTrace(trace));
  cache.set(trace, { revision: trace.revision, facts });
  return facts;
}
