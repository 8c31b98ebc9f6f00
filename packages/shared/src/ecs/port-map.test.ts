import { describe, expect, it } from 'vitest';
import { PortMap } from '../schemas/port-map.js';
import {
  buildPortMap,
  type PortMapInput,
  type PortMapServiceInput,
  type PortMapTaskDefinition,
} from './port-map.js';

const TG_WEB =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/6d0ecf831eec9f09';
const TG_LEGACY =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/legacy/0ab1c2d3e4f5a6b7';
const TG_API =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/9f8e7d6c5b4a3210';

const instances: PortMapInput['instances'] = [
  { id: 'ci-a', ec2InstanceId: 'i-0aaa' },
  { id: 'ci-b', ec2InstanceId: 'i-0bbb', privateIp: '10.0.2.15' },
  { id: 'ci-c', ec2InstanceId: 'i-0ccc' },
];

const definitions: PortMapTaskDefinition[] = [
  // Bridge with a dynamic host port behind an ALB, the recommended setup.
  {
    taskDefinition: 'web:7',
    networkMode: 'bridge',
    containers: [
      { name: 'web', portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }] },
      { name: 'xray-daemon', portMappings: [{ containerPort: 2000, protocol: 'udp' }] },
    ],
  },
  // Bridge with a static host port behind an ALB: one task per instance.
  {
    taskDefinition: 'legacy:3',
    containers: [{ name: 'app', portMappings: [{ containerPort: 80, hostPort: 8080 }] }],
  },
  // awsvpc: the port lives on the task's ENI.
  {
    taskDefinition: 'api:12',
    networkMode: 'awsvpc',
    containers: [{ name: 'api', portMappings: [{ containerPort: 3000, hostPort: 3000 }] }],
  },
];

const service = (
  overrides: Partial<PortMapServiceInput> & { name: string },
): PortMapServiceInput => ({
  loadBalancers: [],
  deployments: [],
  events: [],
  ...overrides,
});

const services: PortMapServiceInput[] = [
  service({
    name: 'web',
    loadBalancers: [{ targetGroupArn: TG_WEB, containerName: 'web', containerPort: 8080 }],
    deployments: [{ taskDefinition: 'web:7' }],
    events: [
      {
        createdAt: '2026-11-26T10:05:00.000Z',
        message: '(service web) has reached a steady state.',
      },
    ],
  }),
  service({
    name: 'legacy',
    loadBalancers: [{ targetGroupArn: TG_LEGACY, containerName: 'app', containerPort: 80 }],
    deployments: [{ taskDefinition: 'legacy:3' }],
    events: [
      {
        createdAt: '2026-11-26T10:06:00.000Z',
        message:
          '(service legacy) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ci-c) is already using a port required by your task.',
      },
      {
        createdAt: '2026-11-26T10:00:00.000Z',
        message: '(service legacy) has reached a steady state.',
      },
    ],
  }),
  service({
    name: 'api',
    loadBalancers: [{ targetGroupArn: TG_API, containerName: 'api', containerPort: 3000 }],
    deployments: [{ taskDefinition: 'api:12' }],
  }),
];

const bridgeTask = (
  id: string,
  instance: string,
  group: string,
  taskDefinition: string,
  containers: PortMapInput['tasks'][number]['containers'],
): PortMapInput['tasks'][number] => ({
  id,
  group,
  taskDefinition,
  containerInstanceId: instance,
  lastStatus: 'RUNNING',
  containers,
});

const web = (hostPort: number, udpPort: number) => [
  {
    name: 'web',
    image: 'web',
    portMappings: [{ containerPort: 8080, hostPort, protocol: 'tcp' as const, hostIp: '0.0.0.0' }],
  },
  {
    name: 'xray-daemon',
    image: 'xray',
    portMappings: [
      { containerPort: 2000, hostPort: udpPort, protocol: 'udp' as const, hostIp: '0.0.0.0' },
    ],
  },
];
const legacy = [
  {
    name: 'app',
    image: 'legacy',
    portMappings: [
      { containerPort: 80, hostPort: 8080, protocol: 'tcp' as const, hostIp: '0.0.0.0' },
    ],
  },
];

