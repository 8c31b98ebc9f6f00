import { EPHEMERAL_PORT_RANGE, type PortFinding } from '@deckhand/shared';
import { describe, expect, it } from 'vitest';
import {
  buildPortMapRow,
  DYNAMIC_RANGE_INFO,
  TG_LEGACY,
  UNPLACEABLE_LEGACY,
} from '../testing/build-port-map';
import {
  describePath,
  entryLabel,
  ephemeralRange,
  explainFinding,
  findingTitle,
  portKindLegend,
} from './port-explanations';

const range = { from: 32768, to: 61000 };

describe('ephemeralRange', () => {
  it('takes the range the BFF names in its finding', () => {
    const custom = {
      ...DYNAMIC_RANGE_INFO,
      message: 'must allow the load balancer on 49153–65535/tcp',
    };
    expect(ephemeralRange([UNPLACEABLE_LEGACY, custom])).toEqual({ from: 49153, to: 65535 });
  });

  it('falls back to the shared constant', () => {
    expect(ephemeralRange([UNPLACEABLE_LEGACY])).toEqual({
      from: EPHEMERAL_PORT_RANGE.from,
      to: EPHEMERAL_PORT_RANGE.to,
    });
  });
});

describe('findings', () => {
  it('titles a finding by kind and service', () => {
    expect(findingTitle(UNPLACEABLE_LEGACY)).toBe('Unplaceable task · legacy-admin');
    expect(findingTitle(DYNAMIC_RANGE_INFO)).toBe('Dynamic host ports: open the ephemeral range');
    expect(findingTitle({ ...DYNAMIC_RANGE_INFO, severity: 'warning' })).toBe(
      'Static host port inside the ephemeral range',
    );
  });

  it('explains why a static host port leaves a task unplaced', () => {
    const text = explainFinding(UNPLACEABLE_LEGACY, range);
    expect(text).toContain('one task per instance');
    expect(text).toContain('hostPort 0');
  });

  it('says which range the security group must open, from which source', () => {
    const text = explainFinding(DYNAMIC_RANGE_INFO, range);
    expect(text).toContain('32768–61000');
    expect(text).toContain('load balancer’s security group');
    expect(text).toContain('49153–65535');
    expect(text).toContain('instance:port');
  });

  it('has an explanation for every kind and severity', () => {
    const kinds: PortFinding['kind'][] = [
      'port-conflict',
      'unplaceable',
      'static-port-behind-load-balancer',
      'reserved-port',
      'ephemeral-range',
    ];
    for (const kind of kinds)
      for (const severity of ['error', 'warning', 'info'] as const)
        expect(explainFinding({ kind, severity, message: '' }, range).length).toBeGreaterThan(40);
    expect(
      explainFinding({ kind: 'reserved-port', severity: 'error', message: '' }, range),
    ).toContain('51678');
  });
});

describe('paths', () => {
  it('reads a dynamic path aloud', () => {
    expect(describePath(buildPortMapRow())).toBe(
      'target group web → i-0aaa1111aaaa11110 10.0.1.11:32768/tcp dynamic → task 1a2b3c4d web:8080',
    );
  });

  it('reads static, awsvpc and unbalanced paths aloud', () => {
    expect(
      describePath(
        buildPortMapRow({
          targetGroupArn: TG_LEGACY,
          hostPort: 8080,
          dynamic: false,
          containerPort: 80,
        }),
      ),
    ).toContain('target group legacy-admin → i-0aaa1111aaaa11110 10.0.1.11:8080/tcp static');
    expect(
      describePath(
        buildPortMapRow({
          targetGroupArn: undefined,
          host: { kind: 'eni', privateIp: '10.0.3.7' },
          hostPort: 8080,
          dynamic: false,
        }),
      ),
    ).toBe('no load balancer → ENI 10.0.3.7:8080/tcp awsvpc → task 1a2b3c4d web:8080');
    expect(entryLabel({ loadBalancerName: 'classic' })).toBe('load balancer classic');
  });

  it('legends each badge with the range', () => {
    expect(portKindLegend(range).dynamic).toContain('32768–61000');
  });
});
