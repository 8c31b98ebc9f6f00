import { buildService, buildTask } from '@deckhand/shared/testing';
import type { Deployment } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import {
  deploymentKind,
  filterServiceRows,
  imagesByService,
  parseServiceFilter,
  sortServiceRows,
  toServiceRow,
} from './service-rows';

const deployment = (overrides: Partial<Deployment>): Deployment => ({
  id: 'ecs-svc/1',
  status: 'PRIMARY',
  taskDefinition: 'web:2',
  desiredCount: 4,
  runningCount: 1,
  pendingCount: 2,
  failedTasks: 0,
  ...overrides,
});

const rolling = buildService({
  name: 'web',
  taskDefinition: 'web:2',
  desiredCount: 4,
  runningCount: 3,
  deployments: [
    deployment({ rolloutState: 'IN_PROGRESS' }),
    deployment({ id: 'ecs-svc/0', status: 'ACTIVE', taskDefinition: 'web:1', runningCount: 2 }),
  ],
});
const daemon = buildService({
  name: 'xray-daemon',
  schedulingStrategy: 'DAEMON',
  taskDefinition: 'xray:7',
  desiredCount: 10,
  runningCount: 10,
});
const fargate = buildService({
  name: 'api',
  launchType: undefined,
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
  taskDefinition: 'api:10',
  desiredCount: 3,
  runningCount: 1,
});
const rows = [rolling, daemon, fargate].map((service) => toServiceRow(service));

describe('service rows', () => {
  it('says what the deployment does, with the primary rollout’s progress', () => {
    expect(toServiceRow(rolling)).toMatchObject({
      state: 'deploying',
      rollout: { running: 1, desired: 4 },
      family: 'web',
      revision: 2,
    });
    expect(deploymentKind(daemon)).toBe('steady');
    expect(deploymentKind(fargate)).toBe('below');
    expect(
      deploymentKind(buildService({ deployments: [deployment({ rolloutState: 'FAILED' })] })),
    ).toBe('failed');
  });

  it('names the capacity providers when there is no launch type', () => {
    expect(toServiceRow(fargate).launch).toBe('FARGATE_SPOT');
  });

  it('filters by state, strategy, launch, revision and words', () => {
    const names = (query: string) =>
      filterServiceRows(rows, parseServiceFilter(query)).map((row) => row.name);
    expect(names('state:deploying')).toEqual(['web']);
    expect(names('strategy:daemon')).toEqual(['xray-daemon']);
    expect(names('-strategy:daemon')).toEqual(['web', 'api']);
    expect(names('launch:spot')).toEqual(['api']);
    expect(names('rev:10')).toEqual(['api']);
    expect(names('rev:1')).toEqual([]);
    expect(names('state:below,failed')).toEqual(['api']);
    expect(names('xray')).toEqual(['xray-daemon']);
  });

  it('sorts by counts, deployment trouble first, and names', () => {
    const order = (column: Parameters<typeof sortServiceRows>[1]['column'], asc = true) =>
      sortServiceRows(rows, { column, direction: asc ? 'asc' : 'desc' }).map((row) => row.name);
    expect(order('name')).toEqual(['api', 'web', 'xray-daemon']);
    expect(order('desired', false)).toEqual(['xray-daemon', 'web', 'api']);
    expect(order('running')).toEqual(['api', 'web', 'xray-daemon']);
    expect(order('deployment')).toEqual(['web', 'api', 'xray-daemon']);
    expect(order('strategy')).toEqual(['xray-daemon', 'api', 'web']);
    expect(order('rev')).toEqual(['api', 'web', 'xray-daemon']);
  });
});

describe('imagesByService', () => {
  it("collects each service's images from its running tasks, without the registry host", () => {
    const images = imagesByService([
      buildTask({
        group: 'service:web',
        containers: [
          {
            name: 'web',
            image: '000000000000.dkr.ecr.us-east-1.amazonaws.com/web:3',
            portMappings: [],
          },
          { name: 'xray', image: 'amazon/aws-xray-daemon:3.x', portMappings: [] },
        ],
      }),
      buildTask({
        group: 'service:web',
        containers: [
          {
            name: 'web',
            image: '000000000000.dkr.ecr.us-east-1.amazonaws.com/web:3',
            portMappings: [],
          },
        ],
      }),
      buildTask({
        group: 'family:batch',
        containers: [{ name: 'b', image: 'b:1', portMappings: [] }],
      }),
    ]);
    expect(images).toEqual(new Map([['web', ['amazon/aws-xray-daemon:3.x', 'web:3']]]));
    const row = toServiceRow(rolling, images.get('web'));
    expect(filterServiceRows([row], parseServiceFilter('image:xray'))).toHaveLength(1);
    expect(filterServiceRows([row], parseServiceFilter('image:nginx'))).toHaveLength(0);
  });
});
