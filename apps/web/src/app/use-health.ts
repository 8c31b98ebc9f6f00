import type { HealthResponse } from '@deckhand/shared';
import { useQuery } from '@tanstack/react-query';
import { healthQueryOptions } from '../features/system/api/health-queries';

/**
 * What the server says about itself (read-only, mode, home region): route elements hand it to
 * pages as props, since features never import each other.
 */
export function useHealth(): HealthResponse | undefined {
  return useQuery(healthQueryOptions()).data;
}
