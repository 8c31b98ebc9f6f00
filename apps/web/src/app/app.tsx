import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { sessionKeys } from '../features/session/api/session-queries';
import { createEventStreams } from '../lib/event-stream';
import { EventStreamsProvider } from '../lib/event-streams-context';
import { createQueryClient } from '../lib/query-client';
import { AuthGate } from './auth-gate';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  // A live stream refused with 401 means the session ended, as a 401 query does: re-ask it.
  const [streams] = useState(() =>
    createEventStreams({
      onUnauthorized: () => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <EventStreamsProvider streams={streams}>
        <AuthGate>
          <RouterProvider router={router} />
        </AuthGate>
      </EventStreamsProvider>
    </QueryClientProvider>
  );
}
