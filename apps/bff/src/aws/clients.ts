import { ECSClient } from '@aws-sdk/client-ecs';

export interface AwsClientOptions {
  /** The simulator's endpoint in `simulator` mode; undefined lets the SDK resolve it (AWS_ENDPOINT_URL included). */
  endpoint?: string;
  /** Static credentials for the simulator; undefined uses the default provider chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The SDK's Node handler has no request timeout by default (REFERENCE.md §3). */
const REQUEST_HANDLER = { requestTimeout: 10_000, connectionTimeout: 3_000 };

/** One SDK client per (service, region), created on first use and kept for the process. */
export class AwsClients {
  private readonly ecsClients = new Map<string, ECSClient>();

  constructor(private readonly options: AwsClientOptions) {}

  ecs(region: string): ECSClient {
    let client = this.ecsClients.get(region);
    if (!client) {
      client = new ECSClient({
        region,
        maxAttempts: 3,
        requestHandler: REQUEST_HANDLER,
        ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
        ...(this.options.credentials ? { credentials: this.options.credentials } : {}),
      });
      this.ecsClients.set(region, client);
    }
    return client;
  }

  destroy(): void {
    for (const client of this.ecsClients.values()) client.destroy();
    this.ecsClients.clear();
  }
}
