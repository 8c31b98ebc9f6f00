import { describe, expect, it } from 'vitest';
import type { ServiceRecord } from './model.js';
import { Random } from './random.js';
import { addServiceEvent, REPEAT_SUPPRESSION_MS, serviceMessages } from './service-events.js';

const tg = 'arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web/6d0ecf831eec9f09';

describe('service event wording (REFERENCE.md §4)', () => {
  it('matches what ECS writes, word for word', () => {
    expect(serviceMessages.steadyState('web')).toBe('(service web) has reached a steady state.');
    expect(serviceMessages.started('web', ['1a2b', '3c4d'])).toBe(
      '(service web) has started 2 tasks: (task 1a2b) (task 3c4d).',
    );
    expect(serviceMessages.stopped('web', ['1a2b'])).toBe(
      '(service web) has stopped 1 running tasks: (task 1a2b).',
    );
    expect(serviceMessages.registeredTargets('web', 1, tg)).toBe(
      `(service web) registered 1 targets in (target-group ${tg})`,
    );
    expect(serviceMessages.beganDraining('web', 1)).toBe(
      '(service web) has begun draining connections on 1 tasks.',
    );
    expect(serviceMessages.deregisteredTargets('web', 1, tg)).toBe(
      `(service web) deregistered 1 targets in (target-group ${tg})`,
    );
    expect(serviceMessages.unableToPlace('web', { instanceId: '5a8d', shortfall: 'PORTS' })).toBe(
      '(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance 5a8d) is already using a port required by your task.',
    );
    expect(
      serviceMessages.unableToPlace('web', { instanceId: '5a8d', shortfall: 'MEMORY' }),
    ).toMatch(/\(container-instance 5a8d\) has insufficient memory available\.$/);
    expect(serviceMessages.deploymentCompleted('web', 'ecs-svc/123')).toBe(
      '(service web) (deployment ecs-svc/123) deployment completed.',
    );
    expect(serviceMessages.failedHealthChecks('web', '1a2b')).toBe(
      '(service web) (task 1a2b) failed container health checks.',
    );
  });
});

describe('the event log', () => {
  const service = () => ({ events: [] }) as unknown as ServiceRecord;

  it('keeps the 100 latest, newest first', () => {
    const s = service();
    const random = new Random(1);
    for (let i = 0; i < 130; i += 1) addServiceEvent(s, `message ${i}`, i * 1000, random);
    expect(s.events).toHaveLength(100);
    expect(s.events[0]?.message).toBe('message 129');
    expect(s.events.at(-1)?.message).toBe('message 30');
    expect(new Set(s.events.map((e) => e.id)).size).toBe(100);
  });

  it('does not repeat the latest message within six hours', () => {
    const s = service();
    const random = new Random(1);
    const steady = serviceMessages.steadyState('web');
    expect(addServiceEvent(s, steady, 0, random)).toBe(true);
    expect(addServiceEvent(s, steady, REPEAT_SUPPRESSION_MS - 1, random)).toBe(false);
    expect(addServiceEvent(s, steady, REPEAT_SUPPRESSION_MS, random)).toBe(true);
    // After something else happened, the same message is news again.
    addServiceEvent(s, serviceMessages.started('web', ['1a2b']), REPEAT_SUPPRESSION_MS + 1, random);
    expect(addServiceEvent(s, steady, REPEAT_SUPPRESSION_MS + 2, random)).toBe(true);
    expect(s.events.map((e) => e.message)).toEqual([
      steady,
      '(service web) has started 1 tasks: (task 1a2b).',
      steady,
      steady,
    ]);
  });
});
