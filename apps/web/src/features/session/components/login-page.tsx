import { useState, type FormEvent } from 'react';
import { useLogin } from '../api/session-queries';

/** Shown instead of the console while an access token is required and not yet given. */
export function LoginPage() {
  const [token, setToken] = useState('');
  const login = useLogin();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (token.trim()) login.mutate(token.trim());
  };

  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <form
        onSubmit={submit}
        className="w-full max-w-sm space-y-4 rounded-xl bg-white p-6 shadow-md ring-1 ring-slate-200"
      >
        <div className="flex items-center gap-2">
          <img src="/favicon.svg" alt="" className="h-7 w-7" />
          <h1 className="text-lg font-semibold">Sign in to Deckhand</h1>
        </div>
        <p className="text-sm text-slate-600">
          This console is protected by an access token (
          <code className="font-mono text-xs">DECKHAND_AUTH_TOKEN</code>).
        </p>
        <label className="block text-sm font-medium text-slate-700">
          Access token
          <input
            type="password"
            autoComplete="current-password"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm outline-none focus:border-sky-500 focus:ring-2 focus:ring-sky-200"
          />
        </label>
        {login.isError && (
          <p role="alert" className="text-sm text-red-700">
            {login.error.message}
          </p>
        )}
        <button
          type="submit"
          disabled={login.isPending || !token.trim()}
          className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-50"
        >
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
