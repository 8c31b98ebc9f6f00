import { describe, expect, it } from 'vitest';
import {
  buildPortMap,
  buildPortMapRow,
  DYNAMIC_RANGE_INFO,
  INSTANCE_A,
  INSTANCE_B,
  TG_LEGACY,
  TG_WEB,
  UNPLACEABLE_LEGACY,
} from '../testing/build-port-map';
import {
  dynamicPortSpan,
  filterRows,
  findingsForService,
  groupRows,
  hostName,
  isDynamic,
  narrowToService,
  portKind,
  shortTaskId,
  targetGroupName,
} from './port-map-selectors';

const { rows } = buildPortMap();

describe('portKind', () => {
  it('tells dynamic, static and awsvpc ports apart', () => {
    expect(portKind(buildPortMapRow())).toBe('dynamic');
    expect(portKind(buildPortMapRow({ dynamic: false, hostPort: 8080 }))).toBe('static');
    // An ENI port is the container port, whatever `dynamic` says.
    expect(portKind(buildPortMapRow({ host: { kind: 'eni', privateIp: '10.0.3.7' } }))).toBe(
      'awsvpc',
    );
    expect(rows.filter(isDynamic).map((row) => row.hostPort)).toEqual([32769, 32768, 32771]);
  });
});

describe('names', () => {
  it('reads the target group name out of its ARN, and passes anything else through', () => {
    expect(targetGroupName(TG_WEB)).toBe('web');
    expect(targetGroupName(TG_LEGACY)).toBe('legacy-admin');
    expect(targetGroupName('my-classic-elb')).toBe('my-classic-elb');
  });

  it('names a host by EC2 instance id, container instance id, or ENI', () => {
    expect(hostName(INSTANCE_A)).toBe('i-0aaa1111aaaa11110');
    expect(hostName({ kind: 'instance', containerInstanceId: 'cccc' })).toBe('cccc');
    expect(hostName({ kind: 'eni', privateIp: '10.0.3.7' })).toBe('ENI');
    expect(shortTaskId('1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6')).toBe('1a2b3c4d');
  });
});

describe('narrowToService and filterRows', () => {
  it('keeps one service’s rows', () => {
    expect(narrowToService(rows, 'web').map((row) => row.hostPort)).toEqual([32768, 32771]);
    expect(narrowToService(rows, undefined)).toBe(rows);
    expect(narrowToService(rows, 'ghost')).toEqual([]);
  });

  it('matches every word against service, host, IP, port, task, container and kind', () => {
    expect(filterRows(rows, '')).toBe(rows);
    expect(filterRows(rows, '  ')).toBe(rows);
    expect(filterRows(rows, '10.0.2.12').map((row) => row.hostPort)).toEqual([32771]);
    expect(filterRows(rows, 'STATIC').map((row) => row.service)).toEqual(['legacy-admin']);
    expect(filterRows(rows, 'web dynamic i-0bbb').map((row) => row.taskId)).toEqual([
      '2b3c4d5e6f7a48b9c0d1e2f3a4b5c6d7',
    ]);
    expect(filterRows(rows, ':3000').map((row) => row.service)).toEqual(['api']);
    expect(filterRows(rows, '8080/tcp').map((row) => row.service)).toEqual(['legacy-admin']);
    expect(filterRows(rows, 'c0ffee')).toHaveLength(1);
    expect(filterRows(rows, 'web udp')).toEqual([]);
  });
});

describe('groupRows', () => {
  it('groups target group → host → task in the order the BFF sorted them', () => {
    const groups = groupRows(rows);
    expect(groups.map((group) => targetGroupName(group.key))).toEqual([
      'api',
      'legacy-admin',
      'web',
    ]);
    const web = groups[2];
    expect(web?.services).toEqual(['web']);
    expect(web?.hosts.map((host) => host.key)).toEqual([
      `instance:${INSTANCE_A.containerInstanceId}`,
      `instance:${INSTANCE_B.containerInstanceId}`,
    ]);
    expect(web?.hosts[0]?.tasks.map((task) => task.rows.length)).toEqual([1]);
  });

  it('puts a task’s ports together, and separates rows without a load balancer by service', () => {
    const taskId = 'dddd';
    const groups = groupRows([
      buildPortMapRow({ targetGroupArn: undefined, service: 'xray', taskId, containerPort: 2000 }),
      buildPortMapRow({ targetGroupArn: undefined, service: 'xray', taskId, containerPort: 2001 }),
      buildPortMapRow({ targetGroupArn: undefined, loadBalancerName: 'classic', service: 'old' }),
      buildPortMapRow({ targetGroupArn: undefined, service: undefined, taskId: 'eeee' }),
      buildPortMapRow({
        targetGroupArn: undefined,
        service: 'xray',
        host: { kind: 'eni', privateIp: '10.0.3.7' },
      }),
    ]);
    expect(groups.map((group) => group.key)).toEqual(['none:xray', 'lb:classic', 'none:']);
    expect(groups[0]?.hosts.map((host) => host.key)).toEqual([
      `instance:${INSTANCE_A.containerInstanceId}`,
      'eni:10.0.3.7',
    ]);
    expect(groups[0]?.hosts[0]?.tasks).toEqual([
      {
        taskId,
        rows: [
          expect.objectContaining({ containerPort: 2000 }),
          expect.objectContaining({ containerPort: 2001 }),
        ],
      },
    ]);
    expect(groups[1]?.loadBalancerName).toBe('classic');
    expect(groups[2]?.services).toEqual([]);
  });
});

describe('findingsForService', () => {
  const reserved = {
    kind: 'reserved-port' as const,
    severity: 'error' as const,
    message:
      'Task definition ssh:1 (container sshd) needs host port 22, which every container instance reserves.',
    hostPort: 22,
  };
  const findings = [UNPLACEABLE_LEGACY, DYNAMIC_RANGE_INFO, reserved];

  it('keeps a service’s own findings and the cluster-wide ones naming it', () => {
    expect(findingsForService(findings, undefined)).toBe(findings);
    expect(findingsForService(findings, 'legacy-admin')).toEqual([UNPLACEABLE_LEGACY]);
    expect(findingsForService(findings, 'web')).toEqual([DYNAMIC_RANGE_INFO]);
    expect(findingsForService(findings, 'api')).toEqual([DYNAMIC_RANGE_INFO]);
    // A name inside another word is not a mention.
    expect(findingsForService(findings, 'legacy')).toEqual([]);
    // A task definition of the service's family (`ssh:1`) counts as naming it.
    expect(findingsForService(findings, 'ssh')).toEqual([reserved]);
  });
});

describe('dynamicPortSpan', () => {
  it('spans the dynamic ports in use', () => {
    expect(dynamicPortSpan(rows)).toEqual({ from: 32768, to: 32771 });
    expect(dynamicPortSpan(narrowToService(rows, 'legacy-admin'))).toBeUndefined();
  });
});
