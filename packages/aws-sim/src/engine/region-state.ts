import type {
  ClusterRecord,
  ContainerInstanceRecord,
  ServiceRecord,
  TaskDefinitionRecord,
  TaskRecord,
} from './model.js';

/** Everything the simulator holds for one account in one region. Maps are keyed by ARN. */
export class RegionState {
  readonly clusters = new Map<string, ClusterRecord>();
  readonly containerInstances = new Map<string, ContainerInstanceRecord>();
  readonly services = new Map<string, ServiceRecord>();
  readonly tasks = new Map<string, TaskRecord>();
  readonly taskDefinitions = new Map<string, TaskDefinitionRecord>();

  constructor(
    readonly region: string,
    readonly accountId: string,
  ) {}

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

  tasksOf(clusterArn: string): TaskRecord[] {
    return [...this.tasks.values()].filter((task) => task.clusterArn === clusterArn);
  }

  servicesOf(clusterArn: string): ServiceRecord[] {
    return [...this.services.values()].filter((service) => service.clusterArn === clusterArn);
  }
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

  clear(): void {
    this.regions.clear();
  }
}
