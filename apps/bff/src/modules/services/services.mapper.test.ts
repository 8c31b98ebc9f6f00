import { ServiceDetail, Service } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import { sdkService, TG_WEB } from '../../testing/ecs-sdk-fixtures.js';
import { toService, toServiceDetail, toServiceEvents } from './services.mapper.js';

describe('toService', () => {
  it('maps names, family:revision and ISO times, and keeps the ARNs', () => {
    const service = toService(sdkService());
    expect(Service.parse(service)).toEqual(service);
    expect(service).toMatchObject({
      name: 'web',
      arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod-ec2/web',
      launchType: 'EC2',
      schedulingStrategy: 'REPLICA',
      taskDefinition: 'web:7',
      createdAt: '2026-11-01T12:00:00.000Z',
      loadBalancers: [{ targetGroupArn: TG_WEB, containerName: 'web', containerPort: 8080 }],
      tags: { team: 'platform' },
    });
    expect(service.deployments[0]).toEqual({
      id: 'ecs-svc/4011233451029338746',
      status: 'PRIMARY',
      taskDefinition: 'web:7',
      desiredCount: 3,
      runningCount: 3,
      pendingCount: 0,
      failedTasks: 0,
      rolloutState: 'COMPLETED',
      rolloutStateReason: 'ECS deployment ecs-svc/4011233451029338746 completed.',
      createdAt: '2026-11-26T09:00:00.000Z',
      updatedAt: '2026-11-26T09:04:00.000Z',
    });
    // The list leaves events out: they are the detail's.
    expect('events' in service).toBe(false);
  });

  it('maps a capacity-provider service without a launch type', () => {
    const service = toService(
      sdkService({
        launchType: undefined,
        capacityProviderStrategy: [
          { capacityProvider: 'FARGATE', weight: 1, base: 1 },
          { capacityProvider: 'FARGATE_SPOT', weight: 3 },
        ],
      }),
    );
    expect(service.launchType).toBeUndefined();
    expect(service.capacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', weight: 1, base: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 3, base: 0 },
    ]);
  });

  it('tolerates a service with nothing but an ARN, and odd deployments', () => {
    const bare = toService({ serviceArn: 'arn:aws:ecs:us-east-1:1:service/prod/api' });
    expect(Service.parse(bare)).toMatchObject({
      name: 'api',
      status: 'UNKNOWN',
      schedulingStrategy: 'REPLICA',
      taskDefinition: '',
      deployments: [],
      loadBalancers: [],
      tags: {},
    });
    const odd = toService({
      deployments: [
        {
          status: 'SOMETHING_NEW',
          taskDefinition: 'arn:aws:ecs:us-east-1:1:task-definition/api:2',
        },
        {},
      ],
      loadBalancers: [{ targetGroupArn: TG_WEB }],
    });
    expect(odd.deployments.map((d) => d.status)).toEqual(['ACTIVE', 'ACTIVE']);
    expect(odd.taskDefinition).toBe('');
    expect(odd.loadBalancers).toEqual([]);
    expect(Service.safeParse(odd).success).toBe(true);
  });
});

describe('toServiceDetail', () => {
  it('adds configuration and classified events, newest first', () => {
    const detail = toServiceDetail(
      sdkService({
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: ['subnet-1'],
            securityGroups: ['sg-1'],
            assignPublicIp: 'DISABLED',
          },
        },
        events: [
          {
            id: 'old',
            createdAt: new Date('2026-11-26T09:00:00Z'),
            message: '(service web) has started 1 tasks: (task abc).',
          },
          {
            id: 'new',
            createdAt: new Date('2026-11-26T09:05:00Z'),
            message: '(service web) has reached a steady state.',
          },
          { id: 'timeless', message: '(service web) has reached a steady state.' },
        ],
      }),
    );
    expect(ServiceDetail.parse(detail)).toEqual(detail);
    expect(detail.events).toEqual([
      {
        id: 'new',
        createdAt: '2026-11-26T09:05:00.000Z',
        message: '(service web) has reached a steady state.',
        kind: 'steady-state',
      },
      {
        id: 'old',
        createdAt: '2026-11-26T09:00:00.000Z',
        message: '(service web) has started 1 tasks: (task abc).',
        kind: 'task-started',
      },
    ]);
    expect(detail).toMatchObject({
      networkConfiguration: {
        awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'DISABLED' },
      },
      deploymentConfiguration: {
        minimumHealthyPercent: 100,
        maximumPercent: 200,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      },
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
      placementConstraints: [],
      healthCheckGracePeriodSeconds: 60,
      enableExecuteCommand: false,
    });
  });

  it('tolerates a bare service', () => {
    const detail = toServiceDetail({});
    expect(ServiceDetail.safeParse(detail).success).toBe(true);
    expect(detail.events).toEqual([]);
    expect(detail.networkConfiguration).toBeUndefined();
  });

  it('names an event without an id by its time', () => {
    expect(toServiceEvents([{ createdAt: new Date('2026-11-26T09:00:00Z') }])).toEqual([
      {
        id: '2026-11-26T09:00:00.000Z',
        createdAt: '2026-11-26T09:00:00.000Z',
        message: '',
        kind: 'other',
      },
    ]);
  });
});
