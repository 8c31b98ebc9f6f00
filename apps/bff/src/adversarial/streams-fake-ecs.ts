import {
  DescribeServicesCommand,
  ListServicesCommand,
  ListTasksCommand,
  type ECSClient,
  type ServiceEvent as SdkServiceEvent,
} from '@aws-sdk/client-ecs';
import type { LiveHubOptions } from '../live/live-hub.js';

/**
 * An ECS that does nothing but talk: one service whose every DescribeServices carries a fresh
 * batch of `perPoll` service events of `messageBytes` each, so each poll cycle publishes
 * `perPoll` large live events (after the first, baseline cycle). The LiveHub's whole pipeline
 * (reader, diff, history, replay buffer, SSE) runs unchanged on top of it: a loud, deterministic
 * source for the slow-consumer test, where the simulator's fleet is too quiet to fill a socket.
 */
export function loudEcs(options: { cluster: string; perPoll: number; messageBytes: number }) {
  let round = 0;
  const serviceArn = `arn:aws:ecs:us-east-1:123456789012:service/${options.cluster}/chatty`;
  const send = (command: unknown): Promise<unknown> => {
    if (command instanceof ListServicesCommand)
      return Promise.resolve({ serviceArns: [serviceArn] });
    if (command instanceof ListTasksCommand) return Promise.resolve({ taskArns: [] });
    if (command instanceof DescribeServicesCommand) {
      round += 1;
      const base = Date.UTC(2026, 0, 1) + round * 60_000;
      const events: SdkServiceEvent[] = Array.from({ length: options.perPoll }, (_, index) => ({
        id: `r${round}-e${index}`,
        createdAt: new Date(base + index),
        message: `(service chatty) round ${round} event ${index} ${'x'.repeat(options.messageBytes)}`,
      }));
      return Promise.resolve({
        services: [
          {
            serviceName: 'chatty',
            serviceArn,
            status: 'ACTIVE',
            desiredCount: 1,
            runningCount: 1,
            pendingCount: 0,
            taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/chatty:1',
            deployments: [],
            events,
          },
        ],
      });
    }
    return Promise.reject(new Error('loudEcs: unexpected command'));
  };
  const client = { send } as unknown as ECSClient;
  const aws = {
    clients: { ecs: () => client },
    ecs: {
      cluster: () => Promise.resolve({ value: {}, stale: false }),
      service: () => Promise.resolve({ value: {}, stale: false }),
    },
    budget: { specFor: () => ({ rate: 1_000 }) },
  } as unknown as LiveHubOptions['aws'];
  return { aws, rounds: () => round };
}
