import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EKSClient } from '@aws-sdk/client-eks';
import { XRayClient } from '@aws-sdk/client-xray';
import { abortError, loadSignal } from './abort-scope.js';
import type { CallBudget } from './call-budget.js';

export interface AwsClientOptions {
  /** The simulator's endpoint in `simulator` mode; undefined lets the SDK resolve it (AWS_ENDPOINT_URL included). */
  endpoint?: string;
  /** How long one attempt may wait for AWS's answer (default 10 s). */
  requestTimeoutMs?: number;
  /** Static credentials for the simulator; undefined uses the default provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Deckhand's share of AWS's throttling buckets; every attempt (retries included) takes a token. */
  budget?: CallBudget;
}

/** The SDK's Node handler has no request timeout by default (REFERENCE.md §3). */
// `throwOnRequestTimeout`: without it, @smithy/node-http-handler 4.x only logs a warning when
// requestTimeout passes and keeps waiting, so a hung endpoint would hang the BFF.
const REQUEST_HANDLER = {
  requestTimeout: 10_000,
  connectionTimeout: 3_000,
  throwOnRequestTimeout: true,
};

type ServiceName = 'ecs' | 'ecr' | 'xray' | 'eks';

type SdkClient = ECSClient | ECRClient | XRayClient | EKSClient;
/** The configuration every client gets (a subset all four accept). */
interface SharedConfig {
  region: string;
  maxAttempts: number;
  requestHandler: typeof REQUEST_HANDLER;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}
/** Every SDK v3 client has the same middleware stack at run time; typed through ECS's. */
type Stack = ECSClient['middlewareStack'];

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
    const client = create({
      region,
      maxAttempts: 3,
      requestHandler: {
        ...REQUEST_HANDLER,
        requestTimeout: this.options.requestTimeoutMs ?? REQUEST_HANDLER.requestTimeout,
      },
      ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
      ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
    });
    const budget = this.options.budget;
    if (budget) {
      // In finalizeRequest at low priority the middleware runs inside the retry loop: each
      // attempt spends a token, as each attempt spends one of AWS's.
      (client.middlewareStack as unknown as Stack).add(
        (next, context) => async (args) => {
          // An abandoned shared load stops here, before spending a token or an AWS call.
          if (loadSignal.getStore()?.aborted) throw abortError();
          await budget.acquire(
            region,
            service,
            context.commandName?.replace(/Command$/, '') ?? 'Unknown',
          );
          return next(args);
        },
        { step: 'finalizeRequest', priority: 'low', name: 'deckhandCallBudget' },
      );
    }
    this.clients.set(key, client);
    return client;
  }
}
