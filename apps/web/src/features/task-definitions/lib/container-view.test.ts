import { describe, expect, it } from 'vitest';
import {
  describeVolume,
  environmentOf,
  formatContainerMemory,
  formatHealthCheck,
  formatPortMapping,
  formatTaskCpu,
  formatTaskMemory,
  secretReferences,
} from './container-view';

describe('container view', () => {
  it('reads task CPU units and MiB', () => {
    expect(formatTaskCpu('256')).toBe('0.25 vCPU (256 units)');
    expect(formatTaskMemory('2048')).toBe('2 GiB');
    expect(formatTaskCpu(undefined)).toBe('—');
    expect(formatTaskMemory('1 GB')).toBe('1 GB');
  });

  it('shows hard and soft memory', () => {
    expect(formatContainerMemory({ memory: 512, memoryReservation: 256 })).toBe(
      '512 MiB hard / 256 MiB soft',
    );
    expect(formatContainerMemory({})).toBe('—');
  });

  it('says when bridge mode picks the host port', () => {
    expect(formatPortMapping({ containerPort: 8080, hostPort: 0 }, 'bridge')).toBe(
      '8080/tcp → dynamic host port',
    );
    expect(
      formatPortMapping({ containerPort: 8080, hostPort: 80, protocol: 'tcp' }, 'bridge'),
    ).toBe('8080/tcp → host 80');
    expect(
      formatPortMapping(
        { containerPort: 8080, hostPort: 8080, name: 'web', appProtocol: 'http' },
        'awsvpc',
      ),
    ).toBe('8080/tcp (web, http)');
    expect(formatPortMapping({ containerPort: 2000, protocol: 'udp' }, 'awsvpc')).toBe('2000/udp');
  });

  it('spells out the health check with ECS defaults', () => {
    expect(
      formatHealthCheck({
        command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
        retries: 2,
      }),
    ).toBe('curl -f http://localhost/ || exit 1 (every 30s, timeout 5s, 2 retries)');
    expect(formatHealthCheck(undefined)).toBeUndefined();
  });

  it('keeps secrets as references and sorts the environment', () => {
    const container = {
      environment: [
        { name: 'PORT', value: '8080' },
        { name: 'LOG_LEVEL', value: 'info' },
      ],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:1:parameter/db' }],
    };
    expect(environmentOf(container).map((entry) => entry.name)).toEqual(['LOG_LEVEL', 'PORT']);
    expect(secretReferences(container)).toEqual([
      { name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:1:parameter/db' },
    ]);
  });

  it('describes volumes', () => {
    expect(describeVolume({ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-1' } })).toBe(
      'EFS fs-1',
    );
    expect(describeVolume({ name: 'scratch' })).toBe('Task storage (bind mount)');
  });
});
