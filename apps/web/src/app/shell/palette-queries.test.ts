import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTask } from '@deckhand/shared/testing';
import { ApiError } from '../../lib/api-client';
import { lookupTask } from './palette-queries';

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn((_url: string) =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('lookupTask', () => {
  it('answers the task id when the cluster has the task', async () => {
    const fetchMock = answer(200, {
      task: buildTask({ id: 'abc' }),
      diagnosis: { kind: 'other', summary: 'x' },
    });
    await expect(lookupTask('prod ec2', 'abc', { query: { region: 'eu-west-1' } })).resolves.toBe(
      'abc',
    );
    expect(fetchMock.mock.calls[0]?.[0]).toBe(
      '/api/v1/clusters/prod%20ec2/tasks/abc?region=eu-west-1',
    );
  });

  it('answers null when the cluster does not have it (404)', async () => {
    answer(404, { error: { code: 'not_found', message: 'No such task', requestId: 'r1' } });
    await expect(lookupTask('prod', 'abc', {})).resolves.toBeNull();
  });

  it('throws other failures', async () => {
    answer(503, { error: { code: 'unavailable', message: 'Throttled', requestId: 'r2' } });
    await expect(lookupTask('prod', 'abc', {})).rejects.toBeInstanceOf(ApiError);
  });
});
