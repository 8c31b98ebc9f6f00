import type { ClusterFlavor, LaunchType } from '../schemas/clusters.js';

/** What flavour detection needs to know of a cluster, independent of SDK types. */
export interface FlavorInput {
  name: string;
  tags: Record<string, string>;
  capacityProviders: string[];
  registeredContainerInstancesCount: number;
  /** Running + pending task counts per launch type (DescribeClusters' STATISTICS). */
  tasksByLaunchType: Partial<Record<LaunchType, number>>;
}

/**
 * Elastic Beanstalk names its ECS clusters `awseb-<env>-<id>` and tags them with
 * `elasticbeanstalk:environment-name`; either mark is enough.
 */
export function isElasticBeanstalkCluster(name: string, tags: Record<string, string>): boolean {
  return (
    'elasticbeanstalk:environment-name' in tags ||
    'elasticbeanstalk:environment-id' in tags ||
    /^awseb-.+-[a-z0-9]{6,}$/i.test(name)
  );
}

/** Launch types in use: EC2 when instances are registered, FARGATE when Fargate tasks run or a FARGATE provider is attached. */
export function launchTypesOf(input: FlavorInput): LaunchType[] {
  const types = new Set<LaunchType>();
  if (input.registeredContainerInstancesCount > 0 || (input.tasksByLaunchType.EC2 ?? 0) > 0)
    types.add('EC2');
  if (
    (input.tasksByLaunchType.FARGATE ?? 0) > 0 ||
    input.capacityProviders.some(
      (provider) => provider === 'FARGATE' || provider === 'FARGATE_SPOT',
    )
  ) {
    types.add('FARGATE');
  }
  if ((input.tasksByLaunchType.EXTERNAL ?? 0) > 0) types.add('EXTERNAL');
  return (['EC2', 'FARGATE', 'EXTERNAL'] as const).filter((type) => types.has(type));
}

/**
 * The flavour badge of a cluster. Beanstalk wins (it is EC2 underneath, but managed by EB);
 * a cluster with instances and Fargate use is mixed; a cluster with no instances can only run
 * Fargate tasks, so an empty cluster counts as Fargate.
 */
export function detectFlavor(input: FlavorInput): ClusterFlavor {
  if (isElasticBeanstalkCluster(input.name, input.tags)) return 'elastic-beanstalk';
  const types = launchTypesOf(input);
  const ec2 = types.includes('EC2') || types.includes('EXTERNAL');
  const fargate = types.includes('FARGATE');
  if (ec2 && fargate) return 'mixed';
  if (ec2) return 'ec2';
  return 'fargate';
}
