import type { LiveEvent } from '@deckhand/shared';
import { servicePath, type ServiceScope } from './ecs-keys';
import { useLiveStream, type LiveState } from './use-live-stream';

/**
 * Keeps one service's cached detail and task lists current from its SSE feed
 * (`GET …/services/:service/events`). Returns the stream's status for a live indicator;
 * `onEvent` sees each event after the cache has it.
 */
export function useServiceEvents(
  { region, cluster, service }: ServiceScope,
  onEvent?: (event: LiveEvent, id: string | undefined) => void,
): LiveState {
  return useLiveStream(
    `${servicePath({ region, cluster, service })}/events`,
    region,
    cluster,
    onEvent,
  );
}
