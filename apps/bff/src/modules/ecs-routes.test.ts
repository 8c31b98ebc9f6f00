import {
  ClusterDetailResponse,
  ContainerInstancesResponse,
  ErrorBody,
  PortMapResponse,
  ServiceDetailResponse,
  ServicesResponse,
  TaskDefinitionFamiliesResponse,
  TaskDefinitionResponse,
  TaskDefinitionRevisionsResponse,
  TaskDetailResponse,
  TasksResponse,
} from '@deckhand/shared';
import {
  buildClusterDetail,
  buildContainerInstance,
  buildService,
  buildServiceDetail,
  buildTask,
} from '@deckhand/shared/testing';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { AwsThrottledError } from '../aws/errors.js';
import { emptyEcs, viewOf } from '../testing/ecs-fakes.js';
import { buildTestApp } from '../testing/test-app.js';
import type { EcsServices } from './ecs-routes.js';

const AS_OF = '2026-11-26T10:00:00.000Z';
const fresh = { stale: false, asOf: AS_OF };
const app = (overrides: Partial<EcsServices>) => buildTestApp({ ecs: emptyEcs(overrides) });

function expectError(body: unknown, code: string) {
  const parsed = ErrorBody.parse(body);
  expect(parsed.error.code).toBe(code);
  return parsed.error;
}

