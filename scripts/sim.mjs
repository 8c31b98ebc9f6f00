// `npm run sim`: the simulator alone (AWS endpoint on DECKHAND_SIM_PORT, X-Ray daemon on UDP).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureInstalled, exitOnFailure, pnpm, quietEnv, root } from './lib.mjs';

exitOnFailure(await ensureInstalled(), 'install');
exitOnFailure(
  await pnpm([
    'exec',
    'turbo',
    'run',
    'build',
    '--filter=@deckhand/aws-sim',
    '--output-logs=errors-only',
  ]),
  'build',
);
const sim = spawn(process.execPath, [join(root, 'packages/aws-sim/dist/cli.js')], {
  cwd: root,
  stdio: 'inherit',
  env: quietEnv,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => sim.kill(signal));
sim.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
