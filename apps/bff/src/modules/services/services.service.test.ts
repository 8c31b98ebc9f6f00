import {
  DescribeServicesCommand,
  ECSClient,
  ListServicesCommand,
  type DescribeServicesCommandInput,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sdkService, serviceArn } from '../../testing/ecs-sdk-fixtures.js';
import { createServicesService } from './services.service.js';
import { mockedAwsLayer, awsError } from '../../testing/mocked-aws.js';

const ecsMock = mockClient(ECSClient);

function reads(ttlMs = 0) {
  return mockedAwsLayer(ttlMs).ecs;
}

const names = Array.from({ length: 25 }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
const arns = names.map((name) => serviceArn('prod-ec2', name));

/** DescribeServices answers for whatever ARNs it is asked about. */
function describeAny() {
  ecsMock.on(DescribeServicesCommand).callsFake((input: DescribeServicesCommandInput) => ({
    services: (input.services ?? []).map((arn) =>
      sdkService({ serviceArn: arn, serviceName: arn.split('/').pop() }),
    ),
    failures: [],
  }));
}

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('services service: list', () => {
  it('follows nextToken to the end at 100 per page and describes by exactly 10', async () => {
    ecsMock
      .on(ListServicesCommand, { nextToken: undefined })
      .resolves({ serviceArns: arns.slice(0, 12), nextToken: 'p2' })
      .on(ListServicesCommand, { nextToken: 'p2' })
      .resolves({ serviceArns: arns.slice(12, 20), nextToken: 'p3' })
      .on(ListServicesCommand, { nextToken: 'p3' })
      .resolves({ serviceArns: arns.slice(20) });
    describeAny();

    const { services, stale } = await createServicesService(reads()).listServices(
      'us-east-1',
      'prod-ec2',
    );

    expect(stale).toBe(false);
    expect(services.map((service) => service.name)).toEqual(names);
    const lists = ecsMock.commandCalls(ListServicesCommand).map((call) => call.args[0].input);
    expect(lists).toHaveLength(3);
    expect(lists.every((input) => input.maxResults === 100 && input.cluster === 'prod-ec2')).toBe(
      true,
    );
    const describes = ecsMock
      .commandCalls(DescribeServicesCommand)
      .map((call) => call.args[0].input);
    expect(describes.map((input) => input.services?.length)).toEqual([10, 10, 5]);
    expect(describes.every((input) => input.include?.includes('TAGS'))).toBe(true);
  });

  it('answers 10 concurrent requests with one set of AWS calls', async () => {
    ecsMock.on(ListServicesCommand).resolves({ serviceArns: arns });
    describeAny();
    const service = createServicesService(reads(5_000));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => service.listServices('us-east-1', 'prod-ec2')),
    );
    expect(answers.every((answer) => answer.services.length === 25)).toBe(true);
    expect(ecsMock.commandCalls(ListServicesCommand)).toHaveLength(1);
    expect(ecsMock.commandCalls(DescribeServicesCommand)).toHaveLength(3);
  });

  it('serves the last good list, marked stale, while AWS throttles', async () => {
    ecsMock
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: arns.slice(0, 2) })
      .rejects(awsError('ThrottlingException', 'Rate exceeded'));
    describeAny();
    const service = createServicesService(reads(0));
    const fresh = await service.listServices('us-east-1', 'prod-ec2');
    const stale = await service.listServices('us-east-1', 'prod-ec2');
    expect(stale).toEqual({ ...fresh, stale: true });
    expect(ecsMock.commandCalls(ListServicesCommand)).toHaveLength(2);
  });

  it('answers 404 when the cluster does not exist', async () => {
    ecsMock
      .on(ListServicesCommand)
      .rejects(awsError('ClusterNotFoundException', 'Cluster not found.'));
    const error = await createServicesService(reads())
      .listServices('us-east-1', 'ghost')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('services service: one service', () => {
  it('describes just that service, with tags and events', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({ services: [sdkService()], failures: [] });
    const { service } = await createServicesService(reads()).getService(
      'us-east-1',
      'prod-ec2',
      'web',
    );
    expect(service.name).toBe('web');
    expect(service.events.map((event) => event.kind)).toEqual(['steady-state', 'load-balancer']);
    expect(ecsMock.commandCalls(DescribeServicesCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod-ec2',
      services: ['web'],
      include: ['TAGS'],
    });
    expect(ecsMock.commandCalls(ListServicesCommand)).toHaveLength(0);
  });

  it('turns a MISSING failure into a 404 naming the service', async () => {
    ecsMock.on(DescribeServicesCommand).resolves({
      services: [],
      failures: [{ arn: serviceArn('prod-ec2', 'ghost'), reason: 'MISSING' }],
    });
    const error = await createServicesService(reads())
      .getService('us-east-1', 'prod-ec2', 'ghost')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((error as Error).message).toBe('Service ghost was not found in cluster prod-ec2.');
  });
});