describe('GET /api/v1/clusters/:cluster', () => {
  it('returns the cluster with providers and settings, in the requested region', async () => {
    const getCluster = vi.fn(() =>
      Promise.resolve({ cluster: buildClusterDetail({ name: 'prod-ec2' }), ...fresh }),
    );
    const response = await request(app({ clusterDetail: { getCluster } }))
      .get('/api/v1/clusters/prod-ec2?region=eu-west-1')
      .expect(200);
    const body = ClusterDetailResponse.parse(response.body);
    expect(body.cluster.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
    expect(getCluster).toHaveBeenCalledWith('eu-west-1', 'prod-ec2');
  });

  it('answers 404 with the error body for an unknown cluster', async () => {
    const response = await request(app({})).get('/api/v1/clusters/nope').expect(404);
    const error = expectError(response.body, 'not_found');
    expect(error.message).toContain('nope');
    expect(error.requestId).toBe(response.headers['x-request-id']);
  });

  it('refuses a name ECS could not have, without calling the service', async () => {
    const getCluster = vi.fn();
    const response = await request(app({ clusterDetail: { getCluster } }))
      .get('/api/v1/clusters/bad%20name')
      .expect(400);
    expect(expectError(response.body, 'bad_request').message).toContain('cluster');
    expect(getCluster).not.toHaveBeenCalled();
  });
});

describe('GET /api/v1/clusters/:cluster/container-instances', () => {
  it('returns the instances with their tasks', async () => {
    const listContainerInstances = vi.fn(() =>
      Promise.resolve({ containerInstances: [buildContainerInstance()], ...fresh }),
    );
    const response = await request(app({ containerInstances: { listContainerInstances } }))
      .get('/api/v1/clusters/prod-ec2/container-instances')
      .expect(200);
    const body = ContainerInstancesResponse.parse(response.body);
    expect(body.containerInstances[0]?.tasks).toEqual(['0f1e2d3c4b5a49687766554433221100']);
    expect(listContainerInstances).toHaveBeenCalledWith('us-east-1', 'prod-ec2');
  });

  it('passes AWS throttling on as 429 with Retry-After', async () => {
    const listContainerInstances = () =>
      Promise.reject(new AwsThrottledError('Listing container instances: AWS is throttling.'));
    const response = await request(app({ containerInstances: { listContainerInstances } }))
      .get('/api/v1/clusters/prod-ec2/container-instances')
      .expect(429);
    expectError(response.body, 'aws_throttled');
    expect(response.headers['retry-after']).toBe('2');
  });
});

describe('GET /api/v1/clusters/:cluster/services[/:service]', () => {
  it('lists services and marks a stale answer', async () => {
    const listServices = vi.fn(() =>
      Promise.resolve({
        services: [buildService(), buildService({ name: 'api' })],
        stale: true,
        asOf: AS_OF,
      }),
    );
    const response = await request(app({ services: { ...emptyEcs().services, listServices } }))
      .get('/api/v1/clusters/prod-ec2/services')
      .expect(200);
    expect(ServicesResponse.parse(response.body).services.map((s) => s.name)).toEqual([
      'web',
      'api',
    ]);
    expect(response.headers['x-deckhand-stale']).toBe('true');
  });

  it('returns one service with its events', async () => {
    const getService = vi.fn(() => Promise.resolve({ service: buildServiceDetail(), ...fresh }));
    const response = await request(app({ services: { ...emptyEcs().services, getService } }))
      .get('/api/v1/clusters/prod-ec2/services/web')
      .expect(200);
    expect(ServiceDetailResponse.parse(response.body).service.events[0]?.kind).toBe('steady-state');
    expect(getService).toHaveBeenCalledWith('us-east-1', 'prod-ec2', 'web');
  });

  it('answers 404 for an unknown service', async () => {
    const response = await request(app({}))
      .get('/api/v1/clusters/prod-ec2/services/ghost')
      .expect(404);
    expect(expectError(response.body, 'not_found').message).toContain('ghost');
  });

  it('never sends an answer that breaks the contract', async () => {
    const broken = { services: [{ name: 'web' }], ...fresh } as unknown as Awaited<
      ReturnType<EcsServices['services']['listServices']>
    >;
    const listServices = () => Promise.resolve(broken);
    const response = await request(app({ services: { ...emptyEcs().services, listServices } }))
      .get('/api/v1/clusters/prod-ec2/services')
      .expect(500);
    expectError(response.body, 'internal');
  });
});

describe('GET /api/v1/clusters/:cluster/tasks', () => {
  const setup = () => {
    const listTasks = vi.fn((..._args: unknown[]) =>
      Promise.resolve({ tasks: [buildTask()], ...fresh }),
    );
    const viewTasks = vi.fn(async (...args: unknown[]) => viewOf(await listTasks(...args)));
    return { listTasks, app: app({ tasks: { ...emptyEcs().tasks, listTasks, viewTasks } }) };
  };

  it('defaults to RUNNING tasks of every service', async () => {
    const { listTasks, app: server } = setup();
    const response = await request(server).get('/api/v1/clusters/prod-ec2/tasks').expect(200);
    expect(TasksResponse.parse(response.body).tasks[0]?.containers[0]?.portMappings).toHaveLength(
      1,
    );
    expect(listTasks).toHaveBeenCalledWith('us-east-1', 'prod-ec2', { desiredStatus: 'RUNNING' });
  });

  it('filters by service and desired status', async () => {
    const { listTasks, app: server } = setup();
    await request(server)
      .get('/api/v1/clusters/prod-ec2/tasks?service=web&desiredStatus=STOPPED&region=eu-west-1')
      .expect(200);
    expect(listTasks).toHaveBeenCalledWith('eu-west-1', 'prod-ec2', {
      service: 'web',
      desiredStatus: 'STOPPED',
    });
    await request(server).get('/api/v1/clusters/prod-ec2/tasks?service=').expect(200);
    expect(listTasks).toHaveBeenLastCalledWith('us-east-1', 'prod-ec2', {
      desiredStatus: 'RUNNING',
    });
  });

  it('refuses an unknown desired status or a repeated service', async () => {
    const { listTasks, app: server } = setup();
    const response = await request(server)
      .get('/api/v1/clusters/prod-ec2/tasks?desiredStatus=PAUSED')
      .expect(400);
    expect(expectError(response.body, 'bad_request').message).toContain('desiredStatus');
    await request(server).get('/api/v1/clusters/prod-ec2/tasks?service=a&service=b').expect(400);
    expect(listTasks).not.toHaveBeenCalled();
  });
});

describe('GET /api/v1/clusters/:cluster/tasks/:task', () => {
  const ID = '0f1e2d3c4b5a49687766554433221100';

  it('returns one task with its diagnosis, in the requested region', async () => {
    const getTask = vi.fn(() =>
      Promise.resolve({
        task: buildTask({ id: ID, lastStatus: 'STOPPED' }),
        diagnosis: { kind: 'out-of-memory' as const, summary: 'Container web ran out of memory.' },
        source: 'history' as const,
        ...fresh,
      }),
    );
    const response = await request(app({ tasks: { ...emptyEcs().tasks, getTask } }))
      .get(`/api/v1/clusters/prod-ec2/tasks/${ID}?region=eu-west-1`)
      .expect(200);
    const body = TaskDetailResponse.parse(response.body);
    expect(body).toMatchObject({ source: 'history', diagnosis: { kind: 'out-of-memory' } });
    expect(getTask).toHaveBeenCalledWith('eu-west-1', 'prod-ec2', ID);
  });

  it('takes the older UUID form of a task id', async () => {
    const uuid = '4c0e2a3b-1d2e-4f50-8a9b-0c1d2e3f4a5b';
    const getTask = vi.fn(() =>
      Promise.resolve({ task: buildTask({ id: uuid }), source: 'aws' as const, ...fresh }),
    );
    await request(app({ tasks: { ...emptyEcs().tasks, getTask } }))
      .get(`/api/v1/clusters/prod-ec2/tasks/${uuid}`)
      .expect(200);
    expect(getTask).toHaveBeenCalledWith('us-east-1', 'prod-ec2', uuid);
  });

  it('answers 404 naming the task, and 400 for what cannot be a task id', async () => {
    const missing = await request(app({})).get(`/api/v1/clusters/prod-ec2/tasks/${ID}`).expect(404);
    expect(expectError(missing.body, 'not_found').message).toContain(ID);
    const getTask = vi.fn();
    const server = app({ tasks: { ...emptyEcs().tasks, getTask } });
    for (const id of ['abc', `${ID}0`, 'ZZ1e2d3c4b5a49687766554433221100', 'arn%3Aaws%3Aecs']) {
      const response = await request(server).get(`/api/v1/clusters/prod-ec2/tasks/${id}`);
      expect(response.status).toBe(400);
      expect(expectError(response.body, 'bad_request').message).toContain('task');
    }
    expect(getTask).not.toHaveBeenCalled();
  });
});

describe('GET /api/v1/clusters/:cluster/port-map', () => {
  it('returns rows and findings', async () => {
    const getPortMap = vi.fn(() =>
      Promise.resolve({
        rows: [
          {
            service: 'web',
            host: {
              kind: 'instance' as const,
              containerInstanceId: 'ci-a',
              ec2InstanceId: 'i-0aaa',
            },
            hostPort: 32768,
            protocol: 'tcp' as const,
            dynamic: true,
            taskId: 't1',
            container: 'web',
            containerPort: 8080,
          },
        ],
        findings: [
          {
            kind: 'unplaceable' as const,
            severity: 'error' as const,
            message: 'x',
            service: 'legacy',
          },
        ],
        ...fresh,
      }),
    );
    const response = await request(app({ portMap: { getPortMap } }))
      .get('/api/v1/clusters/prod-ec2/port-map')
      .expect(200);
    const body = PortMapResponse.parse(response.body);
    expect(body.rows[0]?.host).toEqual({
      kind: 'instance',
      containerInstanceId: 'ci-a',
      ec2InstanceId: 'i-0aaa',
    });
    expect(body.findings[0]?.kind).toBe('unplaceable');
  });
});

describe('GET /api/v1/task-definitions/…', () => {
  const revisions = {
    revisions: [
      {
        revision: 3,
        status: 'ACTIVE' as const,
        arn: 'arn:aws:ecs:us-east-1:1:task-definition/web:3',
      },
    ],
    ...fresh,
  };

  it('lists families, not mistaking the path for a family', async () => {
    const listFamilies = vi.fn(() =>
      Promise.resolve({
        families: [{ name: 'web', latestRevision: 3, activeRevisions: 2 }],
        ...fresh,
      }),
    );
    const listRevisions = vi.fn();
    const response = await request(
      app({ taskDefinitions: { ...emptyEcs().taskDefinitions, listFamilies, listRevisions } }),
    )
      .get('/api/v1/task-definitions/families')
      .expect(200);
    expect(TaskDefinitionFamiliesResponse.parse(response.body).families[0]?.name).toBe('web');
    expect(listRevisions).not.toHaveBeenCalled();
  });

  it('lists the revisions of a family and reads one', async () => {
    const listRevisions = vi.fn(() => Promise.resolve(revisions));
    const getRevision = vi.fn(() =>
      Promise.resolve({ taskDefinition: { family: 'web', revision: 3 }, tags: [], ...fresh }),
    );
    const server = app({
      taskDefinitions: { ...emptyEcs().taskDefinitions, listRevisions, getRevision },
    });
    const list = await request(server).get('/api/v1/task-definitions/web/revisions').expect(200);
    expect(TaskDefinitionRevisionsResponse.parse(list.body).revisions).toHaveLength(1);
    const one = await request(server).get('/api/v1/task-definitions/web/3').expect(200);
    expect(TaskDefinitionResponse.parse(one.body).taskDefinition.revision).toBe(3);
    expect(getRevision).toHaveBeenCalledWith('us-east-1', 'web', 3);
  });

  it('answers 404 for an unknown revision and 400 for one that is not a number', async () => {
    const missing = await request(app({})).get('/api/v1/task-definitions/web/99').expect(404);
    expectError(missing.body, 'not_found');
    const getRevision = vi.fn();
    const server = app({ taskDefinitions: { ...emptyEcs().taskDefinitions, getRevision } });
    for (const path of ['web/latest', 'web/0', 'web/-1', 'we%3Ab/3']) {
      const response = await request(server).get(`/api/v1/task-definitions/${path}`).expect(400);
      expectError(response.body, 'bad_request');
    }
    expect(getRevision).not.toHaveBeenCalled();
  });
});
