// `npm run sim`: the simulator alone. Reads the same DECKHAND_SIM_* variables as the console.
import { DEFAULT_DAEMON_ADDRESS, formatEndpoint, parseDaemonAddress } from './daemon/address.js';
import { DaemonListenError } from './daemon/daemon.js';
import { isThrottlingMode } from './protocol/throttle.js';
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
const throttling = process.env.DECKHAND_SIM_THROTTLING ?? 'aws';
if (!isThrottlingMode(throttling)) fail('DECKHAND_SIM_THROTTLING must be aws or off');
const xrayDaemonAddress = process.env.DECKHAND_XRAY_DAEMON_ADDRESS ?? DEFAULT_DAEMON_ADDRESS;
try {
  parseDaemonAddress(xrayDaemonAddress);
} catch (error) {
  fail(`DECKHAND_XRAY_DAEMON_ADDRESS: ${(error as Error).message}`);
}
const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';

const simulator = createSimulator({
  port,
  scenario,
  speed,
  region,
  throttling,
  xrayDaemonAddress,
});
try {
  await simulator.start();
} catch (error) {
  if (error instanceof DaemonListenError)
    fail(`${error.message} (set DECKHAND_XRAY_DAEMON_ADDRESS)`);
  fail(`cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
}
process.stdout.write(
  `Deckhand AWS simulator (scenario ${scenario}, region ${region}, throttling ${throttling}) at ${simulator.endpoint}\n` +
    `  try: aws --endpoint-url ${simulator.endpoint} --region ${region} ecs list-clusters\n` +
    (simulator.xrayDaemon
      ? `  X-Ray daemon: UDP ${formatEndpoint(simulator.xrayDaemon.udp)}, TCP ${formatEndpoint(simulator.xrayDaemon.tcp)}\n`
      : ''),
);

const shutdown = () => {
  void simulator.stop().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
// Started by `npm run sim` with an IPC channel: when that supervisor dies, so do we.
if (process.send) process.on('disconnect', shutdown);
