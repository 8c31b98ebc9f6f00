import { SessionResponse } from '@deckhand/shared';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../lib/api-client';

export const sessionKeys = {
  all: ['system', 'session'] as const,
};

/** Whether this console needs an access token, and whether this browser has given it. */
export function sessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.all,
    queryFn: ({ signal }) => getJson('/session', SessionResponse, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Exchanges the access token for a session cookie, then refetches everything. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => sendJson('POST', '/session', { token }, SessionResponse),
    onSuccess: async (session) => {
      client.setQueryData(sessionKeys.all, session);
      await client.invalidateQueries({ predicate: (query) => query.queryKey[1] !== 'session' });
    },
  });
}

/** Signs out: the session cookie stops working at once. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson('DELETE', '/session', {}, SessionResponse),
    onSuccess: (session) => {
      client.setQueryData(sessionKeys.all, session);
      client.removeQueries({ predicate: (query) => query.queryKey[1] !== 'session' });
    },
  });
}
