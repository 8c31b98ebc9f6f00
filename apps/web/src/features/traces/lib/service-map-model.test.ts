import { describe, expect, it } from 'vitest';
import {
  buildEdge,
  buildNode,
  buildStats,
  serviceMapAnswer,
} from '../testing/service-map-fixtures';
import {
  edgeTraceFilter,
  filterString,
  formatLatency,
  formatRate,
  formatShare,
  healthShares,
  mapRows,
  nodeStats,
  nodeTraceFilter,
  perMinute,
  tracesHref,
  typeLabel,
  windowMinutes,
} from './service-map-model';

describe('healthShares', () => {
  it('splits the requests into ok, 4xx, 429 and 5xx shares that add up to 1', () => {
    const shares = healthShares(buildStats({ ok: 80, error: 10, throttle: 5, fault: 5 }));
    expect(shares.map((share) => [share.outcome, share.count, share.share])).toEqual([
      ['ok', 80, 0.8],
      ['error', 10, 0.1],
      ['throttle', 5, 0.05],
      ['fault', 5, 0.05],
    ]);
  });

  it('gives every share 0 when there were no requests', () => {
    const shares = healthShares(buildStats({ ok: 0, error: 0, throttle: 0, fault: 0 }));
    expect(shares.every((share) => share.share === 0)).toBe(true);
  });
});

describe('rates', () => {
  it('measures the window the BFF answered for', () => {
    expect(
      windowMinutes({ start: '2026-11-26T09:45:00.000Z', end: '2026-11-26T10:00:00.000Z' }),
    ).toBe(15);
    expect(windowMinutes({ start: 'garbage', end: '2026-11-26T10:00:00.000Z' })).toBe(0);
  });

  it('divides by the minutes, and is 0 for an empty window', () => {
    expect(perMinute(1500, 15)).toBe(100);
    expect(perMinute(1500, 0)).toBe(0);
  });

  it('formats rates, latencies and shares for a glance', () => {
    expect([0, 0.05, 2.345, 117.9, 12_345].map(formatRate)).toEqual([
      '0',
      '<0.1',
      '2.3',
      '118',
      '12,345',
    ]);
    expect([0, 0.4, 3.21, 152.46, 1234, 25_000].map(formatLatency)).toEqual([
      '—',
      '<1 ms',
      '3.2 ms',
      '152 ms',
      '1.23 s',
      '25.0 s',
    ]);
    expect([0, 0.0004, 0.025, 0.946].map(formatShare)).toEqual(['0%', '<0.1%', '2.5%', '95%']);
  });
});

describe('nodeStats', () => {
  it('gives the callers’ node what it sent over its edges', () => {
    const clients = buildNode({
      id: 0,
      type: 'client',
      stats: buildStats({ ok: 0, error: 0, throttle: 0, fault: 0, avgResponseTime: 0 }),
    });
    const edges = [
      buildEdge({
        source: 0,
        target: 1,
        stats: buildStats({ ok: 10, error: 0, throttle: 0, fault: 0, avgResponseTime: 100 }),
      }),
      buildEdge({
        source: 0,
        target: 2,
        stats: buildStats({ ok: 30, error: 0, throttle: 0, fault: 10, avgResponseTime: 200 }),
      }),
      buildEdge({ source: 1, target: 2 }),
    ];
    expect(nodeStats(clients, edges)).toEqual({
      ok: 40,
      error: 0,
      throttle: 0,
      fault: 10,
      total: 50,
      avgResponseTime: (10 * 100 + 40 * 200) / 50,
    });
  });

  it('keeps a service’s own statistics', () => {
    const web = buildNode();
    expect(nodeStats(web, [buildEdge({ source: 1 })])).toBe(web.stats);
  });
});

describe('trace filters', () => {
  it('opens a node’s traces with service("name"), escaping quotes and backslashes', () => {
    expect(nodeTraceFilter({ name: 'web', type: 'AWS::ECS::Container' })).toBe('service("web")');
    expect(filterString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(nodeTraceFilter({ name: 'Clients', type: 'client' })).toBeUndefined();
  });

  it('opens an edge’s traces with edge("a", "b"); from the callers, the root’s traces', () => {
    const web = { name: 'web', type: 'AWS::ECS::Container' };
    const api = { name: 'api', type: 'AWS::ECS::Container' };
    expect(edgeTraceFilter(web, api)).toBe('edge("web", "api")');
    expect(edgeTraceFilter({ name: 'Clients', type: 'client' }, web)).toBe('service("web")');
  });

  it('links to the traces page with the filter, the range unless default, and the region', () => {
    const parse = (href: string) => new URL(href, 'http://localhost');
    const withAll = parse(tracesHref('service("web")', '1h', 'eu-west-1'));
    expect(withAll.pathname).toBe('/traces');
    expect(Object.fromEntries(withAll.searchParams)).toEqual({
      filter: 'service("web")',
      range: '1h',
      region: 'eu-west-1',
    });
    expect(
      Object.fromEntries(parse(tracesHref('service("web")', '15m', undefined)).searchParams),
    ).toEqual({
      filter: 'service("web")',
    });
  });
});

describe('mapRows', () => {
  it('lists nodes busiest first with their rates, and edges by their nodes’ order', () => {
    const rows = mapRows(serviceMapAnswer());
    expect(rows.nodes.map((row) => row.node.name)).toEqual([
      'DynamoDB',
      'Clients',
      'web',
      'api',
      'api.payments.example.com',
    ]);
    expect(rows.nodes.find((row) => row.node.name === 'web')?.rate).toBeCloseTo(1590 / 15);
    expect(rows.edges.map((row) => `${row.source.name}>${row.target.name}`)).toEqual([
      'Clients>web',
      'web>api',
      'api>DynamoDB',
      'api>api.payments.example.com',
    ]);
  });

  it('drops an edge whose node is missing', () => {
    const answer = serviceMapAnswer({ edges: [buildEdge({ source: 5, target: 99 })] });
    expect(mapRows(answer).edges).toEqual([]);
  });
});

describe('typeLabel', () => {
  it('names X-Ray’s node types readably', () => {
    expect(typeLabel('AWS::ECS::Container')).toBe('ECS Container');
    expect(typeLabel('AWS::DynamoDB::Table')).toBe('DynamoDB Table');
    expect(typeLabel('client')).toBe('Callers');
    expect(typeLabel('Database::SQL')).toBe('SQL database');
  });
});
