import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * The whole stack in a real browser: the built BFF with its embedded simulator, on ports of its
 * own so a running `npm start` does not interfere. Debian's Chromium when present (Playwright
 * cannot download browsers here), else Playwright's own.
 */
const PORT = Number(process.env.E2E_PORT ?? 18_080);
/** The main console: the `demo` scenario in the embedded simulator, `baseURL` of every spec. */
export const MAIN_PORT = PORT;
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 14_566);
/** A second console, locked with an access token and read-only, for the sign-in tests. */
export const LOCKED_PORT = PORT + 1;
export const LOCKED_TOKEN = 'e2e-access-token-0123456789';
/** A third console on the `large` scenario (20,000 tasks in one cluster), for the scale specs. */
export const LARGE_PORT = PORT + 2;
/**
 * One folder per run, made by the runner and inherited by its workers through the environment
 * (this file is evaluated again in every worker): a fresh history database per console, so no run
 * sees another's events, and the AWS wire recorder's script and log. A new run also empties the
 * API capture (fixtures/test.ts), which workers then only append to.
 */
const RUN_DIR = (process.env.E2E_RUN_DIR ??= startRun());
function startRun(): string {
  rmSync(join(import.meta.dirname, '.artifacts', 'api-capture.jsonl'), { force: true });
  return mkdtempSync(join(tmpdir(), 'deckhand-e2e-'));
}

/**
 * Fake AWS credentials, distinct per console, in the shapes of real ones (AKIA/ASIA + 16, a
 * 40-character secret key, an `IQoJb3JpZ2lu…` session token), so that zz-secrets.spec.ts can look
 * for the exact values and the shapes in everything the consoles send. The simulator consoles
 * ignore them (server.ts signs with literal credentials of its own); the locked console runs in `aws`
 * mode, so the SDK's default chain signs every call with its set.
 */
function fakeCredentials(name: string, keyId: string) {
  const filler = 'E2EFakeNotARealAwsCredential0123456789/+';
  return {
    AWS_ACCESS_KEY_ID: keyId,
    AWS_SECRET_ACCESS_KEY: `e2e${name}Secret/${filler}`.slice(0, 40),
    AWS_SESSION_TOKEN: `IQoJb3JpZ2luX2VjE${name}${filler.repeat(8).replace(/[/+]/g, 'x')}//E2E==`,
  };
}
export const E2E_CREDENTIALS = {
  main: fakeCredentials('Main', 'AKIAE2EDECKHAND0MAIN'),
  locked: fakeCredentials('Locked', 'ASIAE2EDECKHAND0LOCK'),
  large: fakeCredentials('Large', 'AKIAE2EDECKHAND0LRGE'),
};
/** The AWS calls of the locked console, as its simulator received them (aws-wire.mjs). */
export const AWS_WIRE_LOG = join(RUN_DIR, 'aws-wire.jsonl');
const LOCKED_SIM_PORT = SIM_PORT + 1;
const RECORDER_PORT = SIM_PORT + 3;
const RECORDER = join(RUN_DIR, 'aws-wire.mjs');
// Forwards every call to the locked console's simulator and logs who signed it: the access key
// id of the SigV4 credential scope and the session token header.
writeFileSync(
  RECORDER,
  `import { appendFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
createServer((req, res) => {
  const keyId = /Credential=([^/\\s,]+)/.exec(req.headers.authorization ?? '')?.[1] ?? null;
  const entry = { call: req.headers['x-amz-target'] ?? req.method + ' ' + req.url, keyId,
    securityToken: req.headers['x-amz-security-token'] ?? null };
  appendFileSync(${JSON.stringify(AWS_WIRE_LOG)}, JSON.stringify(entry) + '\\n');
  const upstream = request({ host: '127.0.0.1', port: ${LOCKED_SIM_PORT}, method: req.method,
    path: req.url, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', () => res.writeHead(502).end());
  req.pipe(upstream);
}).listen(${RECORDER_PORT}, '127.0.0.1');
`,
);
mkdirSync(join(import.meta.dirname, '.artifacts'), { recursive: true });
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) =>
  existsSync(path),
);

export default defineConfig({
  testDir: './tests',
  outputDir: './.artifacts/results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1440, height: 900 },
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: 'node ../apps/bff/dist/server.js',
      url: `http://127.0.0.1:${PORT}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        DECKHAND_SIM_PORT: String(SIM_PORT),
        DECKHAND_XRAY_DAEMON_ADDRESS: `127.0.0.1:${SIM_PORT + 1000}`,
        DECKHAND_DATA_DIR: join(RUN_DIR, 'main'),
        // Live specs watch tasks start: poll every second, and run the fleet's clock twice as fast.
        DECKHAND_POLL_INTERVAL: '1',
        DECKHAND_SIM_SPEED: '2',
        DECKHAND_LOG_LEVEL: 'warn',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...E2E_CREDENTIALS.main,
      },
    },
    // The locked console is the one in `aws` mode: a simulator of its own, run alone as
    // `npm run sim` runs it, reached through the wire recorder via AWS_ENDPOINT_URL.
    {
      command: 'node ../packages/aws-sim/dist/cli.js',
      url: `http://127.0.0.1:${LOCKED_SIM_PORT}/_sim/stats`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        DECKHAND_SIM_PORT: String(LOCKED_SIM_PORT),
        DECKHAND_XRAY_DAEMON_ADDRESS: `127.0.0.1:${SIM_PORT + 1001}`,
        AWS_REGION: 'us-east-1',
      },
    },
    {
      command: `node ${RECORDER}`,
      url: `http://127.0.0.1:${RECORDER_PORT}/_sim/stats`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node ../apps/bff/dist/server.js',
      url: `http://127.0.0.1:${LOCKED_PORT}/api/v1/session`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(LOCKED_PORT),
        DECKHAND_MODE: 'aws',
        DECKHAND_DATA_DIR: join(RUN_DIR, 'locked'),
        DECKHAND_LOG_LEVEL: 'warn',
        DECKHAND_AUTH_TOKEN: LOCKED_TOKEN,
        DECKHAND_READ_ONLY: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        AWS_REGION: 'us-east-1',
        AWS_ENDPOINT_URL: `http://127.0.0.1:${RECORDER_PORT}`,
        // The standard chain must take these, not a profile or an instance role of the host.
        AWS_CONFIG_FILE: join(RUN_DIR, 'no-aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: join(RUN_DIR, 'no-aws-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        ...E2E_CREDENTIALS.locked,
      },
    },
    {
      command: 'node ../apps/bff/dist/server.js',
      url: `http://127.0.0.1:${LARGE_PORT}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        PORT: String(LARGE_PORT),
        DECKHAND_SIM_PORT: String(SIM_PORT + 2),
        DECKHAND_XRAY_DAEMON_ADDRESS: `127.0.0.1:${SIM_PORT + 1002}`,
        DECKHAND_DATA_DIR: join(RUN_DIR, 'large'),
        DECKHAND_SIM_SCENARIO: 'large',
        // Measuring the browser, not AWS's pace: no throttling, no background pollers.
        DECKHAND_SIM_THROTTLING: 'off',
        DECKHAND_BACKGROUND_POLL_INTERVAL: 'off',
        DECKHAND_LOG_LEVEL: 'warn',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        ...E2E_CREDENTIALS.large,
      },
    },
  ],
});
