import { describe, expect, it } from 'vitest';
import {
  ECS_THROTTLING_CATEGORIES,
  ecsThrottlingCategory,
} from '../packages/shared/src/aws/ecs-throttling.js';
import * as lib from './soak-lib.mjs';

interface BudgetRow {
  category: string;
  calls: number;
  allowed: number;
  budgetBurst: number;
  budgetRatePerSecond: number;
  ok: boolean;
}
interface Budget {
  ok: boolean;
  rows: BudgetRow[];
  seconds: number;
}
interface Latency {
  count: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}
const soak = lib as {
  DEFAULTS: Record<string, unknown>;
  parseSoakArgs: (argv: string[]) => Record<string, unknown>;
  latencySummary: (samples: number[]) => Latency;
  budgetCheck: (calls: Record<string, number>, o: { seconds: number; share: number }) => Budget;
  verdict: (run: {
    requests: number;
    errors: number;
    unfinished?: number;
    budget: Budget;
  }) => string[];
  rateLimitUnknown: (message: string) => boolean;
  table: (header: string[], rows: unknown[][]) => string;
  ECS_CATEGORIES: Record<string, { burst: number; rate: number }>;
  ECS_OPERATION_CATEGORY: Record<string, string>;
  ecsCategoryOf: (operation: string) => string;
};

describe('parseSoakArgs', () => {
  it('defaults to 200 users for 60 s, a budget of 0.5 and a rate limit that covers them', () => {
    const options = soak.parseSoakArgs([]);
    expect(options).toMatchObject({
      users: 200,
      seconds: 60,
      thinkMin: 0.5,
      thinkMax: 2,
      sseShare: 0.2,
      budget: 0.5,
      rateLimit: '50/200',
      help: false,
    });
    expect(options.authToken).toBeUndefined();
  });

  it('reads --users, --seconds and the other options', () => {
    expect(
      soak.parseSoakArgs([
        '--users',
        '20',
        '--seconds=5.5',
        '--think-min',
        '0',
        '--think-max',
        '0.1',
        '--rate-limit',
        'off',
        '--auth-token',
        'a-token-of-16-chars',
        '--port',
        '18400',
        '--out',
        '/tmp/x.json',
      ]),
    ).toMatchObject({
      users: 20,
      seconds: 5.5,
      thinkMin: 0,
      thinkMax: 0.1,
      rateLimit: 'off',
      authToken: 'a-token-of-16-chars',
      port: 18_400,
      out: '/tmp/x.json',
    });
  });

  it.each([
    [['--users', '0'], /--users must be an integer ≥ 1/],
    [['--users', '2.5'], /--users must be an integer/],
    [['--users', ''], /--users must be/],
    [['--seconds', 'ten'], /--seconds must be a number/],
    [['--sse-share', '1.5'], /--sse-share must be a number 0–1/],
    [['--budget', '0'], /--budget must be a number/],
    [['--think-min', '3'], /--think-max \(2\) is below --think-min \(3\)/],
    [['--rate-limit', 'lots'], /--rate-limit must be/],
    [['--auth-token', 'short'], /at least 16 characters/],
    [['--port', '14700'], /must differ/],
    [['--user', '3'], /Unknown option '--user'/],
    [['extra'], /positional/],
  ])('refuses %j', (argv, message) => {
    expect(() => soak.parseSoakArgs(argv)).toThrow(message);
  });
});

describe('latencySummary', () => {
  it('gives nearest-rank percentiles and the maximum', () => {
    // 1..100: the p-th percentile of nearest rank is p itself.
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(soak.latencySummary(samples)).toEqual({
      count: 100,
      p50: 50,
      p95: 95,
      p99: 99,
      max: 100,
    });
  });

  it('lets one slow request in a hundred set the max, not the p99; two set the p99', () => {
    const fast = Array.from({ length: 99 }, () => 10);
    expect(soak.latencySummary([...fast, 5_000]).p99).toBe(10);
    expect(soak.latencySummary([...fast.slice(1), 5_000, 5_000]).p99).toBe(5_000);
  });

  it('rounds to a tenth of a millisecond and handles one sample and none', () => {
    expect(soak.latencySummary([12.345])).toEqual({
      count: 1,
      p50: 12.3,
      p95: 12.3,
      p99: 12.3,
      max: 12.3,
    });
    expect(soak.latencySummary([])).toEqual({
      count: 0,
      p50: null,
      p95: null,
      p99: null,
      max: null,
    });
  });
});

