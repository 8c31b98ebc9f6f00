import { createSimulator, type Simulator, type SimulatorOptions } from '@deckhand/aws-sim';
import { createAwsLayer, type AwsLayer, type AwsLayerOptions } from '../aws/aws-layer.js';

export interface SimulatedAws {
  simulator: Simulator;
  aws: AwsLayer;
  stop(): Promise<void>;
}

/**
 * A simulator on a free port and the BFF's real AWS layer pointed at it: the integration
 * tests' AWS. By default no cache (every read goes to the simulator) and a full call budget.
 */
export async function startSimulatedAws(
  simulatorOptions: SimulatorOptions = {},
  layerOptions: Partial<AwsLayerOptions> = {},
): Promise<SimulatedAws> {
  const simulator = createSimulator({ port: 0, scenario: 'demo', ...simulatorOptions });
  await simulator.start();
  const aws = createAwsLayer({
    endpoint: simulator.endpoint,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    budgetShare: 1,
    ttlMs: 0,
    ...layerOptions,
  });
  return {
    simulator,
    aws,
    async stop() {
      aws.destroy();
      await simulator.stop();
    },
  };
}
