import type { PortFinding, PortMapResponse, PortMapRow } from '@deckhand/shared';

/** Test data in the shape of the demo's prod-ec2 cluster; overrides replace fields. */

export const TG_WEB =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/6d0ecf831eec9f09';
export const TG_API =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/73e2d6bc24d8a067';
export const TG_LEGACY =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/legacy-admin/0b1c2d3e4f5a6b7c';

export const INSTANCE_A = {
  kind: 'instance',
  containerInstanceId: 'aaaa1111aaaa1111aaaa1111aaaa1111',
  ec2InstanceId: 'i-0aaa1111aaaa11110',
  privateIp: '10.0.1.11',
} as const;
export const INSTANCE_B = {
  kind: 'instance',
  containerInstanceId: 'bbbb2222bbbb2222bbbb2222bbbb2222',
  ec2InstanceId: 'i-0bbb2222bbbb22220',
  privateIp: '10.0.2.12',
} as const;

export function buildPortMapRow(overrides: Partial<PortMapRow> = {}): PortMapRow {
  return {
    targetGroupArn: TG_WEB,
    service: 'web',
    host: { ...INSTANCE_A },
    hostPort: 32768,
    protocol: 'tcp',
    dynamic: true,
    taskId: '1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6',
    container: 'web',
    containerPort: 8080,
    ...overrides,
  };
}

export const UNPLACEABLE_LEGACY: PortFinding = {
  kind: 'unplaceable',
  severity: 'error',
  message:
    'ECS cannot place a task of service legacy-admin: the closest instance (bbbb2222) already uses a port it needs (static host port 8080/tcp). Add instances, lower the desired count, or use dynamic host ports.',
  service: 'legacy-admin',
  hostPort: 8080,
};

export const DYNAMIC_RANGE_INFO: PortFinding = {
  kind: 'ephemeral-range',
  severity: 'info',
  message:
    'Services api, web use dynamic host ports behind a load balancer: the container instances’ security group must allow the load balancer on 32768–61000/tcp (the ECS-optimized AMI’s ephemeral range).',
};

/** prod-ec2: web and api on dynamic ports behind the ALB, legacy-admin on static 8080. */
export function buildPortMap(overrides: Partial<PortMapResponse> = {}): PortMapResponse {
  return {
    stale: false,
    asOf: '2026-11-26T10:00:00.000Z',
    rows: [
      buildPortMapRow({
        targetGroupArn: TG_API,
        service: 'api',
        hostPort: 32769,
        taskId: '9f8e7d6c5b4a43219f8e7d6c5b4a4321',
        container: 'api',
        containerPort: 3000,
      }),
      buildPortMapRow({
        targetGroupArn: TG_LEGACY,
        service: 'legacy-admin',
        hostPort: 8080,
        dynamic: false,
        taskId: 'c0ffee00c0ffee00c0ffee00c0ffee00',
        container: 'admin',
        containerPort: 80,
      }),
      buildPortMapRow(),
      buildPortMapRow({
        host: { ...INSTANCE_B },
        hostPort: 32771,
        taskId: '2b3c4d5e6f7a48b9c0d1e2f3a4b5c6d7',
      }),
    ],
    findings: [UNPLACEABLE_LEGACY, DYNAMIC_RANGE_INFO],
    ...overrides,
  };
}
