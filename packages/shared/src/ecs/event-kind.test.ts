import { describe, expect, it } from 'vitest';
import type { ServiceEventKind } from '../schemas/services.js';
import {
  classifyServiceEvent,
  containerInstanceIdIn,
  isPortPlacementFailure,
} from './event-kind.js';

const TG =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-tg/6d0ecf831eec9f09';
const PORT_FAILURE =
  '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 5a8d3b0a5d2c4e1c9f6b7a8e9d0c1b2a) is already using a port required by your task. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

// ECS's own wording (REFERENCE.md §4 and the ECS developer guide's service event messages).
const CASES: [string, ServiceEventKind][] = [
  ['(service web) has reached a steady state.', 'steady-state'],
  [
    '(service web) has started 2 tasks: (task 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6) (task 3c4d5e6f7a8b49c0d1e2f3a4b5c6d7e8).',
    'task-started',
  ],
  ['(service web) has started 1 tasks: (task 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6).', 'task-started'],
  [
    '(service web) has stopped 1 running tasks: (task 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6).',
    'task-stopped',
  ],
  [`(service web) registered 1 targets in (target-group ${TG})`, 'load-balancer'],
  [`(service web) deregistered 2 targets in (target-group ${TG})`, 'load-balancer'],
  ['(service web) has begun draining connections on 1 tasks.', 'load-balancer'],
  [PORT_FAILURE, 'placement-failure'],
  [
    '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 5a8d3b0a) has insufficient memory available. For more information, see the Troubleshooting section.',
    'placement-failure',
  ],
  [
    '(service web) was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.',
    'placement-failure',
  ],
  [
    '(service api) was unable to place a task. Reason: Capacity is unavailable at this time. Please try again later or in a different availability zone. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    'placement-failure',
  ],
  [
    '(service api) failed to launch a task with (error ECS was unable to assume the role that was provided for this task).',
    'placement-failure',
  ],
  ['(service web) (deployment ecs-svc/1234567890123456789) deployment completed.', 'deployment'],
  [
    '(service web) (deployment ecs-svc/1234567890123456789) deployment failed: tasks failed to start.',
    'deployment',
  ],
  ['(service web) rolling back to deployment ecs-svc/9876543210987654321.', 'deployment'],
  [
    '(service web) (task 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6) failed container health checks.',
    'unhealthy',
  ],
  [
    `(service web) (instance i-0a1b2c3d4e5f67890) (port 32768) is unhealthy in (target-group ${TG}) due to (reason Health checks failed with these codes: [502]).`,
    'unhealthy',
  ],
  [
    `(service web) (task 1a2b3c4d) (port 8080) is unhealthy in (target-group ${TG}) due to (reason Request timed out).`,
    'unhealthy',
  ],
  [
    '(service web) has stopped 1 running tasks: (task 1a2b3c4d). Amazon ECS replaced 1 tasks due to an unhealthy status.',
    'unhealthy',
  ],
  [
    '(service web) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    'unhealthy',
  ],
  ['(service web) operations are being throttled. Will try again later.', 'other'],
  ['Message: Successfully set desired count to 4. Change successfully fulfilled by ecs.', 'other'],
];

describe('classifyServiceEvent', () => {
  it.each(CASES)('%s → %s', (message, kind) => {
    expect(classifyServiceEvent(message)).toBe(kind);
  });
});

describe('isPortPlacementFailure', () => {
  it('recognises only the port shortfall among placement failures', () => {
    expect(isPortPlacementFailure(PORT_FAILURE)).toBe(true);
    expect(
      isPortPlacementFailure(
        '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 5a8d) has insufficient CPU units available.',
      ),
    ).toBe(false);
  });
});

describe('containerInstanceIdIn', () => {
  it('takes the id from an id or an ARN and nothing from other messages', () => {
    expect(containerInstanceIdIn(PORT_FAILURE)).toBe('5a8d3b0a5d2c4e1c9f6b7a8e9d0c1b2a');
    expect(
      containerInstanceIdIn(
        '… closest matching (container-instance arn:aws:ecs:us-east-1:1:container-instance/prod/abc123) is …',
      ),
    ).toBe('abc123');
    expect(containerInstanceIdIn('(service web) has reached a steady state.')).toBeUndefined();
  });
});
