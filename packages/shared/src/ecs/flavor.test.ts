import { describe, expect, it } from 'vitest';
import {
  detectFlavor,
  isElasticBeanstalkCluster,
  launchTypesOf,
  type FlavorInput,
} from './flavor.js';

function input(overrides: Partial<FlavorInput>): FlavorInput {
  return {
    name: 'prod',
    tags: {},
    capacityProviders: [],
    registeredContainerInstancesCount: 0,
    tasksByLaunchType: {},
    ...overrides,
  };
}

describe('detectFlavor', () => {
  it('calls a cluster with instances and no Fargate use ec2', () => {
    expect(
      detectFlavor(input({ registeredContainerInstancesCount: 3, tasksByLaunchType: { EC2: 9 } })),
    ).toBe('ec2');
  });

  it('calls a cluster without instances that runs Fargate tasks fargate', () => {
    expect(detectFlavor(input({ tasksByLaunchType: { FARGATE: 4 } }))).toBe('fargate');
  });

  it('calls a cluster with instances and Fargate tasks mixed', () => {
    expect(
      detectFlavor(
        input({ registeredContainerInstancesCount: 2, tasksByLaunchType: { EC2: 2, FARGATE: 1 } }),
      ),
    ).toBe('mixed');
  });

  it('treats an attached FARGATE capacity provider on an EC2 cluster as mixed', () => {
    expect(
      detectFlavor(
        input({ registeredContainerInstancesCount: 1, capacityProviders: ['FARGATE_SPOT'] }),
      ),
    ).toBe('mixed');
  });

  it('recognises Elastic Beanstalk by its tag even though it runs on EC2', () => {
    expect(
      detectFlavor(
        input({
          registeredContainerInstancesCount: 1,
          tags: { 'elasticbeanstalk:environment-name': 'shop-prod' },
        }),
      ),
    ).toBe('elastic-beanstalk');
  });

  it('recognises Elastic Beanstalk by its naming scheme', () => {
    expect(isElasticBeanstalkCluster('awseb-shop-prod-x7k2m9qp1a', {})).toBe(true);
    expect(isElasticBeanstalkCluster('awseb', {})).toBe(false);
  });

  it('counts an empty cluster as fargate, the only thing it can run', () => {
    expect(detectFlavor(input({}))).toBe('fargate');
  });
});

describe('launchTypesOf', () => {
  it('lists launch types in a stable order', () => {
    expect(
      launchTypesOf(
        input({
          registeredContainerInstancesCount: 1,
          tasksByLaunchType: { FARGATE: 1, EXTERNAL: 2 },
        }),
      ),
    ).toEqual(['EC2', 'FARGATE', 'EXTERNAL']);
  });
});
