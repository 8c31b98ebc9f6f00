import type { LiveEvent } from '@deckhand/shared';
import { buildService, buildServiceDetail } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import {
  answerConfirmsScale,
  deployPreview,
  eventConfirmsScale,
  rolloutBounds,
  scalePreview,
} from './action-preview';

const where = { region: 'us-east-1', cluster: 'prod' };
const config = { minimumHealthyPercent: 50, maximumPercent: 200 };

describe('scalePreview', () => {
  it('says how many tasks start or stop, and the rollout bounds at the new count', () => {
    expect(scalePreview(3, 5, config)).toBe(
      'From 3 to 5 tasks: 2 tasks will start. Deployments at 5 tasks keep at least 3 running (minimum healthy 50%) and run at most 10 (maximum 200%).',
    );
    expect(scalePreview(5, 4, undefined)).toBe(
      'From 5 to 4 tasks: 1 task will stop. Deployments at 4 tasks keep at least 4 running (minimum healthy 100%) and run at most 8 (maximum 200%).',
    );
    expect(scalePreview(2, 0, config)).toBe(
      'From 2 to 0 tasks: 2 tasks will stop (every task of the service).',
    );
    expect(scalePreview(2, 2, config)).toBe('Already at 2 tasks: nothing will change.');
  });

  it('rounds the lower bound up and the upper bound down, as ECS does', () => {
    expect(rolloutBounds(3, { minimumHealthyPercent: 50, maximumPercent: 150 })).toMatchObject({
      keep: 2,
      most: 4,
    });
  });
});

describe('deployPreview', () => {
  const base = { current: 'web:7', desiredCount: 4, config };
  it('names the revision replaced and the extra tasks the rollout may run', () => {
    expect(deployPreview({ ...base, next: 'web:8', force: false })).toBe(
      'New deployment of web:8 replacing web:7; up to 4 extra tasks during rollout (maximum 200%), at least 2 kept running.',
    );
    expect(deployPreview({ ...base, next: undefined, force: true })).toBe(
      'All 4 tasks will be replaced with fresh ones of web:7; up to 4 extra tasks during rollout (maximum 200%), at least 2 kept running.',
    );
  });
});

describe('pending scale confirmation', () => {
  const pending = { desiredCount: 5, since: Date.parse('2026-11-26T10:00:00.000Z') };
  it('is confirmed by a service.updated or PRIMARY deployment.updated at the asked count', () => {
    const updated = (desiredCount: number, name = 'web'): LiveEvent => ({
      type: 'service.updated',
      ...where,
      service: buildService({ name, desiredCount }),
    });
    expect(eventConfirmsScale(pending, 'web', updated(5))).toBe(true);
    expect(eventConfirmsScale(pending, 'web', updated(3))).toBe(false);
    expect(eventConfirmsScale(pending, 'web', updated(5, 'api'))).toBe(false);
    const deployment = buildService().deployments[0];
    expect(deployment).toBeDefined();
    if (!deployment) return;
    const rollout: LiveEvent = {
      type: 'deployment.updated',
      ...where,
      service: 'web',
      deployment: { ...deployment, status: 'PRIMARY', desiredCount: 5 },
    };
    expect(eventConfirmsScale(pending, 'web', rollout)).toBe(true);
  });

  it('is confirmed by a read newer than the scale, not by the mutation’s own answer', () => {
    const answer = (asOf: string) => ({
      service: buildServiceDetail({ desiredCount: 5 }),
      stale: false,
      asOf,
    });
    expect(answerConfirmsScale(pending, answer('2026-11-26T09:59:59.000Z'))).toBe(false);
    expect(answerConfirmsScale(pending, answer('2026-11-26T10:00:01.000Z'))).toBe(true);
  });
});
