import { describe, expect, it } from 'vitest';
import { buildService, buildTask } from '../testing/ecs.js';
import { LiveEvent, serviceOfLiveEvent, StreamReset } from './live-events.js';

describe('LiveEvent', () => {
  it('parses each event type and names the service it is about', () => {
    const service = buildService({ name: 'api' });
    const events: unknown[] = [
      {
        type: 'service.event',
        region: 'us-east-1',
        cluster: 'prod-ec2',
        service: 'web',
        event: {
          id: 'e1',
          createdAt: '2026-11-27T00:00:00.000Z',
          message: '(service web) has reached a steady state.',
          kind: 'steady-state',
        },
      },
      { type: 'service.updated', region: 'us-east-1', cluster: 'prod-ec2', service },
      {
        type: 'task.stopped',
        region: 'us-east-1',
        cluster: 'prod-ec2',
        service: 'web',
        task: buildTask(),
        diagnosis: { kind: 'user-stopped', summary: 'Stopped on request.' },
      },
      { type: 'task.started', region: 'us-east-1', cluster: 'prod-ec2', task: buildTask() },
    ];
    const parsed = events.map((event) => LiveEvent.parse(event));
    expect(parsed.map(serviceOfLiveEvent)).toEqual(['web', 'api', 'web', undefined]);
  });

  it('refuses unknown types and malformed payloads', () => {
    expect(LiveEvent.safeParse({ type: 'task.exploded', region: 'r', cluster: 'c' }).success).toBe(
      false,
    );
    expect(
      LiveEvent.safeParse({ type: 'service.event', region: 'r', cluster: 'c', service: 'web' })
        .success,
    ).toBe(false);
    expect(StreamReset.safeParse({ reason: 'gap-too-old', message: 'reload' }).success).toBe(true);
    expect(StreamReset.safeParse({ reason: 'bored', message: 'x' }).success).toBe(false);
  });
});
