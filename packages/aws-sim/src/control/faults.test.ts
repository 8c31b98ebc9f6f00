import { describe, expect, it } from 'vitest';
import { AwsError } from '../protocol/errors.js';
import { xrayThrottled } from '../services/xray/errors.js';
import { FaultInjector, parseFaultRequest, type FaultRule } from './faults.js';
import { CallStats } from './stats.js';

const listTasks = { service: 'ecs', operation: 'ListTasks' };

const rule = (overrides: Partial<FaultRule>): FaultRule => ({
  service: 'ecs',
  throttle: false,
  errorRate: 0,
  status: 500,
  latencyMs: 0,
  hang: false,
  ...overrides,
});

/** The error code a call ends with, or 'ok'. */
async function outcome(faults: FaultInjector, call = listTasks, stats = new CallStats()) {
  try {
    await faults.apply(call, new AbortController().signal, stats);
    return 'ok';
  } catch (error) {
    return error instanceof AwsError ? `${error.status} ${error.code}` : String(error);
  }
}

describe('parseFaultRequest', () => {
  it('fills the defaults of an ECS fault on every operation', () => {
    expect(parseFaultRequest({ throttle: true })).toEqual({
      rule: rule({ throttle: true }),
    });
    expect(
      parseFaultRequest({ operations: ['ListTasks'], errorRate: 0.5, status: 503, seed: 7 }),
    ).toEqual({ rule: rule({ operations: ['ListTasks'], errorRate: 0.5, status: 503 }), seed: 7 });
  });

  it.each([
    [{ errorRate: 1.5 }, 'errorRate'],
    [{ errorRate: '0.5' }, 'errorRate'],
    [{ latencyMs: -1 }, 'latencyMs'],
    [{ latencyMs: 1.5 }, 'latencyMs'],
    [{ throttle: 'yes' }, 'throttle'],
    [{ hang: 1 }, 'hang'],
    [{ errorRate: 1, status: 200 }, 'status'],
    [{ status: 503 }, 'status'],
    [{ throttle: true, operations: [] }, 'operations'],
    [{ throttle: true, operations: ['ListTask'] }, 'operations: ListTask'],
    [{ throttle: true, service: 'sqs' }, 'service must be one of ecr, ecs, eks, xray'],
    [{ throttle: true, service: 'XRay' }, 'service'],
    [{ throttle: true, service: 7 }, 'service'],
    [{ throttle: true, service: 'xray', operations: ['ListClusters'] }, 'ListClusters'],
    [{ throttle: true, service: 'eks', operations: ['DescribeRepositories'] }, 'eks operation'],
    [
      { throttle: true, service: 'ecr', operations: ['DescribeRepositories', 'Nope', 'Nada'] },
      'operations: Nope, Nada are not ecr operations',
    ],
    [{ throttle: true, seed: 'x' }, 'seed'],
    [{ throttle: true, code: 'ExpiredTokenException' }, 'code needs an errorRate'],
    [{ errorRate: 1, code: 'expired token' }, 'code must be an AWS error code'],
    [{ errorRate: 1, code: 7 }, 'code must be'],
    [{ throttle: true, latency: 5 }, 'latency is not a fault field'],
    [{}, 'a fault needs'],
  ])('refuses %j naming the field', (body, field) => {
    expect(() => parseFaultRequest(body)).toThrow(
      expect.objectContaining({
        code: 'ValidationException',
        status: 400,
        message: expect.stringContaining(field) as string,
      }),
    );
  });
});

describe('parseFaultRequest for every simulated service', () => {
  it.each([
    ['xray', ['GetTraceSummaries', 'PutTraceSegments', 'GetSamplingTargets']],
    ['ecr', ['DescribeRepositories', 'DescribeImages', 'GetAuthorizationToken']],
    ['eks', ['ListClusters', 'DescribeCluster', 'ListNodegroups', 'DescribeNodegroup']],
    ['ecs', ['ListTasks', 'UpdateCluster']],
  ])('accepts %s with its own operation names', (service, operations) => {
    expect(parseFaultRequest({ service, operations, latencyMs: 10 })).toEqual({
      rule: rule({ service, operations, latencyMs: 10 }),
    });
  });

  it('validates against the catalogue it is given', () => {
    const catalogue = new Map([['sqs', new Set(['SendMessage'])]]);
    expect(
      parseFaultRequest({ service: 'sqs', operations: ['SendMessage'], hang: true }, catalogue),
    ).toEqual({ rule: rule({ service: 'sqs', operations: ['SendMessage'], hang: true }) });
    expect(() => parseFaultRequest({ service: 'ecs', hang: true }, catalogue)).toThrow(
      'service must be one of sqs',
    );
  });
});

