// `npm start`: install (pinned pnpm, frozen lockfile), build (cached), then run the console with the
// embedded simulator. Ctrl-C or SIGTERM stops the server, which closes the simulator with it.
import { join } from 'node:path';
import { build, ensureInstalled, exitOnFailure, root, supervise } from './lib.mjs';

exitOnFailure(await ensureInstalled(), 'install');
exitOnFailure(await build(), 'build');
supervise(join(root, 'apps/bff/dist/server.js'));
