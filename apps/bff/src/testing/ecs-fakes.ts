import type { ReadView } from '../http/read-response.js';
import { NotFoundError } from '../http/errors.js';
import type { EcsServices } from '../modules/ecs-routes.js';

const fresh = () => ({ stale: false, asOf: new Date(0).toISOString() });

/** An account with no ECS resources: lists are empty, anything named is a 404. Override what a test needs. */
export function emptyEcs(overrides: Partial<EcsServices> = {}): EcsServices {
  const missing = (what: string) => Promise.reject(new NotFoundError(`${what} was not found.`));
  return {
    clusterDetail: { getCluster: (_region, cluster) => missing(`Cluster ${cluster}`) },
    containerInstances: {
      listContainerInstances: () => Promise.resolve({ containerInstances: [], ...fresh() }),
    },
    services: {
      listServices: () => Promise.resolve({ services: [], ...fresh() }),
      getService: (_region, _cluster, service) => missing(`Service ${service}`),
    },
    tasks: {
      listTasks: () => Promise.resolve({ tasks: [], ...fresh() }),
      viewTasks: () => Promise.resolve(viewOf({ tasks: [], ...fresh() })),
      getTask: (_region, cluster, task) => missing(`Task ${task} in cluster ${cluster}`),
    },
    portMap: { getPortMap: () => Promise.resolve({ rows: [], findings: [], ...fresh() }) },
    taskDefinitions: {
      listFamilies: () => Promise.resolve({ families: [], ...fresh() }),
      listRevisions: (_region, family) => missing(`Task definition family ${family}`),
      getRevision: (_region, family, revision) => missing(`Task definition ${family}:${revision}`),
    },
    ...overrides,
  };
}

/** A view with nothing cached behind it, for fakes: built as given, never memoised. */
export function viewOf<T>(body: T): ReadView<T> {
  return { parts: [], build: () => body };
}
