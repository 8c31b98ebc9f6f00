import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { QueryError } from '../components/ui/query-error';
import { sessionQueryOptions } from '../features/session/api/session-queries';
import { LoginPage } from '../features/session/components/login-page';

/** Renders the console once the session allows it, the sign-in form while it does not. */
export function AuthGate({ children }: { children: ReactNode }) {
  const session = useQuery(sessionQueryOptions());
  if (session.isPending) return null;
  if (session.isError) {
    return (
      <div className="mx-auto mt-16 max-w-lg">
        <QueryError title="Deckhand is not reachable" query={session} />
      </div>
    );
  }
  if (session.data.required && !session.data.authenticated) return <LoginPage />;
  return children;
}
