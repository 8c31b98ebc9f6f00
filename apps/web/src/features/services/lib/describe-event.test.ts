import type { LiveEvent } from '@deckhand/shared';
import { buildTask } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { describeLiveEvent, matchesFilter, revisionOf, shortId } from './describe-event';

const where = { region: 'us-east-1', cluster: 'prod' };

describe('describeLiveEvent', () => {
  it('shows a stopped task with its diagnosis and exit codes, red when it failed', () => {
    const event: LiveEvent = {
      type: 'task.stopped',
      ...where,
      service: 'web',
      task: buildTask({
        id: '0f1e2d3c4b5a49687766554433221100',
        lastStatus: 'STOPPED',
        containers: [
          { name: 'app', image: 'web:1', exitCode: 137, portMappings: [] },
          { name: 'xray', image: 'xray:3', exitCode: 0, portMappings: [] },
          { name: 'init', image: 'init:1', portMappings: [] },
        ],
      }),
      diagnosis: { kind: 'out-of-memory', summary: 'Container app was killed (exit 137).' },
    };
    const description = describeLiveEvent(event);
    expect(description).toMatchObject({
      tone: 'red',
      service: 'web',
      title: 'Task 0f1e2d3c (web:1) stopped',
      detail: 'Container app was killed (exit 137).',
      extra: ['app exited 137', 'xray exited 0'],
    });
    const scaledIn = describeLiveEvent({
      ...event,
      diagnosis: { kind: 'scheduler', summary: 'Stopped by the service scheduler.' },
    });
    expect(scaledIn.tone).toBe('amber');
  });

  it('colours service events by their kind', () => {
    const event = (kind: 'steady-state' | 'placement-failure'): LiveEvent => ({
      type: 'service.event',
      ...where,
      service: 'web',
      event: { id: 'e', createdAt: '2026-11-26T09:00:00.000Z', message: 'm', kind },
    });
    expect(describeLiveEvent(event('steady-state')).tone).toBe('green');
    expect(describeLiveEvent(event('placement-failure')).tone).toBe('red');
  });
});

describe('matchesFilter', () => {
  const description = {
    label: 'task stopped',
    tone: 'red' as const,
    service: 'checkout',
    title: 'Task 1 stopped',
    detail: 'Out of memory',
    extra: ['app exited 137'],
  };

  it('matches any shown text regardless of case, and everything when empty', () => {
    expect(matchesFilter(description, 'CHECK')).toBe(true);
    expect(matchesFilter(description, '137')).toBe(true);
    expect(matchesFilter(description, '  ')).toBe(true);
    expect(matchesFilter(description, 'payments')).toBe(false);
  });
});

describe('names', () => {
  it('takes the revision of a task definition and the short id of a task', () => {
    expect(revisionOf('web:12')).toBe('12');
    expect(revisionOf('web')).toBe('web');
    expect(shortId('0f1e2d3c4b5a49687766554433221100')).toBe('0f1e2d3c');
    expect(shortId('i-12')).toBe('i-12');
  });
});
