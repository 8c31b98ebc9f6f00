import { ECRClient } from '@aws-sdk/client-ecr';
import {
  ECSClient,
  StopTaskCommand,
  UpdateContainerInstancesStateCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { XRayClient } from '@aws-sdk/client-xray';
import { mockClient } from 'aws-sdk-client-mock';
import type { Express } from 'express';
import { buildFullApp } from '../testing/full-app.js';
import { awsError } from '../testing/mocked-aws.js';

/**
 * The whole API over the real service layer, with every AWS SDK client stubbed
 * (aws-sdk-client-mock): a valid-looking input reaches its service and an AWS "not found",
 * never the network. `{}` is a legal answer to every AWS read (all output members are
 * optional), so the services must cope with it; the mutations are refused as AWS would refuse
 * them for a resource that does not exist.
 */
export interface FuzzApp {
  app: Express;
  close(): Promise<void>;
}

export function stubAws(): () => void {
  const ecs = mockClient(ECSClient);
  const ecr = mockClient(ECRClient);
  const eks = mockClient(EKSClient);
  const xray = mockClient(XRayClient);
  ecs.onAnyCommand().resolves({});
  // The mutations name a cluster/service/task that does not exist.
  const missing = awsError('ClusterNotFoundException', 'Cluster not found.');
  ecs.on(UpdateServiceCommand).rejects(missing);
  ecs.on(StopTaskCommand).rejects(missing);
  ecs.on(UpdateContainerInstancesStateCommand).rejects(missing);
  ecr
    .onAnyCommand()
    .rejects(awsError('RepositoryNotFoundException', 'The repository does not exist.'));
  eks.onAnyCommand().resolves({});
  xray.onAnyCommand().resolves({});
  return () => {
    for (const mock of [ecs, ecr, eks, xray]) mock.restore();
  };
}

export function buildFuzzApp(): FuzzApp {
  return buildFullApp();
}
