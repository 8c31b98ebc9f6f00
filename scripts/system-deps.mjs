// System packages the tests need. As root on Debian they come from apt (the only source that
// works here); elsewhere Playwright downloads its own Chromium.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { log, root, run } from './lib.mjs';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const AWS_CLI = '/usr/bin/aws';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
let aptUpdated = false;

async function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    const code = await run('apt-get', ['update', '-qq'], { env });
    if (code !== 0) return code;
    aptUpdated = true;
  }
  return run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}

export async function ensureChromium() {
  if (CHROMIUM.some((path) => existsSync(path))) return 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log("installing Debian's Chromium for the browser tests (apt-get)");
    return aptInstall(['chromium']);
  }
  log("installing Playwright's Chromium for the browser tests");
  return run(join(root, 'e2e', 'node_modules', '.bin', 'playwright'), ['install', 'chromium'], {
    cwd: join(root, 'e2e'),
  });
}

/**
 * The AWS CLI v2 for the outside check of the simulator (`cli-conformance.test.ts`). Debian 12's
 * `awscli` package is v2. Never fails the run: without the CLI that check skips itself.
 */
export async function ensureAwsCli() {
  if (existsSync(AWS_CLI)) return 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log("installing Debian's AWS CLI for the simulator's outside check (apt-get)");
    if ((await aptInstall(['awscli'])) === 0 && existsSync(AWS_CLI)) return 0;
  }
  log('no AWS CLI at /usr/bin/aws: the CLI check of the simulator will be skipped');
  return 0;
}

/**
 * better-sqlite3 (the history database) is a native module. Where its prebuilt binary cannot be
 * downloaded (GitHub unreachable, as here) it compiles on install, which needs make, a C++
 * compiler and Python. Installed with apt when missing; elsewhere the prebuilt binary is used.
 */
export async function ensureNativeBuildTools() {
  const onPath = (tool) =>
    (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, tool)));
  const missing = ['make', 'g++', 'python3'].filter((tool) => !onPath(tool));
  if (missing.length === 0) return 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    log(`installing ${missing.join(', ')} to build better-sqlite3 (apt-get)`);
    return aptInstall(['make', 'g++', 'python3']);
  }
  log(
    `${missing.join(', ')} not found: better-sqlite3 needs them if its prebuilt binary cannot be downloaded`,
  );
  return 0;
}