const tasks: PortMapInput['tasks'] = [
  bridgeTask('t-web-1', 'ci-a', 'service:web', 'web:7', web(32768, 32769)),
  bridgeTask('t-web-2', 'ci-a', 'service:web', 'web:7', web(32770, 32771)),
  bridgeTask('t-web-3', 'ci-b', 'service:web', 'web:7', web(32768, 32769)),
  bridgeTask('t-legacy-1', 'ci-a', 'service:legacy', 'legacy:3', legacy),
  bridgeTask('t-legacy-2', 'ci-b', 'service:legacy', 'legacy:3', legacy),
  {
    id: 't-api-1',
    group: 'service:api',
    taskDefinition: 'api:12',
    lastStatus: 'RUNNING',
    eni: { privateIp: '10.0.3.44' },
    containers: [
      {
        name: 'api',
        image: 'api',
        portMappings: [
          { containerPort: 3000, hostPort: 3000, protocol: 'tcp', hostIp: '10.0.3.44' },
        ],
      },
    ],
  },
];

const input: PortMapInput = { instances, tasks, services, taskDefinitions: definitions };

describe('buildPortMap: rows', () => {
  const map = buildPortMap(input);

  it('produces a valid PortMap', () => {
    expect(PortMap.safeParse(map).success).toBe(true);
  });

  it('resolves load balancer → instance:dynamic host port → task/container:port', () => {
    const webRows = map.rows.filter((row) => row.service === 'web' && row.container === 'web');
    expect(webRows).toHaveLength(3);
    expect(webRows[0]).toEqual({
      targetGroupArn: TG_WEB,
      service: 'web',
      host: { kind: 'instance', containerInstanceId: 'ci-a', ec2InstanceId: 'i-0aaa' },
      hostPort: 32768,
      protocol: 'tcp',
      dynamic: true,
      taskId: 't-web-1',
      container: 'web',
      containerPort: 8080,
    });
    expect(webRows.find((row) => row.taskId === 't-web-3')?.host).toEqual({
      kind: 'instance',
      containerInstanceId: 'ci-b',
      ec2InstanceId: 'i-0bbb',
      privateIp: '10.0.2.15',
    });
  });

  it('keeps ports that no load balancer fronts, without a target group', () => {
    const sidecar = map.rows.filter((row) => row.container === 'xray-daemon');
    expect(sidecar).toHaveLength(3);
    expect(sidecar.every((row) => row.targetGroupArn === undefined && row.protocol === 'udp')).toBe(
      true,
    );
    // Sorted: balanced rows first, by target group, then the rest.
    expect(map.rows.at(-1)?.targetGroupArn).toBeUndefined();
    expect(map.rows[0]?.targetGroupArn).toBe(TG_API);
  });

  it('marks static bridge ports as not dynamic and puts awsvpc ports on the ENI', () => {
    expect(map.rows.find((row) => row.taskId === 't-legacy-1')).toMatchObject({
      hostPort: 8080,
      dynamic: false,
      targetGroupArn: TG_LEGACY,
    });
    expect(map.rows.find((row) => row.taskId === 't-api-1')).toMatchObject({
      host: { kind: 'eni', privateIp: '10.0.3.44' },
      hostPort: 3000,
      dynamic: false,
    });
  });

  it('emits one row per target group when a container port is behind two', () => {
    const twoGroups = buildPortMap({
      ...input,
      services: [
        service({
          name: 'web',
          loadBalancers: [
            { targetGroupArn: TG_WEB, containerName: 'web', containerPort: 8080 },
            { loadBalancerName: 'classic-web', containerName: 'web', containerPort: 8080 },
          ],
          deployments: [{ taskDefinition: 'web:7' }],
        }),
      ],
      tasks: [tasks[0] as PortMapInput['tasks'][number]],
    });
    expect(
      twoGroups.rows
        .filter((row) => row.container === 'web')
        .map((row) => row.targetGroupArn ?? row.loadBalancerName),
    ).toEqual([TG_WEB, 'classic-web']);
    // One task on one port is not a conflict with itself.
    expect(twoGroups.findings.some((f) => f.kind === 'port-conflict')).toBe(false);
  });

  it('skips stopped tasks and tasks not yet on a host, and guesses dynamic ports without a definition', () => {
    const map2 = buildPortMap({
      instances,
      services: [],
      taskDefinitions: [],
      tasks: [
        {
          ...bridgeTask('t-old', 'ci-a', 'family:web', 'web:6', web(32768, 32769)),
          lastStatus: 'STOPPED',
        },
        { id: 't-new', taskDefinition: 'web:7', lastStatus: 'PROVISIONING', containers: web(1, 2) },
        bridgeTask('t-run', 'ci-c', 'family:web', 'web:5', web(40001, 2000)),
      ],
    });
    expect(map2.rows.map((row) => [row.taskId, row.hostPort, row.dynamic])).toEqual([
      ['t-run', 2000, false],
      ['t-run', 40001, true],
    ]);
    expect(map2.rows[0]?.service).toBeUndefined();
  });
});

