// `npm run sim`: the simulator alone (AWS endpoint on DECKHAND_SIM_PORT, X-Ray daemon on UDP).
import { join } from 'node:path';
import { ensureInstalled, exitOnFailure, pnpm, root, supervise } from './lib.mjs';

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
supervise(join(root, 'packages/aws-sim/dist/cli.js'));
