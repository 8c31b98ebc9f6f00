// The official X-Ray SDK for Node.js against the simulator's daemon: its segment emitter (UDP)
// and the service connector its sampling pollers use (TCP), code we did not write.
import { createRequire } from 'node:module';
import AWSXRay from 'aws-xray-sdk-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSimulator, type Simulator } from '../simulator.js';
import { formatEndpoint } from './address.js';

/** The part of the SDK's (untyped) ServiceConnector the rule and target pollers call. */
interface ServiceConnector {
  fetchSamplingRules(callback: (error: Error | null, rules?: SdkRule[]) => void): void;
  fetchTargets(
    rules: SdkRule[],
    callback: (
      error: Error | null,
      targets?: Record<string, { rate: number; quota: number; interval: number }>,
      freshness?: number,
    ) => void,
  ): void;
}
interface SdkRule {
  getName(): string;
  isDefault(): boolean;
}

const connector = createRequire(import.meta.url)(
  'aws-xray-sdk-core/dist/lib/middleware/sampling/service_connector',
) as ServiceConnector;

let simulator: Simulator;

beforeAll(async () => {
  simulator = createSimulator({ port: 0, scenario: 'empty' });
  await simulator.start();
  const daemon = simulator.xrayDaemon;
  if (!daemon) throw new Error('daemon not started');
  AWSXRay.setDaemonAddress(formatEndpoint(daemon.udp));
  AWSXRay.setLogger({
    error: () => undefined,
    warn: () => undefined,
    info: () => undefined,
    debug: () => undefined,
  });
});
afterAll(() => simulator.stop());

describe('the X-Ray SDK for Node.js and the daemon', () => {
  it('sends segments the daemon stores', async () => {
    const segment = new AWSXRay.Segment('sdk-check');
    segment.addAnnotation('source', 'aws-xray-sdk-core');
    const child = segment.addNewSubsegment('work');
    child.close();
    segment.close();
    const store = simulator.world.region('us-east-1').traces;
    await vi.waitFor(() => expect(store.get(segment.trace_id, Date.now())).toBeDefined(), {
      timeout: 5_000,
    });
    const stored = store.get(segment.trace_id, Date.now());
    const text = stored?.segments.get(segment.id)?.text ?? '';
    expect(JSON.parse(text)).toMatchObject({
      name: 'sdk-check',
      annotations: { source: 'aws-xray-sdk-core' },
      subsegments: [{ name: 'work' }],
    });
  });

  it('gets the Default sampling rule and its targets through the SDK’s connector', async () => {
    const rules = await new Promise<SdkRule[]>((resolve, reject) =>
      connector.fetchSamplingRules((error, fetched) =>
        error ? reject(error) : resolve(fetched ?? []),
      ),
    );
    expect(rules.map((rule) => [rule.getName(), rule.isDefault()])).toEqual([['Default', true]]);
    const targets = await new Promise<Record<string, { rate: number; quota: number }>>(
      (resolve, reject) =>
        connector.fetchTargets(rules, (error, fetched) =>
          error ? reject(error) : resolve(fetched ?? {}),
        ),
    );
    expect(targets.Default).toMatchObject({ rate: 0.05, quota: 1, interval: 10 });
  });
});
