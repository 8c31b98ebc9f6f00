// `npm run sim`: the simulator alone. Reads the same DECKHAND_SIM_* variables as the console.
import { createSimulator, isScenario } from './simulator.js';

function fail(message: string): never {
  process.stderr.write(`deckhand-sim: ${message}\n`);
  process.exit(2);
}

const port = Number(process.env.DECKHAND_SIM_PORT ?? '4566');
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail('DECKHAND_SIM_PORT must be a port number (0-65535)');
const scenario = process.env.DECKHAND_SIM_SCENARIO ?? 'demo';
if (!isScenario(scenario)) fail('DECKHAND_SIM_SCENARIO must be demo, large or empty');
const speed = Number(process.env.DECKHAND_SIM_SPEED ?? '1');
if (!Number.isFinite(speed) || speed <= 0) fail('DECKHAND_SIM_SPEED must be a positive number');
const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';

const simulator = createSimulator({ port, scenario, speed, region });
try {
  await simulator.start();
} catch (error) {
  fail(`cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
}
process.stdout.write(
  `Deckhand AWS simulator (scenario ${scenario}, region ${region}) at ${simulator.endpoint}\n` +
    `  try: aws --endpoint-url ${simulator.endpoint} --region ${region} ecs list-clusters\n`,
);

const shutdown = () => {
  void simulator.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
