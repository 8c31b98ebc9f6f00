import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient, type ECSClientConfig } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { XRayClient } from '@aws-sdk/client-xray';
import { abortError, loadSignal } from './abort-scope.js';
import type { CallBudget } from './call-budget.js';
import { isExpiredCredentials, timedOutAttempt } from './sdk-errors.js';

/** Static credentials, or a provider the SDK calls again when they expire (or are refused as expired). */
export type AwsCredentials = NonNullable<ECSClientConfig['credentials']>;

export interface AwsClientOptions {
  /** The simulator's endpoint in `simulator` mode; undefined lets the SDK resolve it (AWS_ENDPOINT_URL included). */
  endpoint?: string;
  /** How long one attempt may wait for AWS's answer (default 10 s). A timed-out attempt is not retried. */
  requestTimeoutMs?: number;
  /** How long opening a connection may take (default 3 s). */
  connectionTimeoutMs?: number;
  /** Sockets per origin per client (default 50, the SDK's): the most AWS calls in flight at once. */
  maxSockets?: number;
  /** Attempts per call, the first included (default 3, the SDK's standard mode). */
  maxAttempts?: number;
  /** Credentials for the simulator or a test; undefined uses the default provider chain. */
  credentials?: AwsCredentials;
  /** Deckhand's share of AWS's throttling buckets; every attempt (retries included) takes a token. */
  budget?: CallBudget;
}

/** The SDK's Node handler has no request timeout by default (REFERENCE.md §3). */
// `throwOnRequestTimeout`: without it, @smithy/node-http-handler 4.x only logs a warning when
// requestTimeout passes and keeps waiting, so a hung endpoint would hang the BFF.
export const CLIENT_DEFAULTS = {
  requestTimeoutMs: 10_000,
  connectionTimeoutMs: 3_000,
  maxSockets: 50,
  maxAttempts: 3,
} as const;

interface RequestHandlerConfig {
  requestTimeout: number;
  connectionTimeout: number;
  throwOnRequestTimeout: boolean;
  /** Options of the handler's own keep-alive agent; it is destroyed with the client. */
  httpAgent: { keepAlive: boolean; maxSockets: number };
  httpsAgent: { keepAlive: boolean; maxSockets: number };
}

type ServiceName = 'ecs' | 'ecr' | 'xray' | 'eks';

type SdkClient = ECSClient | ECRClient | XRayClient | EKSClient;
/** The configuration every client gets (a subset all four accept). */
interface SharedConfig {
  region: string;
  maxAttempts: number;
  requestHandler: RequestHandlerConfig;
  endpoint?: string;
  credentials?: AwsCredentials;
}
/** Every SDK v3 client has the same middleware stack at run time; typed through ECS's. */
type Stack = ECSClient['middlewareStack'];
/** The resolved, memoising credential provider every SigV4 client has. */
type ResolvedCredentials = (options?: {
  forceRefresh?: boolean;
}) => Promise<{ accessKeyId: string; sessionToken?: string }>;

/** One SDK client per (service, region), created on first use and kept for the process. */
export class AwsClients {
  private readonly clients = new Map<string, SdkClient>();

  constructor(private readonly options: AwsClientOptions) {}

  ecs(region: string): ECSClient {
    return this.get('ecs', region, (config) => new ECSClient(config));
  }

  ecr(region: string): ECRClient {
    return this.get('ecr', region, (config) => new ECRClient(config));
  }

  xray(region: string): XRayClient {
    return this.get('xray', region, (config) => new XRayClient(config));
  }

  eks(region: string): EKSClient {
    return this.get('eks', region, (config) => new EKSClient(config));
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private get<C extends SdkClient>(
    service: ServiceName,
    region: string,
    create: (config: SharedConfig) => C,
  ): C {
    const key = `${service}:${region}`;
    const existing = this.clients.get(key);
    if (existing) return existing as C;
    const agent = {
      keepAlive: true,
      maxSockets: this.options.maxSockets ?? CLIENT_DEFAULTS.maxSockets,
    };
    const client = create({
      region,
      maxAttempts: this.options.maxAttempts ?? CLIENT_DEFAULTS.maxAttempts,
      requestHandler: {
        requestTimeout: this.options.requestTimeoutMs ?? CLIENT_DEFAULTS.requestTimeoutMs,
        connectionTimeout: this.options.connectionTimeoutMs ?? CLIENT_DEFAULTS.connectionTimeoutMs,
        throwOnRequestTimeout: true,
        httpAgent: agent,
        httpsAgent: agent,
      },
      ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
      ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
    });
    const stack = client.middlewareStack as unknown as Stack;
    // Inside the retry loop (finalizeRequest, low priority): an attempt that timed out becomes an
    // error the SDK does not retry. Retrying a hung endpoint would triple the wait for the 504
    // and hold a socket per attempt; the read cache serves the last good answer meanwhile, and
    // the next read tries again.
    stack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          throw timedOutAttempt(error) ?? error;
        }
      },
      { step: 'finalizeRequest', priority: 'low', name: 'deckhandNoTimeoutRetry' },
    );
    // Around everything (initialize): credentials AWS refuses as expired are fetched again from
    // their provider (SSO, role, profile, a test's function), and the call is made once more when
    // new ones came. The SDK alone would keep signing with credentials that have no expiry date
    // until the process restarts.
    stack.add(
      (next) => async (args) => {
        const credentials = (client.config as { credentials: ResolvedCredentials }).credentials;
        const used = await credentials();
        try {
          return await next(args);
        } catch (error) {
          if (!isExpiredCredentials(error)) throw error;
          const fresh = await credentials({ forceRefresh: true }).catch(() => used);
          const renewed =
            fresh.accessKeyId !== used.accessKeyId || fresh.sessionToken !== used.sessionToken;
          if (!renewed) throw error;
          return next(args);
        }
      },
      { step: 'initialize', priority: 'low', name: 'deckhandRefreshExpiredCredentials' },
    );
    const budget = this.options.budget;
    if (budget) {
      // In finalizeRequest at low priority the middleware runs inside the retry loop: each
      // attempt spends a token, as each attempt spends one of AWS's.
      // The next page of a listing (a nextToken in the input) is first in its priority's line.
      stack.add(
        (next, context) => (args) => {
          const input = args.input as { nextToken?: unknown } | undefined;
          if (typeof input?.nextToken === 'string' && input.nextToken !== '')
            (context as { deckhandNextPage?: boolean }).deckhandNextPage = true;
          return next(args);
        },
        { step: 'initialize', priority: 'high', name: 'deckhandNextPage' },
      );
      stack.add(
        (next, context) => async (args) => {
          // An abandoned shared load stops here, before spending a token or an AWS call.
          if (loadSignal.getStore()?.aborted) throw abortError();
          await budget.acquire(
            region,
            service,
            context.commandName?.replace(/Command$/, '') ?? 'Unknown',
            { continuation: (context as { deckhandNextPage?: boolean }).deckhandNextPage === true },
          );
          // …and one abandoned while it waited for its token makes no call either.
          if (loadSignal.getStore()?.aborted) throw abortError();
          return next(args);
        },
        { step: 'finalizeRequest', priority: 'low', name: 'deckhandCallBudget' },
      );
    }
    this.clients.set(key, client);
    return client;
  }
}
