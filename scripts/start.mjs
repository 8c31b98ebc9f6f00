// `npm start`: install (pinned pnpm, frozen lockfile), build (cached), then run the console with the
// embedded simulator. Ctrl-C or SIGTERM stops the server, which closes the simulator with it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build, ensureInstalled, exitOnFailure, quietEnv, root } from './lib.mjs';

exitOnFailure(await ensureInstalled(), 'install');
exitOnFailure(await build(), 'build');

const server = spawn(process.execPath, [join(root, 'apps/bff/dist/server.js')], {
  cwd: root,
  stdio: 'inherit',
  env: quietEnv,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) =>
  process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)),
);
