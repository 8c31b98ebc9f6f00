import { describe, expect, it } from 'vitest';
import { buildStats, serviceMapAnswer } from '../testing/service-map-fixtures';
import { describeShares, edgeTone, flowElements } from './service-map-flow';
import { healthShares } from './service-map-model';

describe('flowElements', () => {
  it('gives every node a position, its numbers and an accessible name', () => {
    const { nodes } = flowElements(serviceMapAnswer(), { kind: 'node', id: 5 });
    const web = nodes.find((node) => node.id === '5');
    expect(web?.data).toMatchObject({
      name: 'web',
      typeLabel: 'ECS Container',
      rate: '106',
      latency: '152 ms',
    });
    expect(web?.selected).toBe(true);
    expect(web?.ariaRole).toBe('button');
    expect(web?.ariaLabel).toBe(
      'web (ECS Container): 106 requests/min, average 152 ms, 94% OK, 1.9% 4xx, 2.8% 429, 0.9% 5xx',
    );
    expect(nodes.filter((node) => node.selected)).toHaveLength(1);
  });

  it('labels edges with requests per minute and average latency', () => {
    const { edges } = flowElements(serviceMapAnswer(), { kind: 'edge', key: '5-2' });
    const webToApi = edges.find((edge) => edge.id === '5-2');
    expect(webToApi?.label).toBe('100/min · 148 ms');
    expect(webToApi?.selected).toBe(true);
    expect(webToApi?.ariaLabel).toBe(
      'web to api: 100 requests/min, average 148 ms, 97% OK, 2.0% 4xx, 1.0% 429, 0.3% 5xx',
    );
  });
});

describe('edgeTone', () => {
  it('is red from 1% faults, amber from 5% errors and throttles', () => {
    expect(edgeTone(buildStats({ ok: 99, error: 0, throttle: 0, fault: 1 }))).toBe('fault');
    expect(edgeTone(buildStats({ ok: 95, error: 3, throttle: 2, fault: 0 }))).toBe('warning');
    expect(edgeTone(buildStats({ ok: 97, error: 2, throttle: 1, fault: 0 }))).toBe('ok');
    expect(edgeTone(buildStats({ ok: 0, error: 0, throttle: 0, fault: 0 }))).toBe('ok');
  });

  it('describes the shares that are not empty', () => {
    expect(
      describeShares(healthShares(buildStats({ ok: 3, error: 0, throttle: 0, fault: 1 }))),
    ).toBe('75% OK, 25% 5xx');
  });
});
