import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoginPage } from './login-page';

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderLogin(status: number, body: unknown) {
  const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
    Promise.resolve(
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
    ),
  );
  vi.stubGlobal('fetch', fetchMock);
  render(
    <QueryClientProvider client={new QueryClient()}>
      <LoginPage />
    </QueryClientProvider>,
  );
  return fetchMock;
}

describe('LoginPage', () => {
  it('posts the token with the CSRF header', async () => {
    const fetchMock = renderLogin(200, { required: true, authenticated: true });
    fireEvent.change(screen.getByLabelText('Access token'), {
      target: { value: ' s3cret-token ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/session');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"token":"s3cret-token"}');
    expect(new Headers(init?.headers).get('x-deckhand-request')).toBe('1');
  });

  it('says so when the token is wrong', async () => {
    renderLogin(401, {
      error: { code: 'unauthorized', message: 'That access token is not valid.', requestId: 'r' },
    });
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('That access token is not valid.');
  });

  it('cannot be submitted empty', () => {
    renderLogin(200, {});
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Sign in' }).disabled).toBe(true);
  });
});
