import { describe, expect, it } from 'vitest';
import { buildNode } from '../testing/service-map-fixtures';
import { ecsServiceHref, ecsServicesOf, isEcsCandidate } from './service-map-ecs';

const services = [
  { cluster: 'prod-ec2', service: 'web' },
  { cluster: 'prod-ec2', service: 'api' },
  { cluster: 'prod-fargate', service: 'checkout' },
  { cluster: 'staging', service: 'web' },
];

describe('isEcsCandidate', () => {
  it('takes ECS containers, EC2 instances and untyped apps, not AWS resources or callers', () => {
    const candidates = [
      'AWS::ECS::Container',
      'AWS::EC2::Instance',
      'my-app',
      'AWS::DynamoDB::Table',
      'client',
      'remote',
      'Database::SQL',
    ].filter((type) => isEcsCandidate({ type }));
    expect(candidates).toEqual(['AWS::ECS::Container', 'AWS::EC2::Instance', 'my-app']);
  });
});

describe('ecsServicesOf', () => {
  it('finds the ECS service of a node by name, in every cluster that has it', () => {
    expect(ecsServicesOf(buildNode({ name: 'web' }), services)).toEqual([
      { cluster: 'prod-ec2', service: 'web' },
      { cluster: 'staging', service: 'web' },
    ]);
  });

  it('matches the node’s other names too', () => {
    const node = buildNode({ name: 'checkout-svc', names: ['checkout-svc', 'checkout'] });
    expect(ecsServicesOf(node, services)).toEqual([
      { cluster: 'prod-fargate', service: 'checkout' },
    ]);
  });

  it('never links an AWS resource that happens to share a name', () => {
    expect(
      ecsServicesOf(buildNode({ name: 'api', type: 'AWS::DynamoDB::Table' }), services),
    ).toEqual([]);
  });

  it('links to the service page, keeping the region', () => {
    expect(ecsServiceHref({ cluster: 'prod ec2', service: 'web' }, 'eu-west-1')).toBe(
      '/clusters/prod%20ec2/services/web?region=eu-west-1',
    );
  });
});