describe('buildPortMap: findings', () => {
  const { findings } = buildPortMap(input);
  const ofKind = (kind: string) => findings.filter((finding) => finding.kind === kind);

  it('reports a service ECS cannot place because of a port, until it is steady again', () => {
    expect(ofKind('unplaceable')).toEqual([
      {
        kind: 'unplaceable',
        severity: 'error',
        service: 'legacy',
        hostPort: 8080,
        message: expect.stringContaining(
          'closest instance (ci-c) already uses a port it needs (static host port 8080/tcp)',
        ),
      },
    ]);
    const recovered = buildPortMap({
      ...input,
      services: services.map((s) =>
        s.name === 'legacy'
          ? {
              ...s,
              events: [
                {
                  createdAt: '2026-11-26T10:09:00.000Z',
                  message: '(service legacy) has reached a steady state.',
                },
                ...s.events,
              ],
            }
          : s,
      ),
    });
    expect(recovered.findings.some((f) => f.kind === 'unplaceable')).toBe(false);
  });

  it('warns about a static host port behind a load balancer, but not about awsvpc or dynamic ports', () => {
    expect(ofKind('static-port-behind-load-balancer')).toEqual([
      expect.objectContaining({ severity: 'warning', service: 'legacy', hostPort: 8080 }),
    ]);
  });

  it('tells which security group range dynamic ports behind a load balancer need', () => {
    const range = ofKind('ephemeral-range');
    expect(range).toHaveLength(1);
    expect(range[0]).toMatchObject({ severity: 'info' });
    expect(range[0]?.message).toContain('Services web use dynamic host ports');
    expect(range[0]?.message).toContain('32768–61000/tcp');
  });

  it('flags reserved host ports and static ports inside the ephemeral range', () => {
    const risky = buildPortMap({
      instances,
      tasks: [],
      services: [],
      taskDefinitions: [
        {
          taskDefinition: 'ssh:1',
          containers: [{ name: 'sshd', portMappings: [{ containerPort: 22, hostPort: 22 }] }],
        },
        // host networking: the container port is the host port even when hostPort is omitted.
        {
          taskDefinition: 'agent:2',
          networkMode: 'host',
          containers: [{ name: 'a', portMappings: [{ containerPort: 51678 }] }],
        },
        {
          taskDefinition: 'odd:4',
          containers: [{ name: 'o', portMappings: [{ containerPort: 80, hostPort: 40000 }] }],
        },
        // awsvpc ports are on the ENI, never on the instance's reserved set.
        {
          taskDefinition: 'vpc:1',
          networkMode: 'awsvpc',
          containers: [{ name: 'v', portMappings: [{ containerPort: 22, hostPort: 22 }] }],
        },
      ],
    }).findings;
    expect(risky.map((f) => [f.kind, f.severity, f.hostPort])).toEqual([
      ['reserved-port', 'error', 22],
      ['reserved-port', 'error', 51678],
      ['ephemeral-range', 'warning', 40000],
    ]);
    expect(risky[0]?.message).toContain('ssh:1');
  });

  it('warns when services claim the same static host port, and errors on a port bound twice', () => {
    const clash = buildPortMap({
      instances,
      services: [
        service({ name: 'legacy', deployments: [{ taskDefinition: 'legacy:3' }] }),
        service({ name: 'legacy-canary', deployments: [{ taskDefinition: 'legacy:3' }] }),
      ],
      taskDefinitions: definitions,
      tasks: [
        bridgeTask('t-1', 'ci-a', 'service:legacy', 'legacy:3', legacy),
        bridgeTask('t-2', 'ci-a', 'service:legacy-canary', 'legacy:3', legacy),
      ],
    }).findings.filter((f) => f.kind === 'port-conflict');
    expect(clash.map((f) => f.severity)).toEqual(['error', 'warning']);
    expect(clash[0]?.message).toBe(
      'Host port 8080/tcp on instance i-0aaa is bound by 2 tasks (t-1, t-2).',
    );
    expect(clash[1]?.message).toContain('legacy, legacy-canary all need static host port 8080/tcp');
  });

  it('orders findings errors first', () => {
    const ranks = findings.map((f) => ['error', 'warning', 'info'].indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(findings.length).toBeGreaterThan(2);
  });
});
