import type { LiveEvent } from '@deckhand/shared';
import { useCallback, useState } from 'react';
import { clusterPath, type ClusterScope } from './ecs-keys';
import { useLiveStream, type LiveState } from './use-live-stream';

/** How many events the cluster feed keeps on screen (REFERENCE.md §7: keep the DOM small). */
export const FEED_LIMIT = 200;

export interface FeedEntry {
  /** Unique on this page (SSE ids restart with the server, so they are not keys). */
  key: string;
  /** The SSE id the frame carried. */
  id: string | undefined;
  receivedAt: number;
  event: LiveEvent;
}

/** Adds an entry on top and keeps the newest `limit`. */
export function addToFeed(feed: FeedEntry[], entry: FeedEntry, limit = FEED_LIMIT): FeedEntry[] {
  return [entry, ...feed].slice(0, limit);
}

let localId = 0;

/**
 * Follows the cluster-wide SSE feed: keeps the cached services and task lists of the cluster
 * current, and returns the recent events for the feed view with the stream's status.
 */
export function useClusterEvents({ region, cluster }: ClusterScope): LiveState & {
  feed: FeedEntry[];
} {
  const [feed, setFeed] = useState<FeedEntry[]>([]);
  const onEvent = useCallback((event: LiveEvent, id: string | undefined) => {
    localId += 1;
    const entry = { key: `feed-${localId}`, id, receivedAt: Date.now(), event };
    setFeed((current) => addToFeed(current, entry));
  }, []);
  const state = useLiveStream(
    `${clusterPath({ region, cluster })}/events`,
    region,
    cluster,
    onEvent,
  );
  return { ...state, feed };
}
