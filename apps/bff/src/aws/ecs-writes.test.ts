import {
  ECSClient,
  RegisterTaskDefinitionCommand,
  StopTaskCommand,
  UpdateContainerInstancesStateCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { awsError, mockedAwsLayer } from '../testing/mocked-aws.js';
import { awsRequestIdOf, EcsWrites } from './ecs-writes.js';

const ecsMock = mockClient(ECSClient);
afterEach(() => ecsMock.reset());

const writes = () => new EcsWrites(mockedAwsLayer().clients);

describe('EcsWrites', () => {
  it('scales with desiredCount only, so a scale never starts a deployment', async () => {
    ecsMock.on(UpdateServiceCommand).resolves({});
    await writes().updateService('eu-west-1', 'prod-ec2', 'web', { desiredCount: 4 });
    const calls = ecsMock.commandCalls(UpdateServiceCommand);
    expect(calls.map((call) => call.args[0].input)).toEqual([
      { cluster: 'prod-ec2', service: 'web', desiredCount: 4 },
    ]);
  });

  it('deploys with the revision and/or forceNewDeployment, never a desiredCount', async () => {
    ecsMock.on(UpdateServiceCommand).resolves({});
    await writes().updateService('us-east-1', 'prod-ec2', 'web', { taskDefinition: 'web:8' });
    await writes().updateService('us-east-1', 'prod-ec2', 'web', { forceNewDeployment: true });
    expect(ecsMock.commandCalls(UpdateServiceCommand).map((c) => c.args[0].input)).toEqual([
      { cluster: 'prod-ec2', service: 'web', taskDefinition: 'web:8' },
      { cluster: 'prod-ec2', service: 'web', forceNewDeployment: true },
    ]);
  });

  it('stops a task by id with the reason, and changes one instance state', async () => {
    ecsMock.on(StopTaskCommand).resolves({});
    ecsMock.on(UpdateContainerInstancesStateCommand).resolves({});
    await writes().stopTask('us-east-1', 'prod-ec2', 'abc', 'stuck');
    await writes().updateContainerInstanceState('us-east-1', 'prod-ec2', 'def', 'DRAINING');
    expect(ecsMock.commandCalls(StopTaskCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod-ec2',
      task: 'abc',
      reason: 'stuck',
    });
    expect(ecsMock.commandCalls(UpdateContainerInstancesStateCommand)[0]?.args[0].input).toEqual({
      cluster: 'prod-ec2',
      containerInstances: ['def'],
      status: 'DRAINING',
    });
  });

  it('registers the input as given and lets AWS errors through unmapped', async () => {
    const refusal = awsError('ClientException', 'Invalid container name');
    ecsMock.on(RegisterTaskDefinitionCommand).rejects(refusal);
    const input = { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx' }] };
    await expect(writes().registerTaskDefinition('us-east-1', input)).rejects.toBe(refusal);
    expect(ecsMock.commandCalls(RegisterTaskDefinitionCommand)[0]?.args[0].input).toEqual(input);
  });

  it('reads AWS request ids from outputs and errors alike', () => {
    expect(awsRequestIdOf({ $metadata: { requestId: 'r-1' } })).toBe('r-1');
    expect(awsRequestIdOf(Object.assign(new Error('x'), { $metadata: { requestId: 'r-2' } }))).toBe(
      'r-2',
    );
    expect(awsRequestIdOf(new Error('x'))).toBeUndefined();
    expect(awsRequestIdOf(undefined)).toBeUndefined();
  });
});
