import type { LiveEvent } from '@deckhand/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { apiUrl } from '../../../lib/api-client';
import type { StreamStatus } from '../../../lib/event-stream';
import { useEventStreams } from '../../../lib/event-streams-context';
import { applyLiveEvent, invalidateCluster } from './live-cache';

export interface LiveState {
  status: StreamStatus;
  /** When the stream stopped being live (what is shown is as of then); undefined while live. */
  staleSince: number | undefined;
}

/**
 * Follows one SSE stream of a cluster: each event goes into the query cache through the pure
 * reducers; a reset or a reconnect (events may have been missed) reloads the cluster's queries.
 */
export function useLiveStream(
  path: string,
  region: string | undefined,
  cluster: string,
  onEvent?: (event: LiveEvent, id: string | undefined) => void,
): LiveState {
  const streams = useEventStreams();
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>({ status: 'connecting', staleSince: undefined });
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  });

  useEffect(() => {
    const scope = { region, cluster };
    return streams.subscribe(apiUrl(path, { region }), {
      onEvent: (event, id) => {
        if (event.cluster !== cluster) return;
        applyLiveEvent(client, scope, event);
        onEventRef.current?.(event, id);
      },
      onReset: () => void invalidateCluster(client, scope),
      onReconnect: () => void invalidateCluster(client, scope),
      onStatus: (status) =>
        setState((previous) => ({
          status,
          staleSince:
            status === 'live'
              ? undefined
              : previous.status === 'live'
                ? Date.now()
                : previous.staleSince,
        })),
    });
  }, [streams, client, path, region, cluster]);

  return state;
}
