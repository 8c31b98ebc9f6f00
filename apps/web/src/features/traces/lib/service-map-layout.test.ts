import { describe, expect, it } from 'vitest';
import { layoutServiceMap, NODE_HEIGHT, NODE_WIDTH } from './service-map-layout';

describe('layoutServiceMap', () => {
  it('lays callers out left of what they call, without overlaps', () => {
    const positions = layoutServiceMap({
      nodes: [{ id: 'clients' }, { id: 'web' }, { id: 'api' }, { id: 'db' }, { id: 'pay' }],
      edges: [
        { source: 'clients', target: 'web' },
        { source: 'web', target: 'api' },
        { source: 'api', target: 'db' },
        { source: 'api', target: 'pay' },
        { source: 'api', target: 'missing' },
      ],
    });
    const x = (id: string) => positions.get(id)?.x ?? Number.NaN;
    const y = (id: string) => positions.get(id)?.y ?? Number.NaN;
    expect(x('clients')).toBeLessThan(x('web'));
    expect(x('web') + NODE_WIDTH).toBeLessThan(x('api'));
    expect(x('api') + NODE_WIDTH).toBeLessThan(x('db'));
    expect(x('db')).toBe(x('pay'));
    expect(Math.abs(y('db') - y('pay'))).toBeGreaterThanOrEqual(NODE_HEIGHT);
    expect(positions.size).toBe(5);
  });

  it('survives a cycle', () => {
    const positions = layoutServiceMap({
      nodes: [{ id: 'a' }, { id: 'b' }],
      edges: [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
        { source: 'a', target: 'a' },
      ],
    });
    expect([...positions.values()].every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(
      true,
    );
  });
});
