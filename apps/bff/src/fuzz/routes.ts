import {
  ClusterDetailResponse,
  ClustersResponse,
  ContainerInstanceStateResponse,
  ContainerInstancesResponse,
  ConvertDockerrunResponse,
  ConvertTaskDefinitionResponse,
  EksClustersResponse,
  HealthResponse,
  ImagesResponse,
  LifecyclePolicyResponse,
  PortMapResponse,
  PushCommandsResponse,
  RepositoriesResponse,
  RepositoryDetailResponse,
  RepositoryPolicyResponse,
  ScanFindingsResponse,
  ServiceActionResponse,
  ServiceDetailResponse,
  ServiceMapResponse,
  ServicesResponse,
  SessionResponse,
  StopTaskResponse,
  TaskDefinitionFamiliesResponse,
  TaskDefinitionResponse,
  TaskDefinitionRevisionsResponse,
  TaskDetailResponse,
  TasksResponse,
  TraceResponse,
  TracesResponse,
  ValidateTaskDefinitionResponse,
} from '@deckhand/shared';
import { z } from 'zod';
import { RegisterTaskDefinitionResponse } from '../modules/actions/actions.mapper.js';

/** What a path parameter holds; each kind has its own table of bad values. */
export type ParamKind =
  'ecsName' | 'ecsId' | 'family' | 'revision' | 'repository' | 'digest' | 'traceId';

export interface FuzzRoute {
  method: 'GET' | 'POST' | 'DELETE';
  /** The Express pattern under /api/v1, exactly as the router declares it. */
  path: string;
  /** Each path parameter: its kind, a valid value, and the word a 400 for it must contain. */
  params: Record<string, { kind: ParamKind; valid: string; label: string }>;
  /** The query parameters the route reads besides `region`, each with a valid value. */
  query: Record<string, string>;
  /** A valid body for the mutations and studio routes (POST). */
  body?: Record<string, unknown>;
  /** The schema of a 2xx answer. */
  response: z.ZodType;
  /** An endless stream once accepted: the fuzz app's AWS makes every cluster unknown (404). */
  sse?: boolean;
  /** Never calls AWS, so `?region=` is not read (sign-in, lint, conversions). */
  regionless?: boolean;
}

export const TASK_ID = '0f1e2d3c4b5a49687766554433221100';
export const INSTANCE_ID = 'a1b2c3d4e5f6478899aabbccddeeff00';
export const DIGEST = `sha256:${'ab'.repeat(32)}`;
export const TRACE_ID = '1-5f84c3a5-0123456789abcdef01234567';

const cluster = { kind: 'ecsName', valid: 'prod-ec2', label: 'cluster' } as const;
const service = { kind: 'ecsName', valid: 'web', label: 'service' } as const;
const repository = { kind: 'repository', valid: 'team/web', label: 'repository name' } as const;
const family = { kind: 'family', valid: 'web', label: 'family' } as const;

export const TASK_DEFINITION = {
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 256, essential: true }],
};

const DOCKERRUN = {
  AWSEBDockerrunVersion: 2,
  containerDefinitions: [{ name: 'web', image: 'nginx:1.27', memory: 128, essential: true }],
};

const Session = SessionResponse;

