// Bundles the BFF with the workspace packages it imports (they ship TypeScript sources);
// third-party packages stay external and load from node_modules at run time.
// `--watch` rebuilds on change and restarts the server (the dev loop behind `npm run dev`).
import { spawn } from 'node:child_process';
import { build, context } from 'esbuild';

const externalThirdParty = {
  name: 'external-third-party',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@deckhand/') ? undefined : { path: args.path, external: true },
    );
  },
};

let server;
const restartServer = {
  name: 'restart-server',
  setup(b) {
    b.onEnd((result) => {
      if (result.errors.length > 0) return;
      const start = () => {
        server = spawn(process.execPath, ['--enable-source-maps', 'dist/server.js'], {
          stdio: 'inherit',
        });
      };
      if (server && server.exitCode === null) {
        server.once('exit', start);
        server.kill('SIGTERM');
      } else start();
    });
  },
};

const watch = process.argv.includes('--watch');
const options = {
  entryPoints: ['src/server.ts'],
  outfile: 'dist/server.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
  plugins: watch ? [externalThirdParty, restartServer] : [externalThirdParty],
};

if (watch) {
  const ctx = await context(options);
  await ctx.watch();
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server?.kill(signal);
      void ctx.dispose().then(() => process.exit(0));
    });
  }
} else {
  await build(options);
}
