import type { LiveEvent, ServiceDetailResponse } from '@deckhand/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { answerConfirmsScale, eventConfirmsScale, type PendingScale } from '../lib/action-preview';
import { ecsKeys, type ServiceScope } from './ecs-keys';

/** How often the service is re-read while a scale waits for the feed (an event may be missed). */
const RECHECK_MS = 15_000;

/**
 * A scale ECS accepted, pending until the live feed (a service.updated or deployment.updated
 * event) or a fresh read of the service shows the new desired count. Returns the pending scale,
 * a callback for the mutation's success, and one for the service's live events.
 */
export function usePendingScale(scope: ServiceScope, answer: ServiceDetailResponse | undefined) {
  const client = useQueryClient();
  const [pending, setPending] = useState<PendingScale | undefined>();
  const { region, cluster, service } = scope;
  const onEvent = useCallback(
    (event: LiveEvent) =>
      setPending((current) =>
        current && eventConfirmsScale(current, service, event) ? undefined : current,
      ),
    [service],
  );
  const onScaled = useCallback(
    (desiredCount: number) => setPending({ desiredCount, since: Date.now() }),
    [],
  );
  const shown = pending && !answerConfirmsScale(pending, answer) ? pending : undefined;
  const waiting = shown !== undefined;
  useEffect(() => {
    if (!waiting) return;
    const queryKey = ecsKeys.serviceDetail({ region, cluster, service });
    const timer = setInterval(() => void client.invalidateQueries({ queryKey }), RECHECK_MS);
    return () => clearInterval(timer);
  }, [client, waiting, region, cluster, service]);
  return { pending: shown, onScaled, onEvent };
}
