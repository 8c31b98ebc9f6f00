import { buildTrace, type TraceSummary, type TracesResponse } from '@deckhand/shared';
import { checkoutTraceStrings, FIXTURE_TRACE_ID } from '@deckhand/shared/testing';

/** The shared checkout trace (web → orders-api → DynamoDB/PostgreSQL, a failing payments hop). */
export function checkoutTrace() {
  return buildTrace({ id: FIXTURE_TRACE_ID, documents: checkoutTraceStrings() });
}

export function buildTraceSummary(overrides: Partial<TraceSummary> = {}): TraceSummary {
  return {
    id: FIXTURE_TRACE_ID,
    startTime: '2023-11-14T22:13:20.000Z',
    duration: 500,
    responseTime: 500,
    http: { method: 'GET', url: 'https://shop.example.com/checkout', status: 500 },
    hasError: false,
    hasFault: true,
    hasThrottle: false,
    isPartial: false,
    services: ['web', 'orders-api'],
    annotations: { customer_tier: ['gold'] },
    ...overrides,
  };
}

export function tracesPage(overrides: Partial<TracesResponse> = {}): TracesResponse {
  return {
    traces: [buildTraceSummary()],
    scanned: 12,
    start: '2026-11-26T09:45:00.000Z',
    end: '2026-11-26T10:00:00.000Z',
    stale: false,
    asOf: '2026-11-26T10:00:00.000Z',
    ...overrides,
  };
}
