import { isIP } from 'node:net';
import { z } from 'zod';
import { DEFAULT_RATE_LIMIT, type RateLimit } from './http/rate-limit.js';

/**
 * The BFF's configuration: the only place that reads `process.env`. Every variable is parsed
 * with zod; an invalid value, or an unknown `DECKHAND_*` variable (a typo would otherwise be
 * ignored silently), stops the start with a message naming the variable.
 */

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .default('false')
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const region = z
  .string()
  .regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/, 'must be an AWS region such as us-east-1');

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port(8080),
  DECKHAND_MODE: z.enum(['simulator', 'aws']).default('simulator'),
  DECKHAND_REGIONS: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(region).optional()),
  DECKHAND_SIM_PORT: port(4566),
  DECKHAND_XRAY_DAEMON_ADDRESS: z
    .string()
    // AWS_XRAY_DAEMON_ADDRESS's forms: `host:port`, or `tcp:host:port udp:host:port` (either order).
    .regex(
      /^(?:[^\s:]+:\d{1,5}|(?:tcp|udp):[^\s:]+:\d{1,5} (?:tcp|udp):[^\s:]+:\d{1,5})$/,
      'must be host:port or "tcp:host:port udp:host:port"',
    )
    .default('127.0.0.1:2000'),
  DECKHAND_SIM_SCENARIO: z.enum(['demo', 'large', 'empty']).default('demo'),
  DECKHAND_SIM_SPEED: z.coerce.number().positive().max(10_000).default(1),
  DECKHAND_SIM_THROTTLING: z.enum(['aws', 'off']).default('aws'),
  DECKHAND_AWS_CALL_BUDGET: z.coerce.number().gt(0).max(1).default(0.5),
  DECKHAND_READ_ONLY: flag,
  DECKHAND_AUTH_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DECKHAND_DATA_DIR: z.string().min(1).default('./.deckhand'),
  DECKHAND_HISTORY_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
  // Seconds between polls of a watched cluster (halved, down to 1 s, while it deploys).
  DECKHAND_POLL_INTERVAL: z.coerce.number().min(0.2).max(300).default(5),
  // Seconds between polls of a cluster nobody watches, which keep the history whole; `off` stops them.
  DECKHAND_BACKGROUND_POLL_INTERVAL: z
    .union([z.literal('off'), z.coerce.number().min(1).max(86_400)])
    .default(30),
  // Per client: `<requests a second>/<burst>`, or `off`.
  DECKHAND_RATE_LIMIT: z
    .union([
      z.literal('off'),
      z
        .string()
        .regex(/^\d+(?:\.\d+)?\/\d+$/, 'must be "<rate>/<burst>" (e.g. 50/200) or "off"')
        .transform((value) => {
          const [rate = '', burst = ''] = value.split('/');
          return { rate: Number(rate), burst: Number(burst) };
        })
        .pipe(
          z.object({
            rate: z.number().gt(0, 'rate must be above 0').max(1_000_000),
            burst: z.number().int().min(1, 'burst must be at least 1').max(10_000_000),
          }),
        ),
    ])
    .default(() => ({ ...DEFAULT_RATE_LIMIT })),
  DECKHAND_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  AWS_REGION: region.optional(),
  AWS_DEFAULT_REGION: region.optional(),
  AWS_ENDPOINT_URL: z.url().optional(),
});

const KNOWN = new Set(Object.keys(EnvSchema.shape));

export interface Config {
  host: string;
  port: number;
  mode: 'simulator' | 'aws';
  /** The home region; in `aws` mode without AWS_REGION it is resolved from the profile at start. */
  region: string | undefined;
  regions: string[];
  sim: {
    port: number;
    xrayDaemonAddress: string;
    scenario: 'demo' | 'large' | 'empty';
    speed: number;
    throttling: 'aws' | 'off';
  };
  awsCallBudget: number;
  /** Requests a second and burst per client (http/rate-limit.ts); undefined when off. */
  rateLimit: RateLimit | undefined;
  readOnly: boolean;
  authToken: string | undefined;
  dataDir: string;
  /** Days of service events, stopped tasks and deployments kept in the history. */
  historyRetentionDays: number;
  poll: {
    /** Milliseconds between polls of a cluster someone watches. */
    watchedMs: number;
    /** Milliseconds between background polls; undefined when they are off. */
    backgroundMs: number | undefined;
  };
  logLevel: string;
  /** `AWS_ENDPOINT_URL`, which the SDK honours by itself; kept to show it in logs. */
  awsEndpointUrl: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1';
  return false;
}

/** Parses the environment; throws ConfigError naming every variable that is wrong. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const unknown = Object.keys(env).filter((key) => key.startsWith('DECKHAND_') && !KNOWN.has(key));
  if (unknown.length > 0) {
    throw new ConfigError(
      `Unknown configuration variable ${unknown.join(', ')} (see README: Configuration)`,
    );
  }
  const present = Object.fromEntries(
    [...KNOWN]
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  if (!isLoopback(e.HOST) && !e.DECKHAND_AUTH_TOKEN) {
    throw new ConfigError(
      `HOST=${e.HOST} is not a loopback address: set DECKHAND_AUTH_TOKEN so the console is not open to the network`,
    );
  }
  const homeRegion =
    e.AWS_REGION ??
    e.AWS_DEFAULT_REGION ??
    (e.DECKHAND_MODE === 'simulator' ? 'us-east-1' : undefined);
  const regions = e.DECKHAND_REGIONS ?? (homeRegion ? [homeRegion] : []);
  return {
    host: e.HOST,
    port: e.PORT,
    mode: e.DECKHAND_MODE,
    region: homeRegion ?? regions[0],
    regions: homeRegion && !regions.includes(homeRegion) ? [homeRegion, ...regions] : regions,
    sim: {
      port: e.DECKHAND_SIM_PORT,
      xrayDaemonAddress: e.DECKHAND_XRAY_DAEMON_ADDRESS,
      scenario: e.DECKHAND_SIM_SCENARIO,
      speed: e.DECKHAND_SIM_SPEED,
      throttling: e.DECKHAND_SIM_THROTTLING,
    },
    awsCallBudget: e.DECKHAND_AWS_CALL_BUDGET,
    rateLimit: e.DECKHAND_RATE_LIMIT === 'off' ? undefined : e.DECKHAND_RATE_LIMIT,
    readOnly: e.DECKHAND_READ_ONLY,
    authToken: e.DECKHAND_AUTH_TOKEN,
    dataDir: e.DECKHAND_DATA_DIR,
    historyRetentionDays: e.DECKHAND_HISTORY_RETENTION_DAYS,
    poll: {
      watchedMs: Math.round(e.DECKHAND_POLL_INTERVAL * 1000),
      backgroundMs:
        e.DECKHAND_BACKGROUND_POLL_INTERVAL === 'off'
          ? undefined
          : Math.round(e.DECKHAND_BACKGROUND_POLL_INTERVAL * 1000),
    },
    logLevel: e.DECKHAND_LOG_LEVEL,
    awsEndpointUrl: e.AWS_ENDPOINT_URL,
  };
}
