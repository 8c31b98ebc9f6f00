import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { shouldRetry } from './query-client';

describe('shouldRetry', () => {
  it('never retries a client error, which would fail the same way', () => {
    for (const status of [400, 401, 403, 404, 422]) {
      expect(shouldRetry(0, new ApiError(status, 'x', 'x'))).toBe(false);
    }
  });

  it('retries throttling, server and network failures twice', () => {
    expect(shouldRetry(0, new ApiError(429, 'throttled', 'x'))).toBe(true);
    expect(shouldRetry(1, new ApiError(503, 'unavailable', 'x'))).toBe(true);
    expect(shouldRetry(2, new ApiError(503, 'unavailable', 'x'))).toBe(false);
    expect(shouldRetry(0, new ApiError(0, 'network', 'x'))).toBe(true);
  });
});