describe('FaultInjector', () => {
  it('throttles only the operations named, and counts them', async () => {
    const faults = new FaultInjector();
    faults.add(rule({ operations: ['ListTasks'], throttle: true }));
    const stats = new CallStats();
    expect(await outcome(faults, listTasks, stats)).toBe('400 ThrottlingException');
    expect(await outcome(faults, { service: 'ecs', operation: 'DescribeTasks' }, stats)).toBe('ok');
    expect(stats.snapshot()).toMatchObject({
      throttled: { 'ecs:ListTasks': 1 },
      faults: { 'ecs:ListTasks': 1 },
    });
  });

  it("throttles with the service's own error when given one", async () => {
    const faults = new FaultInjector();
    faults.add(rule({ service: 'xray', operations: ['GetTraceSummaries'], throttle: true }));
    const stats = new CallStats();
    const call = { service: 'xray', operation: 'GetTraceSummaries' };
    const error = await faults.apply(call, new AbortController().signal, stats, xrayThrottled).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'ThrottledException', status: 429 });
    // Rules for one service never touch another's call of the same name.
    expect(await outcome(faults, { service: 'ecs', operation: 'GetTraceSummaries' })).toBe('ok');
    expect(stats.snapshot().throttled).toEqual({ 'xray:GetTraceSummaries': 1 });
  });

  it('fails a seeded share of calls, the same ones every run', async () => {
    const run = async () => {
      const faults = new FaultInjector();
      faults.add(rule({ errorRate: 0.5 }), 42);
      const outcomes: string[] = [];
      for (let i = 0; i < 40; i += 1) outcomes.push(await outcome(faults));
      return outcomes;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    const failed = first.filter((result) => result === '500 ServerException').length;
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(30);
    expect(first.every((result) => result === 'ok' || result === '500 ServerException')).toBe(true);
  });

  it('answers a chosen status', async () => {
    const faults = new FaultInjector();
    faults.add(rule({ errorRate: 1, status: 503 }));
    expect(await outcome(faults)).toBe('503 ServerException');
    faults.clear();
    faults.add(rule({ errorRate: 1, status: 403 }));
    expect(await outcome(faults)).toBe('403 ClientException');
    faults.clear();
    expect(await outcome(faults)).toBe('ok');
  });

  it('answers a chosen error code with AWS wording, e.g. expired credentials', async () => {
    const parsed = parseFaultRequest({
      errorRate: 1,
      status: 400,
      code: 'ExpiredTokenException',
    });
    expect(parsed.rule).toEqual(rule({ errorRate: 1, status: 400, code: 'ExpiredTokenException' }));
    const faults = new FaultInjector();
    faults.add(parsed.rule);
    const error = await faults.apply(listTasks, new AbortController().signal, new CallStats()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: 'ExpiredTokenException',
      status: 400,
      message: 'The security token included in the request is expired',
    });
    faults.clear();
    faults.add(rule({ errorRate: 1, status: 503, code: 'Unavailable' }));
    expect(await outcome(faults)).toBe('503 Unavailable');
  });

  it('ends a hang and a delay when the request ends, leaving no timer behind', async () => {
    const faults = new FaultInjector();
    faults.add(rule({ hang: true }));
    const request = new AbortController();
    const hung = faults.apply(listTasks, request.signal, new CallStats());
    request.abort(new Error('client gone'));
    await expect(hung).rejects.toThrow('client gone');

    faults.clear();
    faults.add(rule({ latencyMs: 60_000 }));
    const delayed = new AbortController();
    const before = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const slow = faults.apply(listTasks, delayed.signal, new CallStats());
    delayed.abort();
    await expect(slow).rejects.toThrow();
    const after = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    expect(after).toBeLessThanOrEqual(before);
  });
});
