import { ECSClient } from '@aws-sdk/client-ecs';
import { createSimulator, type Simulator, type SimulatorOptions } from '../simulator.js';

/**
 * A started simulator on a free port and a real SDK client pointed at it. Throttling is off
 * unless asked for: tests of an operation's behaviour make more calls than AWS's buckets allow.
 */
export async function startSimulator(options: SimulatorOptions = {}) {
  const simulator: Simulator = createSimulator({
    port: 0,
    scenario: 'demo',
    throttling: 'off',
    ...options,
  });
  await simulator.start();
  const ecs = (region = 'us-east-1') =>
    new ECSClient({
      region,
      endpoint: simulator.endpoint,
      credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'not-checked' },
      maxAttempts: 1,
    });
  return { simulator, ecs };
}

/** Sends a raw awsJson request, for what the SDK would never send. */
export async function rawCall(
  endpoint: string,
  target: string,
  body: string,
  headers: Record<string, string> = {},
) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKIDSIMTEST/20261126/us-east-1/ecs/aws4_request, SignedHeaders=host;x-amz-date, Signature=' +
        '0'.repeat(64),
      ...headers,
    },
    body,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** Calls a `/_sim/` control route; `body` is sent as JSON. */
export async function controlCall(endpoint: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${endpoint}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
