import { createHash } from 'node:crypto';
import { ECRClient, ECRServiceException } from '@aws-sdk/client-ecr';
import { expect } from 'vitest';
import { createSimulator, type Simulator } from '../simulator.js';
import { rawJson } from './aws-cli.js';

const sha = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/**
 * A Docker v2 manifest unique to `seed`, with layers of `layerSizes` bytes: what `docker push`
 * sends as PutImage's imageManifest.
 */
export function testManifest(seed: string, layerSizes: number[] = [31_457_280, 5_242_880]): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: {
      mediaType: 'application/vnd.docker.container.image.v1+json',
      size: 7023,
      digest: sha(`config-${seed}`),
    },
    layers: layerSizes.map((size, index) => ({
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
      size,
      digest: sha(`layer-${seed}-${index}`),
    })),
  });
}

/** The digest ECR gives a manifest. */
export const digestOf = (manifest: string) => sha(manifest);

/**
 * A started simulator, a real ECR SDK client on it and raw ECR calls for what the SDK would never
 * send. Close with `stop()`.
 */
export async function startEcr(scenario: 'demo' | 'empty' = 'empty') {
  const simulator: Simulator = createSimulator({ port: 0, scenario, throttling: 'off' });
  await simulator.start();
  const clients: ECRClient[] = [];
  const ecr = (region = 'us-east-1') => {
    const client = new ECRClient({
      region,
      endpoint: simulator.endpoint,
      credentials: { accessKeyId: 'AKIDSIMTEST', secretAccessKey: 'not-checked' },
      maxAttempts: 1,
    });
    clients.push(client);
    return client;
  };
  const client = ecr();
  const raw = (operation: string, body: unknown) =>
    rawJson(simulator.endpoint, `AmazonEC2ContainerRegistry_V20150921.${operation}`, body, 'ecr');
  const stop = async () => {
    for (const each of clients) each.destroy();
    await simulator.stop();
  };
  return { simulator, client, ecr, raw, stop };
}

/** The ECR error a call fails with (and that it fails with one). */
export async function ecrError(promise: Promise<unknown>): Promise<ECRServiceException> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ECRServiceException);
  return error as ECRServiceException;
}

/** An SDK output without the SDK's own `$metadata`: what came over the wire. */
export function wire<T extends { $metadata?: unknown }>(output: T): Omit<T, '$metadata'> {
  const { $metadata: _metadata, ...answer } = output;
  return answer;
}
