import { describe, expect, it } from 'vitest';
import { AwsError } from '../../protocol/errors.js';
import type { ServiceRef, TraceFacts } from './analysis.js';
import { compileFilter } from './filter.js';
import { parseFilter } from './filter-parser.js';

const web: ServiceRef = {
  key: 'AWS::ECS::Container::web',
  name: 'web',
  type: 'AWS::ECS::Container',
};
const api: ServiceRef = {
  key: 'AWS::ECS::Container::api',
  name: 'api',
  type: 'AWS::ECS::Container',
};

function facts(overrides: Partial<TraceFacts> = {}): TraceFacts {
  return {
    id: '1-5f000000-000000000000000000000001',
    startTime: 1_593_835_520,
    duration: 0.25,
    responseTime: 0.2,
    hasError: false,
    hasFault: false,
    hasThrottle: false,
    isPartial: false,
    ok: true,
    http: {
      url: 'https://shop.example.com/checkout',
      status: 200,
      method: 'POST',
      userAgent: 'curl/8.5.0',
      clientIp: '192.0.2.7',
    },
    services: [web, api],
    entry: web,
    annotations: [
      { key: 'route', value: '/checkout', services: [web] },
      { key: 'items', value: 3, services: [api] },
      { key: 'cache_hit', value: false, services: [api] },
    ],
    users: [{ name: 'customer-1234', services: [web] }],
    resourceArns: [],
    instanceIds: [],
    zones: [],
    nodeSamples: [],
    edgeSamples: [],
    ...overrides,
  };
}

const matches = (expression: string, trace = facts()) => compileFilter(expression)(trace);

function rejection(expression: string): AwsError {
  try {
    parseFilter(expression);
  } catch (error) {
    expect(error).toBeInstanceOf(AwsError);
    return error as AwsError;
  }
  throw new Error(`expected "${expression}" to be refused`);
}

describe('filter expressions', () => {
  it('parses keywords, comparisons and precedence into a tree', () => {
    expect(parseFilter('service("api") AND NOT fault OR http.status >= 500')).toEqual({
      kind: 'or',
      left: {
        kind: 'and',
        left: { kind: 'service', name: 'api' },
        right: { kind: 'not', operand: { kind: 'flag', keyword: 'fault' } },
      },
      right: { kind: 'number', keyword: 'http.status', op: '>=', value: 500 },
    });
  });

  it('matches services, flags, numbers and strings', () => {
    expect(matches('service("api")')).toBe(true);
    expect(matches('service("payments")')).toBe(false);
    expect(matches('ok')).toBe(true);
    expect(matches('fault')).toBe(false);
    expect(matches('fault', facts({ hasFault: true, ok: false }))).toBe(true);
    expect(matches('error OR throttle', facts({ hasThrottle: true }))).toBe(true);
    expect(matches('partial', facts({ isPartial: true }))).toBe(true);
    expect(matches('http.status = 200')).toBe(true);
    expect(matches('http.status != 200')).toBe(false);
    expect(matches('responsetime > 0.1 AND duration <= 0.25')).toBe(true);
    expect(matches('responsetime > 1')).toBe(false);
    expect(matches('http.url CONTAINS "checkout"')).toBe(true);
    expect(matches('http.url contains "cart"')).toBe(false);
    expect(matches('http.method = "POST" AND http.useragent BEGINSWITH "curl"')).toBe(true);
    expect(matches('user = "customer-1234"')).toBe(true);
  });

  it('honours parentheses, NOT and !', () => {
    expect(matches('!(service("api") AND ok)')).toBe(false);
    expect(matches('NOT service("payments") AND (fault OR ok)')).toBe(true);
    expect(matches('(fault OR error) AND ok')).toBe(false);
  });

  it('compares annotations by type', () => {
    expect(matches('annotation.route = "/checkout"')).toBe(true);
    expect(matches('annotation[route] = "/cart"')).toBe(false);
    expect(matches('annotation.items >= 3')).toBe(true);
    expect(matches('annotation.items > 3')).toBe(false);
    expect(matches('annotation.cache_hit = false')).toBe(true);
    expect(matches('annotation.route BEGINSWITH "/check"')).toBe(true);
    expect(matches('annotation.missing = "x"')).toBe(false);
  });

  it('matches edge("from", "to") on the calls of the trace\'s service graph', () => {
    const sample = { start: 1, end: 1.01, outcome: 'ok' as const };
    const called = facts({ edgeSamples: [{ from: web, to: api, sample }] });
    expect(matches('edge("web", "api")', called)).toBe(true);
    expect(matches('edge("api", "web")', called)).toBe(false);
    expect(matches('edge("web", "api")')).toBe(false);
    expect(rejection('edge("web")').message).toContain('","');
  });

  it('treats an empty expression as no filter', () => {
    expect(matches('')).toBe(true);
    expect(compileFilter(undefined)(facts())).toBe(true);
  });

  it('refuses what it does not support, naming it', () => {
    const edge = rejection('edge("web", "api") { fault }');
    expect(edge.code).toBe('InvalidRequestException');
    expect(edge.status).toBe(400);
    expect(edge.message).toContain('edge("from", "to") { … } is not supported');
    expect(rejection('json CONTAINS "x"').message).toContain('"json"');
    expect(rejection('group.name = "prod"').message).toContain('"group.name"');
    expect(rejection('service("api") { fault }').message).toContain('service("name") { … }');
    expect(rejection('service(id(name: "api"))').message).toContain('service(id…)');
  });

  it('refuses malformed expressions with the position', () => {
    expect(rejection('http.status >').message).toMatch(/position 14: expected a number/);
    expect(rejection('http.url = 5').message).toContain('expected a quoted string');
    expect(rejection('responsetime CONTAINS 5').message).toContain('expected an operator');
    expect(rejection('(fault').message).toContain('expected ")"');
    expect(rejection('fault ok').message).toContain('unexpected "ok"');
    expect(rejection('http.url = "open').message).toContain('unterminated string');
    expect(rejection('annotation.items CONTAINS 3').message).toContain('cannot compare');
    expect(rejection('fault AND').message).toContain('expected a keyword');
    expect(rejection('duration > 1 # comment').message).toContain('unexpected character "#"');
  });
});
