// `node scripts/pnpm.mjs <args>`: the pinned pnpm without a global install.
import { ensureInstalled, exitOnFailure, pnpm } from './lib.mjs';

const args = process.argv.slice(2);
if (args[0] !== 'install') exitOnFailure(await ensureInstalled(), 'install');
process.exit(await pnpm(args));
