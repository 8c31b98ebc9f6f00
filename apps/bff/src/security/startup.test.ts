import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';

// The promise: a console bound to anything but loopback without DECKHAND_AUTH_TOKEN does not start.

const TOKEN = 'a-long-enough-access-token';
const NOT_LOOPBACK = [
  '0.0.0.0',
  '::',
  '[::]',
  '0:0:0:0:0:0:0:0',
  '192.168.1.20',
  '10.0.0.5',
  '172.16.4.2',
  '169.254.10.1',
  'fe80::1',
  '2001:db8::1',
  // Loopback in disguise is refused too (the safe direction), as are names other than localhost.
  '::ffff:127.0.0.1',
  'deckhand.example.com',
  'localhost.example.com',
  '127.0.0.1.nip.io',
];
const LOOPBACK = ['127.0.0.1', '127.0.0.53', '::1', '[::1]', 'localhost'];

describe('the config loader', () => {
  it.each(NOT_LOOPBACK)('refuses HOST=%s without a token, naming the fix', (host) => {
    let thrown: unknown;
    try {
      loadConfig({ HOST: host });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as Error).message).toContain(`HOST=${host} is not a loopback address`);
    expect((thrown as Error).message).toContain('DECKHAND_AUTH_TOKEN');
  });

  it.each(NOT_LOOPBACK)('starts on HOST=%s with a token', (host) => {
    expect(loadConfig({ HOST: host, DECKHAND_AUTH_TOKEN: TOKEN })).toMatchObject({
      host,
      authToken: TOKEN,
    });
  });

  it.each(LOOPBACK)('starts on HOST=%s without a token', (host) => {
    expect(loadConfig({ HOST: host })).toMatchObject({ host, authToken: undefined });
  });

  it('defaults to loopback', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });

  it('takes an empty token for none, and refuses a short one', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0', DECKHAND_AUTH_TOKEN: '' })).toThrow(
      /DECKHAND_AUTH_TOKEN/,
    );
    expect(() => loadConfig({ HOST: '0.0.0.0', DECKHAND_AUTH_TOKEN: 'short' })).toThrow(
      /DECKHAND_AUTH_TOKEN: must be at least 16 characters/,
    );
  });
});

// The server itself, bundled as `pnpm build` does, must exit before listening.
describe('the server', () => {
  const bff = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  // Inside the package, so that its third-party imports resolve from its node_modules.
  const outdir = mkdtempSync(join(bff, 'node_modules', '.startup-test-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'deckhand-startup-'));

  beforeAll(async () => {
    await build({
      entryPoints: [join(bff, 'src/server.ts')],
      outfile: join(outdir, 'server.mjs'),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      logLevel: 'silent',
      plugins: [
        {
          name: 'external-third-party',
          setup(b) {
            b.onResolve({ filter: /^[^./]/ }, (args) =>
              args.path.startsWith('@deckhand/') ? undefined : { path: args.path, external: true },
            );
          },
        },
      ],
    });
  }, 60_000);

  afterAll(() => {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  function start(env: Record<string, string>) {
    // No DECKHAND_* of the test's own environment leaks in.
    const base = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !key.startsWith('DECKHAND_') && key !== 'HOST' && key !== 'PORT',
      ),
    );
    const child = spawn(process.execPath, [join(outdir, 'server.mjs')], {
      env: { ...base, PORT: '0', DECKHAND_DATA_DIR: dataDir, DECKHAND_SIM_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.on('exit', (code) => {
        clearTimeout(timer);
        done({ code, stdout, stderr });
      });
    });
  }

  it('exits 2 on HOST=0.0.0.0 without DECKHAND_AUTH_TOKEN, before listening', async () => {
    const result = await start({ HOST: '0.0.0.0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('HOST=0.0.0.0 is not a loopback address');
    expect(result.stderr).toContain('DECKHAND_AUTH_TOKEN');
    expect(result.stdout).not.toContain('Deckhand is running');
  }, 30_000);

  it('exits 2 naming DECKHAND_RATE_LIMIT when it is not <rate>/<burst>', async () => {
    const result = await start({ DECKHAND_RATE_LIMIT: 'lots' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DECKHAND_RATE_LIMIT');
  }, 30_000);
});
