import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiUrl, ApiError, getJson, sendJson } from './api-client';

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

describe('sendJson', () => {
  const Schema = z.object({ ok: z.boolean() });

  it('sends the CSRF header, the JSON body and the idempotency key', async () => {
    respond(200, { ok: true });
    await sendJson('POST', '/x', { a: 1 }, Schema, {
      query: { region: 'eu-west-1' },
      idempotencyKey: 'key-1',
    });
    const [url, init] = vi.mocked(fetch).mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/x?region=eu-west-1');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"a":1}');
    expect(init?.headers).toMatchObject({
      'x-deckhand-request': '1',
      'content-type': 'application/json',
      'idempotency-key': 'key-1',
    });
  });

  it('sends no idempotency key unless given one', async () => {
    respond(200, { ok: true });
    await sendJson('POST', '/x', {}, Schema);
    const init = vi.mocked(fetch).mock.calls[0]?.[1];
    expect(init?.headers).not.toHaveProperty('idempotency-key');
  });
});
