import { createHash } from 'node:crypto';
import { createSimulator, type Simulator } from '../simulator.js';
import { awsCli, awsJson, rawJson, type CliResult, type Json } from './aws-cli.js';

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

/** A started simulator plus shorthands for `aws ecr …` and raw ECR calls against it. */
export async function startEcr(scenario: 'demo' | 'empty' = 'empty') {
  const simulator: Simulator = createSimulator({ port: 0, scenario, throttling: 'off' });
  await simulator.start();
  const ecr = (...args: string[]): Promise<Json> => awsJson(simulator.endpoint, ['ecr', ...args]);
  const ecrResult = (...args: string[]): Promise<CliResult> =>
    awsCli(simulator.endpoint, ['ecr', ...args]);
  const raw = (operation: string, body: unknown) =>
    rawJson(simulator.endpoint, `AmazonEC2ContainerRegistry_V20150921.${operation}`, body, 'ecr');
  return { simulator, ecr, ecrResult, raw };
}
