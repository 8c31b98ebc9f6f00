import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiUrl, ApiError, getJson } from './api-client';

function respond(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        }),
      ),
    ),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiUrl', () => {
  it('prefixes the API version and leaves out empty parameters', () => {
    expect(apiUrl('/clusters', { region: 'eu-west-1', q: undefined, empty: '' })).toBe(
      '/api/v1/clusters?region=eu-west-1',
    );
    expect(apiUrl('/health')).toBe('/api/v1/health');
  });
});

describe('getJson', () => {
  const Schema = z.object({ value: z.number() });

  it('parses a valid answer with the schema', async () => {
    respond(200, { value: 3 });
    await expect(getJson('/x', Schema)).resolves.toEqual({ value: 3 });
  });

  it('turns the BFF error body into an ApiError with its code and request id', async () => {
    respond(404, {
      error: { code: 'not_found', message: 'Cluster not found.', requestId: 'req-1' },
    });
    const error = await getJson('/x', Schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'Cluster not found.',
      requestId: 'req-1',
    });
  });

  it('refuses an answer that breaks the contract', async () => {
    respond(200, { value: 'three' });
    await expect(getJson('/x', Schema)).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('reports an unreachable server as a network error', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(getJson('/x', Schema)).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
