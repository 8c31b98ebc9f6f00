// Helpers for the root commands. Only Node built-ins: these run before anything is installed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** The pinned pnpm, from `packageManager` (corepack is not used: its signature check fails here). */
export const pnpmSpec = rootPackage.packageManager;

/** Environment for every child: no telemetry, no update checks, no turbo daemon left behind. */
export const quietEnv = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
};

export function log(message) {
  process.stdout.write(`\x1b[36m[deckhand]\x1b[0m ${message}\n`);
}

/** Runs a command with inherited stdio; resolves to its exit code (signals count as failure). */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: quietEnv, ...options });
    child.on('error', (error) => {
      process.stderr.write(`${command}: ${error.message}\n`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** Runs the pinned pnpm through npx (fetched into npm's cache on first use). */
export function pnpm(args, options) {
  return run('npx', ['--yes', pnpmSpec, ...args], options);
}

function workspaceManifests() {
  const files = [
    join(root, 'package.json'),
    join(root, 'pnpm-workspace.yaml'),
    join(root, 'pnpm-lock.yaml'),
  ];
  for (const group of ['apps', 'packages']) {
    for (const name of readdirSync(join(root, group)))
      files.push(join(root, group, name, 'package.json'));
  }
  files.push(join(root, 'e2e', 'package.json'));
  return files.filter((file) => existsSync(file));
}

function installFingerprint() {
  const hash = createHash('sha256');
  for (const file of workspaceManifests()) hash.update(file).update(readFileSync(file));
  hash.update(process.version);
  return hash.digest('hex');
}

const stampFile = join(root, 'node_modules', '.deckhand-install');

/** Installs with the frozen lockfile unless nothing that affects the install changed since the last one. */
export async function ensureInstalled() {
  const fingerprint = installFingerprint();
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === fingerprint) return 0;
  // Imported here: system-deps.mjs itself imports this module.
  const { ensureNativeBuildTools } = await import('./system-deps.mjs');
  await ensureNativeBuildTools();
  log(`installing dependencies with ${pnpmSpec} (frozen lockfile)`);
  const code = await pnpm(['install', '--frozen-lockfile', '--prefer-offline']);
  if (code === 0) writeFileSync(stampFile, fingerprint);
  return code;
}

/** Builds every workspace through turbo; unchanged packages are restored from turbo's cache. */
export function build() {
  log('building (turbo; unchanged packages come from the cache)');
  return pnpm(['exec', 'turbo', 'run', 'build', '--output-logs=errors-only']);
}

export function exitOnFailure(code, what) {
  if (code !== 0) {
    process.stderr.write(`[deckhand] ${what} failed (exit ${code})\n`);
    process.exit(code);
  }
}

/**
 * Runs a long-lived Node program as a child and ties their lives together. Signals are passed
 * on; if our own parent goes away (npm forwards SIGTERM only to its `sh -c`, which dies without
 * passing it on) the child is stopped too; and the child gets an IPC channel so it stops when we
 * die, however we die. No orphan keeps the ports.
 */
export function supervise(script, { env = quietEnv } = {}) {
  const child = spawn(process.execPath, [script], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env,
  });
  const stop = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGTERM');
  }, 500).unref();
  child.on('exit', (code, signal) =>
    process.exit(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)),
  );
  return child;
}