describe('budgetCheck', () => {
  it('allows the budget’s burst plus its rate over the window, per category', () => {
    // cluster resource read: AWS 100 burst / 20 per s; at 0.5: 50 + 10 × 60 = 650.
    const within = soak.budgetCheck(
      { 'ecs:ListTasks': 300, 'ecs:DescribeTasks': 350 },
      { seconds: 60, share: 0.5 },
    );
    expect(within.ok).toBe(true);
    expect(within.rows).toEqual([
      expect.objectContaining({
        category: 'clusterResourceRead',
        calls: 650,
        budgetBurst: 50,
        budgetRatePerSecond: 10,
        allowed: 650,
        ok: true,
      }),
    ]);
    const over = soak.budgetCheck(
      { 'ecs:ListTasks': 300, 'ecs:DescribeContainerInstances': 351 },
      { seconds: 60, share: 0.5 },
    );
    expect(over.ok).toBe(false);
    expect(over.rows[0]).toMatchObject({ calls: 651, ok: false });
  });

  it('keeps the categories apart and ignores the services that have no budget', () => {
    const result = soak.budgetCheck(
      {
        'ecs:ListServices': 20,
        'ecs:DescribeServices': 200,
        'ecs:DescribeTaskDefinition': 300,
        'ecr:DescribeImages': 10_000,
        'xray:GetTraceSummaries': 10_000,
      },
      { seconds: 30, share: 0.5 },
    );
    const byCategory = Object.fromEntries(result.rows.map((row) => [row.category, row]));
    expect(Object.keys(byCategory)).toEqual(['serviceRead', 'taskDefinitionRead']);
    // service read 100/20 → 50 + 10 × 30 = 350; task-definition read 50/20 → 25 + 10 × 30 = 325.
    expect(byCategory.serviceRead).toMatchObject({ calls: 220, allowed: 350, ok: true });
    expect(byCategory.taskDefinitionRead).toMatchObject({ calls: 300, allowed: 325, ok: true });
    expect(result.ok).toBe(true);
  });

  it('scales with the share (burst rounded down, at least 1) and puts unknown operations in other', () => {
    const result = soak.budgetCheck(
      { 'ecs:ListClusters': 11, 'ecs:ListAccountSettings': 3 },
      { seconds: 1, share: 0.01 },
    );
    // cluster read 50/20 at 0.01: burst max(1, 0) = 1, rate 0.2/s → 1.2 → 1 call; other 20/5 → 1.
    expect(result.rows).toEqual([
      expect.objectContaining({ category: 'clusterRead', allowed: 1, budgetBurst: 1, ok: false }),
      expect.objectContaining({ category: 'other', calls: 3, allowed: 1, ok: false }),
    ]);
  });

  it('uses the categories and buckets the BFF paces itself by (packages/shared)', () => {
    for (const [category, spec] of Object.entries(soak.ECS_CATEGORIES))
      expect([category, spec]).toEqual([
        category,
        ECS_THROTTLING_CATEGORIES[category as keyof typeof ECS_THROTTLING_CATEGORIES],
      ]);
    expect(Object.keys(soak.ECS_CATEGORIES).sort()).toEqual(
      Object.keys(ECS_THROTTLING_CATEGORIES).sort(),
    );
    for (const operation of [...Object.keys(soak.ECS_OPERATION_CATEGORY), 'ListAccountSettings'])
      expect([operation, soak.ecsCategoryOf(operation)]).toEqual([
        operation,
        ecsThrottlingCategory(operation),
      ]);
  });
});

describe('verdict', () => {
  const budget = (ok: boolean): Budget => ({
    ok,
    seconds: 60,
    rows: [
      {
        category: 'serviceRead',
        calls: ok ? 10 : 700,
        allowed: 650,
        budgetBurst: 50,
        budgetRatePerSecond: 10,
        ok,
      },
    ],
  });

  it('passes a run with no error within the budget', () => {
    expect(soak.verdict({ requests: 5_000, errors: 0, budget: budget(true) })).toEqual([]);
  });

  it('says how many requests failed, and how many never answered', () => {
    expect(
      soak.verdict({ requests: 2_000, errors: 3, unfinished: 2, budget: budget(true) }),
    ).toEqual([
      'error rate 0.150% (3 of 2000 requests failed: 2 never answered, 1 others), must be 0',
    ]);
  });

  it('names the category over its budget', () => {
    const [reason] = soak.verdict({ requests: 10, errors: 0, budget: budget(false) });
    expect(reason).toMatch(/serviceRead: 700 calls in 60 s, the budget allows 650/);
  });
});

describe('rateLimitUnknown', () => {
  it('recognises the console refusing DECKHAND_RATE_LIMIT, and only that', () => {
    expect(
      soak.rateLimitUnknown(
        'the console exited: ConfigError: Unknown configuration variable DECKHAND_RATE_LIMIT (see README: Configuration)',
      ),
    ).toBe(true);
    expect(
      soak.rateLimitUnknown('Unknown configuration variable DECKHAND_FOO, DECKHAND_RATE_LIMIT'),
    ).toBe(true);
    expect(soak.rateLimitUnknown('Invalid configuration: DECKHAND_RATE_LIMIT: bad format')).toBe(
      false,
    );
    expect(soak.rateLimitUnknown('Unknown configuration variable DECKHAND_OTHER')).toBe(false);
  });
});

describe('table', () => {
  it('aligns text left and numbers right, with a rule under the header', () => {
    expect(
      soak
        .table(
          ['route', 'p99 ms'],
          [
            ['clusters', 12],
            ['tasks [big]', '≥4500'],
            ['trace', null],
          ],
        )
        .split('\n'),
    ).toEqual([
      'route        p99 ms',
      '-----------  ------',
      'clusters         12',
      'tasks [big]   ≥4500',
      'trace             –',
    ]);
  });
});
