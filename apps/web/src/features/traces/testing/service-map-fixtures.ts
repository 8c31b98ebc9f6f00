import type {
  ServiceMapEdge,
  ServiceMapNode,
  ServiceMapResponse,
  ServiceMapStats,
} from '@deckhand/shared';

export function buildStats(overrides: Partial<ServiceMapStats> = {}): ServiceMapStats {
  const stats = { ok: 90, error: 4, throttle: 2, fault: 4, avgResponseTime: 120, ...overrides };
  return { total: stats.ok + stats.error + stats.throttle + stats.fault, ...stats };
}

export function buildNode(overrides: Partial<ServiceMapNode> = {}): ServiceMapNode {
  const name = overrides.name ?? 'web';
  return {
    id: 1,
    name,
    names: [name],
    type: 'AWS::ECS::Container',
    root: false,
    stats: buildStats(),
    ...overrides,
  };
}

export function buildEdge(overrides: Partial<ServiceMapEdge> = {}): ServiceMapEdge {
  return { source: 1, target: 2, stats: buildStats(), ...overrides };
}

/**
 * The demo's shop over 15 minutes: Clients → web → api → DynamoDB and a payment provider.
 */
export function serviceMapAnswer(overrides: Partial<ServiceMapResponse> = {}): ServiceMapResponse {
  return {
    nodes: [
      buildNode({
        id: 0,
        name: 'Clients',
        names: [],
        type: 'client',
        stats: buildStats({ ok: 0, error: 0, throttle: 0, fault: 0, avgResponseTime: 0 }),
      }),
      buildNode({
        id: 5,
        name: 'web',
        root: true,
        stats: buildStats({ ok: 1500, error: 30, throttle: 45, fault: 15, avgResponseTime: 152.4 }),
        histogram: [
          { value: 3, count: 10 },
          { value: 40, count: 20 },
          { value: 180, count: 5 },
        ],
      }),
      buildNode({
        id: 2,
        name: 'api',
        stats: buildStats({ ok: 1450, error: 30, throttle: 15, fault: 5, avgResponseTime: 128.6 }),
      }),
      buildNode({
        id: 1,
        name: 'DynamoDB',
        type: 'AWS::DynamoDB::Table',
        stats: buildStats({ ok: 2000, error: 0, throttle: 15, fault: 0, avgResponseTime: 38.5 }),
      }),
      buildNode({
        id: 3,
        name: 'api.payments.example.com',
        type: 'remote',
        stats: buildStats({ ok: 140, error: 0, throttle: 5, fault: 5, avgResponseTime: 419 }),
      }),
    ],
    edges: [
      buildEdge({
        source: 0,
        target: 5,
        stats: buildStats({ ok: 1500, error: 30, throttle: 45, fault: 15, avgResponseTime: 152.4 }),
      }),
      buildEdge({
        source: 5,
        target: 2,
        stats: buildStats({ ok: 1450, error: 30, throttle: 15, fault: 5, avgResponseTime: 147.5 }),
      }),
      buildEdge({
        source: 2,
        target: 1,
        stats: buildStats({ ok: 2000, error: 0, throttle: 15, fault: 0, avgResponseTime: 38.5 }),
      }),
      buildEdge({
        source: 2,
        target: 3,
        stats: buildStats({ ok: 140, error: 0, throttle: 5, fault: 5, avgResponseTime: 419 }),
      }),
    ],
    start: '2026-11-26T09:45:00.000Z',
    end: '2026-11-26T10:00:00.000Z',
    stale: false,
    asOf: '2026-11-26T10:00:00.000Z',
    ...overrides,
  };
}
