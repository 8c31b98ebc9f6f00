import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';

export const fresh = { stale: false, asOf: '2026-11-26T10:00:00.000Z' };

/** An answer of the fake BFF: a body (200) or a status with a body. */
export type FakeAnswer = unknown;

export function errorAnswer(status: number, code: string, message: string, requestId: string) {
  return { status, body: { error: { code, message, requestId } } };
}

function isStatusAnswer(answer: unknown): answer is { status: number; body: unknown } {
  return typeof answer === 'object' && answer !== null && 'status' in answer && 'body' in answer;
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
  const fetchMock = vi.fn((input: string) => {
    const result = answer(input);
    const { status, body } = isStatusAnswer(result) ? result : { status: 200, body: result };
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const view = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { fetchMock, router, client, view };
}

/** The request URLs fetched so far. */
export function requestedUrls(fetchMock: { mock: { calls: unknown[][] } }): string[] {
  return fetchMock.mock.calls.map((call) => String(call[0]));
}
