import { ServiceMapNode } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import { toServiceMap, toStats } from './service-map.mapper.js';

describe('toStats', () => {
  it('splits 4xx into errors and throttles so that the parts add up to the total', () => {
    expect(
      toStats({
        OkCount: 90,
        ErrorStatistics: { ThrottleCount: 2, OtherCount: 3, TotalCount: 5 },
        FaultStatistics: { OtherCount: 5, TotalCount: 5 },
        TotalCount: 100,
        TotalResponseTime: 12.5,
      }),
    ).toEqual({ ok: 90, error: 3, throttle: 2, fault: 5, total: 100, avgResponseTime: 125 });
  });

  it('fills in missing parts and never divides by zero', () => {
    expect(toStats(undefined)).toEqual({
      ok: 0,
      error: 0,
      throttle: 0,
      fault: 0,
      total: 0,
      avgResponseTime: 0,
    });
    expect(toStats({ TotalCount: 10, FaultStatistics: { TotalCount: 4 } })).toMatchObject({
      ok: 6,
      fault: 4,
    });
  });
});

describe('toServiceMap', () => {
  const services = [
    {
      ReferenceId: 0,
      Name: 'web',
      Names: ['web'],
      Type: 'AWS::ECS::Container',
      Root: true,
      SummaryStatistics: { OkCount: 10, TotalCount: 10, TotalResponseTime: 1 },
      ResponseTimeHistogram: [
        { Value: 0.05, Count: 6 },
        { Value: 0.2, Count: 4 },
      ],
      Edges: [
        {
          ReferenceId: 1,
          SummaryStatistics: {
            OkCount: 9,
            FaultStatistics: { TotalCount: 1 },
            TotalCount: 10,
            TotalResponseTime: 0.5,
          },
        },
        { ReferenceId: 42 }, // a service not in the graph
      ],
    },
    { ReferenceId: 1, Name: 'orders-api', Type: 'AWS::ECS::Container' },
    { ReferenceId: 1, Name: 'orders-api (again, from another page)' },
    { Name: 'no reference id' },
  ];

  it('makes one node per service and edges between known nodes only', () => {
    const { nodes, edges } = toServiceMap(services);
    expect(nodes.map((node) => [node.id, node.name, node.root])).toEqual([
      [0, 'web', true],
      [1, 'orders-api', false],
    ]);
    expect(nodes[0]).toMatchObject({
      type: 'AWS::ECS::Container',
      stats: { ok: 10, total: 10, avgResponseTime: 100 },
      histogram: [
        { value: 50, count: 6 },
        { value: 200, count: 4 },
      ],
    });
    expect(nodes[1]).toMatchObject({ names: ['orders-api'], stats: { total: 0 } });
    expect(nodes[1]?.histogram).toBeUndefined();
    expect(edges).toEqual([
      {
        source: 0,
        target: 1,
        stats: { ok: 9, error: 0, throttle: 0, fault: 1, total: 10, avgResponseTime: 50 },
      },
    ]);
    for (const node of nodes) expect(ServiceMapNode.safeParse(node).success).toBe(true);
  });
});
