import { FleetState } from './fleet-state.js';
import type {
  ClusterRecord,
  ContainerInstanceRecord,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from './model.js';
import type { RepositoryRecord } from '../services/ecr/model.js';
import type { EksClusterRecord } from '../services/eks/model.js';
import { TraceStore } from '../services/xray/store.js';

const EMPTY: readonly TaskRecord[] = [];

/** Everything the simulator holds for one account in one region. Maps are keyed by ARN. */
export class RegionState {
  readonly clusters = new Map<string, ClusterRecord>();
  readonly containerInstances = new Map<string, ContainerInstanceRecord>();
  readonly services = new Map<string, ServiceRecord>();
  readonly taskDefinitions = new Map<string, TaskDefinitionRecord>();
  /** ECR repositories and EKS clusters, keyed by name (their APIs address them by name). */
  readonly ecrRepositories = new Map<string, RepositoryRecord>();
  readonly eksClusters = new Map<string, EksClusterRecord>();
  /** X-Ray segments from PutTraceSegments, the daemon and the simulated traffic. */
  readonly traces = new TraceStore();
  readonly fleet: FleetState;

  // Tasks are indexed by cluster, container instance and service: a 20,000-task region answers
  // ListTasks, DescribeContainerInstances and the scheduler without scanning every task.
  private readonly taskMap = new Map<string, TaskRecord>();
  private readonly byCluster = new Map<string, Set<TaskRecord>>();
  private readonly byInstance = new Map<string, Set<TaskRecord>>();
  private readonly byService = new Map<string, Set<TaskRecord>>();
  private readonly sortedByCluster = new Map<string, readonly TaskRecord[]>();

  constructor(
    readonly region: string,
    readonly accountId: string,
  ) {
    this.fleet = new FleetState(region);
  }

  /** Every task, by ARN. Add and remove tasks with addTask/removeTask so the indexes follow. */
  get tasks(): ReadonlyMap<string, TaskRecord> {
    return this.taskMap;
  }

  arn(service: string, resource: string): string {
    return `arn:aws:${service}:${this.region}:${this.accountId}:${resource}`;
  }

  clusterArn(name: string): string {
    return this.arn('ecs', `cluster/${name}`);
  }

  /** Finds a cluster by name or ARN, as every ECS `cluster` parameter accepts both. */
  findCluster(nameOrArn: string | undefined): ClusterRecord | undefined {
    const key = nameOrArn === undefined || nameOrArn === '' ? 'default' : nameOrArn;
    return this.clusters.get(key.startsWith('arn:') ? key : this.clusterArn(key));
  }

  instancesOf(clusterArn: string): ContainerInstanceRecord[] {
    return [...this.containerInstances.values()].filter(
      (instance) => instance.clusterArn === clusterArn,
    );
  }

  addTask(task: TaskRecord): void {
    this.taskMap.set(task.arn, task);
    index(this.byCluster, task.clusterArn, task);
    if (task.containerInstanceArn) index(this.byInstance, task.containerInstanceArn, task);
    if (task.serviceArn) index(this.byService, task.serviceArn, task);
    this.sortedByCluster.delete(task.clusterArn);
  }

  removeTask(task: TaskRecord): void {
    if (!this.taskMap.delete(task.arn)) return;
    this.byCluster.get(task.clusterArn)?.delete(task);
    if (task.containerInstanceArn) this.byInstance.get(task.containerInstanceArn)?.delete(task);
    if (task.serviceArn) this.byService.get(task.serviceArn)?.delete(task);
    this.sortedByCluster.delete(task.clusterArn);
  }

  tasksOf(clusterArn: string): TaskRecord[] {
    return [...(this.byCluster.get(clusterArn) ?? EMPTY)];
  }

  /** A cluster's tasks sorted by ARN (for key-based pagination), cached until tasks come or go. */
  sortedTasksOf(clusterArn: string): readonly TaskRecord[] {
    let sorted = this.sortedByCluster.get(clusterArn);
    if (!sorted) {
      sorted = [...(this.byCluster.get(clusterArn) ?? EMPTY)].sort((a, b) =>
        a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0,
      );
      this.sortedByCluster.set(clusterArn, sorted);
    }
    return sorted;
  }

  tasksOnInstance(instanceArn: string): Iterable<TaskRecord> {
    return this.byInstance.get(instanceArn) ?? EMPTY;
  }

  tasksOfService(serviceArn: string): Iterable<TaskRecord> {
    return this.byService.get(serviceArn) ?? EMPTY;
  }

  servicesOf(clusterArn: string): ServiceRecord[] {
    return [...this.services.values()].filter((service) => service.clusterArn === clusterArn);
  }
}

function index(map: Map<string, Set<TaskRecord>>, key: string, task: TaskRecord): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(task);
}

/** Holds one RegionState per region, created empty on first use (like an unused AWS region). */
export class World {
  private readonly regions = new Map<string, RegionState>();

  constructor(readonly accountId: string) {}

  region(name: string): RegionState {
    let state = this.regions.get(name);
    if (!state) {
      state = new RegionState(name, this.accountId);
      this.regions.set(name, state);
    }
    return state;
  }

  /** The regions in use, for the engine's tick. */
  all(): RegionState[] {
    return [...this.regions.values()];
  }

  clear(): void {
    this.regions.clear();
  }
}
