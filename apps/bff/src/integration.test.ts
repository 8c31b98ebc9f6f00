import { createSimulator, type Simulator } from '@deckhand/aws-sim';
import { ClustersResponse } from '@deckhand/shared';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { createAwsLayer, type AwsLayer } from './aws/aws-layer.js';
import { createClustersService } from './modules/clusters/clusters.service.js';
import { createEcsServices } from './modules/ecs-routes.js';
import { createEksService } from './modules/eks/eks.service.js';
import { createRegistryService } from './modules/registry/registry.service.js';
import { createTracesService } from './modules/traces/traces.service.js';
import { buildTestApp } from './testing/test-app.js';

// The BFF against the simulator over real HTTP with the real SDK: nothing mocked.
let simulator: Simulator;
let aws: AwsLayer;

beforeAll(async () => {
  simulator = createSimulator({ port: 0, scenario: 'demo' });
  await simulator.start();
  aws = createAwsLayer({
    endpoint: simulator.endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    budgetShare: 1,
    ttlMs: 0,
  });
});

afterAll(async () => {
  aws.destroy();
  await simulator.stop();
});

function app() {
  return createApp({
    logger: pino({ level: 'silent' }),
    region: 'us-east-1',
    info: {
      mode: 'simulator',
      regions: ['us-east-1', 'eu-west-1'],
      readOnly: false,
      version: 'test',
    },
    clusters: createClustersService(aws.ecs),
    ecs: createEcsServices(aws.ecs),
    registry: createRegistryService({ ecr: aws.ecr, ecs: aws.ecs }),
    eks: createEksService(aws.eks),
    traces: createTracesService(aws.xray),
  });
}

describe('BFF ↔ simulator', () => {
  it('lists the demo clusters with flavours and capacity', async () => {
    simulator.stats.reset();
    const response = await request(app()).get('/api/v1/clusters').expect(200);
    const { clusters } = ClustersResponse.parse(response.body);
    const byName = Object.fromEntries(clusters.map((cluster) => [cluster.name, cluster]));
    expect(Object.keys(byName).sort()).toEqual([
      'awseb-storefront-prod-mp3jzqk2xd',
      'prod-ec2',
      'prod-fargate',
    ]);
    expect(byName['prod-ec2']).toMatchObject({
      flavor: 'ec2',
      registeredContainerInstancesCount: 3,
    });
    expect(byName['prod-ec2']?.cpu.registered).toBe(3 * 2048);
    expect(byName['prod-fargate']?.flavor).toBe('fargate');
    expect(byName['awseb-storefront-prod-mp3jzqk2xd']?.flavor).toBe('elastic-beanstalk');

    // The fewest calls: 1 ListClusters, 1 DescribeClusters, then 1 List + 1 Describe per EC2 cluster.
    expect(simulator.stats.snapshot().operations).toEqual({
      'ecs:DescribeClusters': 1,
      'ecs:DescribeContainerInstances': 2,
      'ecs:ListClusters': 1,
      'ecs:ListContainerInstances': 2,
    });
  });

  it('keeps regions apart: another region has no clusters', async () => {
    const response = await request(app()).get('/api/v1/clusters?region=eu-west-1').expect(200);
    expect(response.body).toMatchObject({ clusters: [], stale: false });
  });

  it('answers 503 with the error body when the endpoint is down', async () => {
    const down = createAwsLayer({
      endpoint: 'http://127.0.0.1:9',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      budgetShare: 1,
    });
    const broken = createApp({
      logger: pino({ level: 'silent' }),
      region: 'us-east-1',
      info: { mode: 'aws', regions: ['us-east-1'], readOnly: false, version: 'test' },
      clusters: createClustersService(down.ecs),
      ecs: createEcsServices(down.ecs),
      registry: createRegistryService({ ecr: down.ecr, ecs: down.ecs }),
      eks: createEksService(down.eks),
      traces: createTracesService(down.xray),
    });
    const response = await request(broken).get('/api/v1/clusters').expect(503);
    expect(response.body.error).toMatchObject({
      code: 'aws_unavailable',
      message: expect.stringContaining('cannot be reached'),
    });
    down.destroy();
  });

  it('answers 504 aws_timeout when AWS hangs, instead of waiting forever', async () => {
    const hanging = createSimulator({ port: 0, scenario: 'demo', throttling: 'off' });
    await hanging.start();
    const impatient = createAwsLayer({
      endpoint: hanging.endpoint,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      budgetShare: undefined,
      requestTimeoutMs: 300,
    });
    try {
      const fault = await fetch(`${hanging.endpoint}/_sim/faults`, {
        method: 'POST',
        body: JSON.stringify({ operations: ['ListClusters'], hang: true }),
      });
      expect(fault.status).toBe(200);
      const timedOut = buildTestApp({ clusters: createClustersService(impatient.ecs) });
      const response = await request(timedOut).get('/api/v1/clusters').expect(504);
      expect(response.body.error).toMatchObject({ code: 'aws_timeout' });
      // A timed-out attempt is not retried: the answer comes within one timeout, not three.
      expect(hanging.stats.snapshot().operations['ecs:ListClusters']).toBe(1);
    } finally {
      impatient.destroy();
      await hanging.stop();
    }
  }, 15_000);
});
