import { CallBudget } from './call-budget.js';
import { AwsClients, type AwsClientOptions } from './clients.js';
import { EcrReads } from './ecr-reads.js';
import { EcsReads } from './ecs-reads.js';
import { EksReads } from './eks-reads.js';
import { isTransientAwsError } from './errors.js';
import { ReadCache } from './read-cache.js';
import { XrayReads } from './xray-reads.js';

/** Reads are shared for this long; a live view refreshes at most this often per resource. */
export const READ_TTL_MS = 5_000;

export interface AwsLayer {
  clients: AwsClients;
  budget: CallBudget;
  cache: ReadCache;
  ecs: EcsReads;
  ecr: EcrReads;
  eks: EksReads;
  xray: XrayReads;
  destroy(): void;
}

export interface AwsLayerOptions extends Omit<AwsClientOptions, 'budget'> {
  /**
   * DECKHAND_AWS_CALL_BUDGET; undefined when the endpoint does not throttle (the simulator with
   * DECKHAND_SIM_THROTTLING=off), where there is no shared bucket to stay below.
   */
  budgetShare: number | undefined;
  ttlMs?: number;
  /** The longest rest of a read after failures in a row (read-cache.ts; default 30 s). */
  failureBackoffMaxMs?: number;
  /** Past this age a value answered while it reloads is marked stale (read-cache.ts; 2 × TTL). */
  staleAfterMs?: number;
  /** The read cache's clock (tests move it to stand for minutes of an outage). */
  now?: () => number;
}

/** The BFF's AWS access: budgeted clients, a coalescing stale-while-revalidate/-error cache, and the readers on top. */
export function createAwsLayer(options: AwsLayerOptions): AwsLayer {
  const budget = new CallBudget(options.budgetShare);
  const clients = new AwsClients({ ...options, budget });
  const cache = new ReadCache({
    ttlMs: options.ttlMs ?? READ_TTL_MS,
    staleOnError: isTransientAwsError,
    ...(options.failureBackoffMaxMs === undefined
      ? {}
      : { failureBackoffMaxMs: options.failureBackoffMaxMs }),
    ...(options.staleAfterMs === undefined ? {} : { staleAfterMs: options.staleAfterMs }),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    clients,
    budget,
    cache,
    ecs: new EcsReads(clients, cache),
    ecr: new EcrReads(clients, cache),
    eks: new EksReads(clients, cache),
    xray: new XrayReads(clients, cache),
    destroy: () => clients.destroy(),
  };
}
