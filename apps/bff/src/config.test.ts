import { describe, expect, it } from 'vitest';
import { ConfigError, isLoopback, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      mode: 'simulator',
      region: 'us-east-1',
      regions: ['us-east-1'],
      sim: {
        port: 4566,
        xrayDaemonAddress: '127.0.0.1:2000',
        scenario: 'demo',
        speed: 1,
        throttling: 'aws',
      },
      awsCallBudget: 0.5,
      readOnly: false,
      authToken: undefined,
      dataDir: './.deckhand',
      historyRetentionDays: 14,
      poll: { watchedMs: 5_000, backgroundMs: 30_000 },
    });
  });

  it('reads the poll intervals in seconds, and background polling can be off', () => {
    const config = loadConfig({
      DECKHAND_POLL_INTERVAL: '0.5',
      DECKHAND_BACKGROUND_POLL_INTERVAL: 'off',
      DECKHAND_HISTORY_RETENTION_DAYS: '30',
    });
    expect(config.poll).toEqual({ watchedMs: 500, backgroundMs: undefined });
    expect(config.historyRetentionDays).toBe(30);
    expect(loadConfig({ DECKHAND_BACKGROUND_POLL_INTERVAL: '120' }).poll.backgroundMs).toBe(
      120_000,
    );
    expect(() => loadConfig({ DECKHAND_BACKGROUND_POLL_INTERVAL: 'sometimes' })).toThrow(
      /DECKHAND_BACKGROUND_POLL_INTERVAL/,
    );
    expect(() => loadConfig({ DECKHAND_POLL_INTERVAL: '0' })).toThrow(/DECKHAND_POLL_INTERVAL/);
    expect(() => loadConfig({ DECKHAND_HISTORY_RETENTION_DAYS: '0' })).toThrow(
      /DECKHAND_HISTORY_RETENTION_DAYS/,
    );
  });

  it('parses every variable', () => {
    const config = loadConfig({
      HOST: '::1',
      PORT: '9000',
      DECKHAND_MODE: 'aws',
      AWS_REGION: 'eu-west-1',
      DECKHAND_REGIONS: 'eu-central-1, us-west-2',
      DECKHAND_SIM_SCENARIO: 'large',
      DECKHAND_SIM_SPEED: '10',
      DECKHAND_SIM_THROTTLING: 'off',
      DECKHAND_AWS_CALL_BUDGET: '0.25',
      DECKHAND_READ_ONLY: 'true',
      DECKHAND_DATA_DIR: '/var/lib/deckhand',
    });
    expect(config.port).toBe(9000);
    expect(config.mode).toBe('aws');
    expect(config.region).toBe('eu-west-1');
    // The home region is always offered, first.
    expect(config.regions).toEqual(['eu-west-1', 'eu-central-1', 'us-west-2']);
    expect(config.sim).toMatchObject({ scenario: 'large', speed: 10, throttling: 'off' });
    expect(config.awsCallBudget).toBe(0.25);
    expect(config.readOnly).toBe(true);
  });

  it('names the variable whose value is invalid', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DECKHAND_MODE: 'cloud' })).toThrow(/DECKHAND_MODE/);
    expect(() => loadConfig({ DECKHAND_AWS_CALL_BUDGET: '2' })).toThrow(/DECKHAND_AWS_CALL_BUDGET/);
    expect(() => loadConfig({ DECKHAND_READ_ONLY: 'maybe' })).toThrow(/DECKHAND_READ_ONLY/);
    expect(() => loadConfig({ DECKHAND_REGIONS: 'us-east-1,mars' })).toThrow(/DECKHAND_REGIONS/);
  });

  it('refuses an unknown DECKHAND_ variable, which is most likely a typo', () => {
    expect(() => loadConfig({ DECKHAND_READONLY: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ DECKHAND_READONLY: 'true' })).toThrow(/DECKHAND_READONLY/);
  });

  it('refuses a non-loopback bind without an access token', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/DECKHAND_AUTH_TOKEN/);
    expect(loadConfig({ HOST: '0.0.0.0', DECKHAND_AUTH_TOKEN: 'a-long-enough-token' }).host).toBe(
      '0.0.0.0',
    );
  });

  it('reads DECKHAND_RATE_LIMIT as <rate>/<burst> per client, 50/200 by default, or off', () => {
    expect(loadConfig({}).rateLimit).toEqual({ rate: 50, burst: 200 });
    expect(loadConfig({ DECKHAND_RATE_LIMIT: '2.5/10' }).rateLimit).toEqual({
      rate: 2.5,
      burst: 10,
    });
    expect(loadConfig({ DECKHAND_RATE_LIMIT: 'off' }).rateLimit).toBeUndefined();
    for (const value of ['50', '50/', '/200', '0/10', '5/0', '5/2.5', '-1/10', 'none', '5/10/2'])
      expect(() => loadConfig({ DECKHAND_RATE_LIMIT: value }), value).toThrow(
        /DECKHAND_RATE_LIMIT/,
      );
    // The unknown-variable guard still knows it from its typos.
    expect(() => loadConfig({ DECKHAND_RATELIMIT: '5/10' })).toThrow(/Unknown.*DECKHAND_RATELIMIT/);
  });

  it('leaves the region to the AWS profile in aws mode when none is set', () => {
    expect(loadConfig({ DECKHAND_MODE: 'aws' }).region).toBeUndefined();
  });
});

describe('isLoopback', () => {
  it('knows loopback addresses', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('127.8.0.3')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('10.0.0.5')).toBe(false);
    expect(isLoopback('example.com')).toBe(false);
  });
});
