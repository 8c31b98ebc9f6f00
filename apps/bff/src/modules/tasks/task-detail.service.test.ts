import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListContainerInstancesCommand,
} from '@aws-sdk/client-ecs';
import { TaskDetailResponse, TaskStopKind } from '@deckhand/shared';
import { buildTask } from '@deckhand/shared/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  clusterArn,
  instanceArn,
  sdkBridgeTask,
  sdkContainerInstance,
  sdkFargateTask,
  sdkTaskDefinition,
  taskArn,
} from '../../testing/ecs-sdk-fixtures.js';
import { MemoryHistory } from '../../testing/memory-history.js';
import { awsError, mockedAwsLayer } from '../../testing/mocked-aws.js';
import { createTaskDetailService } from './task-detail.service.js';

const ecsMock = mockClient(ECSClient);
const REGION = 'us-east-1';
const ID = '0f1e2d3c4b5a49687766554433221100';
const GONE = 'ffeeddccbbaa99887766554433221100';

function missing(id: string) {
  // AWS names a MISSING task as it was asked for; the account must come from elsewhere.
  ecsMock
    .on(DescribeTasksCommand)
    .resolves({ tasks: [], failures: [{ arn: id, reason: 'MISSING' }] });
  ecsMock.on(DescribeClustersCommand).resolves({
    clusters: [{ clusterArn: clusterArn('prod-ec2'), clusterName: 'prod-ec2', status: 'ACTIVE' }],
  });
}

beforeEach(() => ecsMock.reset());
afterEach(() => ecsMock.reset());

describe('task detail service', () => {
  it('describes one task by id, with its EC2 instance id, in one DescribeTasks', async () => {
    ecsMock.on(DescribeTasksCommand).resolves({ tasks: [sdkBridgeTask()], failures: [] });
    ecsMock.on(ListContainerInstancesCommand).resolves({
      containerInstanceArns: [instanceArn('prod-ec2', 'a1b2c3d4e5f6478899aabbccddeeff00')],
    });
    ecsMock.on(DescribeContainerInstancesCommand).resolves({
      containerInstances: [sdkContainerInstance()],
    });

    const answer = await createTaskDetailService(mockedAwsLayer().ecs).getTask(
      REGION,
      'prod-ec2',
      ID,
    );

    expect(TaskDetailResponse.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ source: 'aws', stale: false });
    expect(answer.task).toMatchObject({ id: ID, ec2InstanceId: 'i-0a1b2c3d4e5f67890' });
    expect(answer.diagnosis).toBeUndefined();
    const describes = ecsMock.commandCalls(DescribeTasksCommand).map((call) => call.args[0].input);
    expect(describes).toEqual([{ cluster: 'prod-ec2', tasks: [ID], include: ['TAGS'] }]);
  });

  it('diagnoses a stopped task ECS still describes, and takes awsvpc ports from the definition', async () => {
    ecsMock.on(DescribeTasksCommand).resolves({
      tasks: [
        sdkFargateTask({
          lastStatus: 'STOPPED',
          desiredStatus: 'STOPPED',
          stopCode: 'EssentialContainerExited',
          stoppedReason: 'Essential container in task exited',
        }),
      ],
    });
    ecsMock.on(DescribeTaskDefinitionCommand).resolves({ taskDefinition: sdkTaskDefinition() });
    const answer = await createTaskDetailService(mockedAwsLayer().ecs).getTask(
      REGION,
      'prod-fargate',
      ID,
    );
    expect(answer.diagnosis?.kind).toBe('essential-exited');
    expect(answer.task.containers[0]?.portMappings[0]).toMatchObject({ hostIp: '10.0.3.44' });
  });

  it('answers from the history when ECS reports the task MISSING', async () => {
    missing(GONE);
    const history = new MemoryHistory();
    const kept = buildTask({
      id: GONE,
      arn: taskArn('prod-ec2', GONE),
      lastStatus: 'STOPPED',
      desiredStatus: 'STOPPED',
      stoppedAt: '2026-11-20T10:00:00.000Z',
    });
    const diagnosis = {
      kind: 'out-of-memory' as const,
      summary: 'Container web ran out of memory.',
    };
    await history.recordTaskStop({ region: REGION, cluster: 'prod-ec2' }, kept, diagnosis);

    const answer = await createTaskDetailService(mockedAwsLayer().ecs, history).getTask(
      REGION,
      'prod-ec2',
      GONE,
    );

    expect(TaskDetailResponse.parse(answer)).toMatchObject({ source: 'history', diagnosis });
    expect(answer.task).toEqual(kept);
  });

  it('answers 404 naming the task when neither ECS nor the history knows it', async () => {
    missing(GONE);
    const error = await createTaskDetailService(mockedAwsLayer().ecs, new MemoryHistory(), 30)
      .getTask(REGION, 'prod-ec2', GONE)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 'not_found' });
    expect((error as Error).message).toBe(
      `Task ${GONE} is not in cluster prod-ec2: it may have stopped more than 30 days ago.`,
    );
  });

  it('answers 404 for an unknown cluster', async () => {
    ecsMock
      .on(DescribeTasksCommand)
      .rejects(awsError('ClusterNotFoundException', 'Cluster not found.'));
    const error = await createTaskDetailService(mockedAwsLayer().ecs)
      .getTask(REGION, 'ghost', ID)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
  });

  it('accepts every diagnosis kind the live feed has', () => {
    for (const kind of TaskStopKind.options) {
      const body = { task: buildTask(), diagnosis: { kind, summary: 's' }, source: 'aws' };
      expect(
        TaskDetailResponse.safeParse({ ...body, stale: false, asOf: new Date(0).toISOString() })
          .success,
      ).toBe(true);
    }
  });
});