/** Every /api/v1 route of the app; a test checks this list against the router stack. */
export const ROUTES: FuzzRoute[] = [
  { method: 'GET', path: '/session', regionless: true, params: {}, query: {}, response: Session },
  {
    method: 'POST',
    path: '/session',
    regionless: true,
    params: {},
    query: {},
    body: { token: 't' },
    response: Session,
  },
  {
    method: 'DELETE',
    path: '/session',
    regionless: true,
    params: {},
    query: {},
    response: Session,
  },
  { method: 'GET', path: '/health', params: {}, query: {}, response: HealthResponse },
  { method: 'GET', path: '/clusters', params: {}, query: {}, response: ClustersResponse },
  {
    method: 'GET',
    path: '/clusters/:cluster',
    params: { cluster },
    query: {},
    response: ClusterDetailResponse,
  },
  {
    method: 'GET',
    path: '/clusters/:cluster/container-instances',
    params: { cluster },
    query: {},
    response: ContainerInstancesResponse,
  },
  {
    method: 'GET',
    path: '/clusters/:cluster/services',
    params: { cluster },
    query: {},
    response: ServicesResponse,
  },
  {
    method: 'GET',
    path: '/clusters/:cluster/services/:service',
    params: { cluster, service },
    query: {},
    response: ServiceDetailResponse,
  },
  {
    method: 'GET',
    path: '/clusters/:cluster/tasks',
    params: { cluster },
    query: { service: 'web', desiredStatus: 'STOPPED' },
    response: TasksResponse,
  },
  {
    method: 'GET',
    path: '/clusters/:cluster/tasks/:task',
    params: { cluster, task: { kind: 'ecsId', valid: TASK_ID, label: 'task' } },
    query: {},
    response: TaskDetailResponse,
  },
  {
    method: 'GET',
    path: '/clusters/:cluster/port-map',
    params: { cluster },
    query: {},
    response: PortMapResponse,
  },
  {
    method: 'GET',
    path: '/clusters/:cluster/events',
    params: { cluster },
    query: { lastEventId: '42' },
    response: z.never(),
    sse: true,
  },
  {
    method: 'GET',
    path: '/clusters/:cluster/services/:service/events',
    params: { cluster, service },
    query: { lastEventId: '42' },
    response: z.never(),
    sse: true,
  },
  {
    method: 'POST',
    path: '/clusters/:cluster/services/:service/scale',
    params: { cluster, service },
    query: {},
    body: { desiredCount: 3 },
    response: ServiceActionResponse,
  },
  {
    method: 'POST',
    path: '/clusters/:cluster/services/:service/deploy',
    params: { cluster, service },
    query: {},
    body: { taskDefinition: 'web:3', forceNewDeployment: true },
    response: ServiceActionResponse,
  },
  {
    method: 'POST',
    path: '/clusters/:cluster/tasks/:task/stop',
    params: { cluster, task: { kind: 'ecsId', valid: TASK_ID, label: 'task' } },
    query: {},
    body: { reason: 'stuck', confirm: TASK_ID },
    response: StopTaskResponse,
  },
  {
    method: 'POST',
    path: '/clusters/:cluster/container-instances/:id/state',
    params: {
      cluster,
      id: { kind: 'ecsId', valid: INSTANCE_ID, label: 'container instance' },
    },
    query: {},
    body: { status: 'DRAINING', confirm: INSTANCE_ID },
    response: ContainerInstanceStateResponse,
  },
  {
    method: 'GET',
    path: '/task-definitions/families',
    params: {},
    query: {},
    response: TaskDefinitionFamiliesResponse,
  },
  {
    method: 'GET',
    path: '/task-definitions/:family/revisions',
    params: { family },
    query: {},
    response: TaskDefinitionRevisionsResponse,
  },
  {
    method: 'GET',
    path: '/task-definitions/:family/:revision',
    params: { family, revision: { kind: 'revision', valid: '3', label: 'revision' } },
    query: {},
    response: TaskDefinitionResponse,
  },
  {
    method: 'POST',
    path: '/task-definitions',
    params: {},
    query: {},
    body: { taskDefinition: TASK_DEFINITION },
    response: RegisterTaskDefinitionResponse,
  },
  {
    method: 'POST',
    path: '/task-definitions/validate',
    regionless: true,
    params: {},
    query: {},
    body: { taskDefinition: TASK_DEFINITION, behindLoadBalancer: true },
    response: ValidateTaskDefinitionResponse,
  },
  {
    method: 'POST',
    path: '/convert/dockerrun',
    regionless: true,
    params: {},
    query: {},
    body: { dockerrun: DOCKERRUN, family: 'web' },
    response: ConvertDockerrunResponse,
  },
  {
    method: 'POST',
    path: '/convert/taskdef-to-dockerrun',
    regionless: true,
    params: {},
    query: {},
    body: { taskDefinition: TASK_DEFINITION },
    response: ConvertTaskDefinitionResponse,
  },
  { method: 'GET', path: '/repositories', params: {}, query: {}, response: RepositoriesResponse },
  {
    method: 'GET',
    path: '/repositories/:name',
    params: { name: repository },
    query: {},
    response: RepositoryDetailResponse,
  },
  {
    method: 'GET',
    path: '/repositories/:name/images',
    params: { name: repository },
    query: {},
    response: ImagesResponse,
  },
  {
    method: 'GET',
    path: '/repositories/:name/images/:digest/findings',
    params: { name: repository, digest: { kind: 'digest', valid: DIGEST, label: 'digest' } },
    query: { severity: 'critical,HIGH' },
    response: ScanFindingsResponse,
  },
  {
    method: 'GET',
    path: '/repositories/:name/policy',
    params: { name: repository },
    query: {},
    response: RepositoryPolicyResponse,
  },
  {
    method: 'GET',
    path: '/repositories/:name/lifecycle-policy',
    params: { name: repository },
    query: {},
    response: LifecyclePolicyResponse,
  },
  {
    method: 'GET',
    path: '/repositories/:name/push-commands',
    params: { name: repository },
    query: { tag: 'v1.2' },
    response: PushCommandsResponse,
  },
  { method: 'GET', path: '/eks/clusters', params: {}, query: {}, response: EksClustersResponse },
  {
    method: 'GET',
    path: '/traces',
    params: {},
    query: {
      start: '2026-01-01T10:00:00Z',
      end: '2026-01-01T10:15:00Z',
      filter: 'fault',
      nextToken: 'abc',
      all: 'false',
    },
    response: TracesResponse,
  },
  {
    method: 'GET',
    path: '/traces/:traceId',
    params: { traceId: { kind: 'traceId', valid: TRACE_ID, label: 'traceId' } },
    query: {},
    response: TraceResponse,
  },
  {
    method: 'GET',
    path: '/service-map',
    params: {},
    query: { start: '2026-01-01T10:00:00Z', end: '2026-01-01T10:15:00Z' },
    response: ServiceMapResponse,
  },
];

/** The URL of a route with the given (already encoded) parameter values and query. */
export function urlOf(
  route: FuzzRoute,
  params: Record<string, string>,
  query: [string, string][] = [],
): string {
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => params[name] ?? '');
  const search = query.map(([key, value]) => `${key}=${value}`).join('&');
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

/** The route's valid parameters, URL-encoded. */
export const validParams = (route: FuzzRoute): Record<string, string> =>
  Object.fromEntries(
    Object.entries(route.params).map(([name, param]) => [name, encodeURIComponent(param.valid)]),
  );
