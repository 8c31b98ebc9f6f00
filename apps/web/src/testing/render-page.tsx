import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import type { EventStreams } from '../lib/event-stream';
import { EventStreamsProvider } from '../lib/event-streams-context';

export const fresh = { stale: false, asOf: '2026-11-26T10:00:00.000Z' };

/** An answer of the fake BFF: a body (200) or a status with a body. */
export type FakeAnswer = unknown;

export function errorAnswer(status: number, code: string, message: string, requestId: string) {
  return { status, body: { error: { code, message, requestId } } };
}

function isStatusAnswer(answer: unknown): answer is { status: number; body: unknown } {
  return typeof answer === 'object' && answer !== null && 'status' in answer && 'body' in answer;
}

/** A JSON response of the fake BFF. */
export function json(body: unknown, status = 200): Promise<Response> {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );
}

/** Stands `impl` in for `fetch` (undo with `vi.unstubAllGlobals()`); the mock records the calls. */
export function stubFetch<F extends (url: string, init?: RequestInit) => Promise<Response>>(
  impl: F,
) {
  const fetchMock = vi.fn(impl);
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/**
 * Renders `routes` at `url` inside a query client that does not retry (or `client`), and inside
 * `streams` (see `createFakeStreams`) for pages that listen to live events.
 */
export function renderRoutes(
  routes: { path: string; element: ReactElement }[],
  url: string,
  {
    client = new QueryClient({ defaultOptions: { queries: { retry: false } } }),
    streams,
  }: { client?: QueryClient; streams?: EventStreams } = {},
) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const page = <RouterProvider router={router} />;
  const view = render(
    <QueryClientProvider client={client}>
      {streams ? <EventStreamsProvider streams={streams}>{page}</EventStreamsProvider> : page}
    </QueryClientProvider>,
  );
  return { router, client, view };
}

/**
 * Renders `routes` at `url` over a fake BFF: `answer(url)` gives the body for each request URL
 * (`/api/v1/…?…`); return `{status, body}` for another status.
 */
export function renderPage(
  routes: { path: string; element: ReactElement }[],
  url: string,
  answer: (requestUrl: string) => FakeAnswer,
) {
  const fetchMock = stubFetch((input: string) => {
    const result = answer(input);
    const { status, body } = isStatusAnswer(result) ? result : { status: 200, body: result };
    return json(body, status);
  });
  return { fetchMock, ...renderRoutes(routes, url) };
}

/** The request URLs fetched so far. */
export function requestedUrls(fetchMock: { mock: { calls: unknown[][] } }): string[] {
  return fetchMock.mock.calls.map((call) => String(call[0]));
}
