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
import { pino } from 'pino';
import { LiveHub } from '../live/live-hub.js';
import { createActionsService } from '../modules/actions/actions.service.js';
import { createClustersService } from '../modules/clusters/clusters.service.js';
import { createEcsServices } from '../modules/ecs-routes.js';
import { createEksService } from '../modules/eks/eks.service.js';
import { createRegistryService } from '../modules/registry/registry.service.js';
import { createTracesService } from '../modules/traces/traces.service.js';
import { MemoryHistory } from '../testing/memory-history.js';
import { MemoryAuditLog, MemoryIdempotencyStore } from '../testing/memory-stores.js';
import { awsError, mockedAwsLayer } from '../testing/mocked-aws.js';
import { buildTestApp } from '../testing/test-app.js';

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
  const aws = mockedAwsLayer();
  const history = new MemoryHistory();
  const live = new LiveHub({
    aws,
    history,
    logger: pino({ level: 'silent' }),
    budgetShare: undefined,
    schedule: { backgroundMs: 'off' },
  });
  const app = buildTestApp({
    clusters: createClustersService(aws.ecs),
    ecs: createEcsServices(aws.ecs, history, 30),
    registry: createRegistryService({ ecr: aws.ecr, ecs: aws.ecs }),
    eks: createEksService(aws.eks),
    traces: createTracesService(aws.xray),
    live,
    actions: createActionsService({
      clients: aws.clients,
      reads: aws.ecs,
      audit: new MemoryAuditLog(),
      idempotency: new MemoryIdempotencyStore(),
    }),
  });
  return {
    app,
    async close() {
      await live.close();
      aws.destroy();
    },
  };
}
