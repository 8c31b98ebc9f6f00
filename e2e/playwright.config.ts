import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * The whole stack in a real browser: the built BFF with its embedded simulator, on ports of its
 * own so a running `npm start` does not interfere. Debian's Chromium when present (Playwright
 * cannot download browsers here), else Playwright's own.
 */
const PORT = Number(process.env.E2E_PORT ?? 18_080);
const SIM_PORT = Number(process.env.E2E_SIM_PORT ?? 14_566);
/** A second console, locked with an access token and read-only, for the sign-in tests. */
export const LOCKED_PORT = PORT + 1;
export const LOCKED_TOKEN = 'e2e-access-token-0123456789';
/** A third console on the `large` scenario (20,000 tasks in one cluster), for the scale specs. */
export const LARGE_PORT = PORT + 2;
/** A fresh history database per run: no run sees another's events. */
const DATA = mkdtempSync(join(tmpdir(), 'deckhand-e2e-'));
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
        DECKHAND_DATA_DIR: join(DATA, 'main'),
        // Live specs watch tasks start: poll every second, and run the fleet's clock twice as fast.
        DECKHAND_POLL_INTERVAL: '1',
        DECKHAND_SIM_SPEED: '2',
        DECKHAND_LOG_LEVEL: 'warn',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
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
        DECKHAND_SIM_PORT: String(SIM_PORT + 1),
        DECKHAND_XRAY_DAEMON_ADDRESS: `127.0.0.1:${SIM_PORT + 1001}`,
        DECKHAND_DATA_DIR: join(DATA, 'locked'),
        DECKHAND_LOG_LEVEL: 'warn',
        DECKHAND_AUTH_TOKEN: LOCKED_TOKEN,
        DECKHAND_READ_ONLY: 'true',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
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
        DECKHAND_DATA_DIR: join(DATA, 'large'),
        DECKHAND_SIM_SCENARIO: 'large',
        // Measuring the browser, not AWS's pace: no throttling, no background pollers.
        DECKHAND_SIM_THROTTLING: 'off',
        DECKHAND_BACKGROUND_POLL_INTERVAL: 'off',
        DECKHAND_LOG_LEVEL: 'warn',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    },
  ],
});
