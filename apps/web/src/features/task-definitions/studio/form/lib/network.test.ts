import { describe, expect, it } from 'vitest';
import { effectiveNetworkMode, hostPortFollowsContainer, hostPortHint } from './network';

describe('network mode hints', () => {
  it('defaults to bridge and says what the host port does in each mode', () => {
    expect(effectiveNetworkMode(undefined)).toBe('bridge');
    expect(effectiveNetworkMode(42)).toBe('bridge');
    expect(effectiveNetworkMode('awsvpc')).toBe('awsvpc');
    expect(hostPortHint('awsvpc', true)).toContain('host port = container port (leave empty)');
    expect(hostPortHint('bridge', true)).toContain('0 or empty = dynamic host port (32768–61000)');
    expect(hostPortHint('bridge', false)).toContain('default network mode');
    expect(hostPortHint('host', true)).toContain('the container port is used on the host');
    expect(hostPortFollowsContainer('awsvpc')).toBe(true);
    expect(hostPortFollowsContainer('host')).toBe(true);
    expect(hostPortFollowsContainer('bridge')).toBe(false);
  });
});
