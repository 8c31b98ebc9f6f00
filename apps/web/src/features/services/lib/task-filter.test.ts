import { buildTask } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { filterTaskRows, matchesTaskFilter, parseTaskFilter } from './task-filter';
import { toTaskRow, toTaskRows } from './task-rows';

const ec2 = toTaskRow(
  buildTask({
    id: 'aaaa1111bbbb2222cccc3333dddd4444',
    group: 'service:web',
    taskDefinition: 'web:3',
    ec2InstanceId: 'i-0abc123',
    healthStatus: 'HEALTHY',
    availabilityZone: 'eu-west-1a',
  }),
);
const fargate = toTaskRow(
  buildTask({
    id: 'eeee5555ffff6666aaaa7777bbbb8888',
    group: 'service:api-gateway',
    taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:13',
    launchType: 'FARGATE',
    ec2InstanceId: undefined,
    containerInstanceId: undefined,
    eni: { privateIp: '10.0.1.25' },
    healthStatus: 'UNHEALTHY',
    containers: [
      {
        name: 'api',
        image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:2.1',
        portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp', hostIp: '10.0.1.25' }],
      },
    ],
  }),
);
const stopped = toTaskRow(
  buildTask({
    id: '99990000aaaabbbbccccddddeeeeffff',
    group: 'family:batch',
    taskDefinition: 'batch:1',
    lastStatus: 'STOPPED',
    desiredStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    stoppedAt: '2026-11-26T10:00:00.000Z',
    containers: [{ name: 'job', image: 'batch:1', exitCode: 137, portMappings: [] }],
  }),
);
const rows = [ec2, fargate, stopped];

function ids(query: string): string[] {
  return filterTaskRows(rows, parseTaskFilter(query)).map((row) => row.id.slice(0, 4));
}

describe('parseTaskFilter', () => {
  it('knows the table’s columns and their aliases', () => {
    expect(
      parseTaskFilter(
        'service:web svc:a status:running rev:3 revision:4 host:i-0 instance:i ip:10 port:80 launch:ec2 type:fargate',
      ).map((term) => term.field),
    ).toEqual([
      'service',
      'service',
      'status',
      'rev',
      'rev',
      'host',
      'host',
      'host',
      'port',
      'launch',
      'launch',
    ]);
  });

  it('parses the example of the brief', () => {
    expect(parseTaskFilter('service:web status:running host:i-0abc port:32768 rev:3')).toEqual([
      { field: 'service', values: ['web'], negate: false },
      { field: 'status', values: ['running'], negate: false },
      { field: 'host', values: ['i-0abc'], negate: false },
      { field: 'port', values: ['32768'], negate: false },
      { field: 'rev', values: ['3'], negate: false },
    ]);
  });
});

describe('matching tasks', () => {
  it('keeps every row, as the same array, with an empty filter', () => {
    expect(filterTaskRows(rows, parseTaskFilter('  '))).toBe(rows);
  });

  it('matches the service of the group, by part', () => {
    expect(ids('service:web')).toEqual(['aaaa']);
    expect(ids('service:api')).toEqual(['eeee']);
    expect(ids('service:gate,web')).toEqual(['aaaa', 'eeee']);
  });

  it('matches the run-task group when there is no service', () => {
    expect(ids('service:batch')).toEqual(['9999']);
  });

  it('matches status on last status, desired status and health', () => {
    expect(ids('status:running')).toEqual(['aaaa', 'eeee']);
    expect(ids('status:stopped')).toEqual(['9999']);
    expect(ids('status:unhealthy')).toEqual(['eeee']);
    expect(ids('health:healthy')).toEqual(['aaaa', 'eeee']);
    expect(ids('health:unhealthy')).toEqual(['eeee']);
  });

  it('matches a revision number exactly, and a task definition by part', () => {
    expect(ids('rev:3')).toEqual(['aaaa']);
    expect(ids('rev:13')).toEqual(['eeee']);
    expect(ids('rev:api:13')).toEqual(['eeee']);
    expect(ids('family:batch')).toEqual(['9999']);
  });

  it('matches the host by instance id or ENI address, by part', () => {
    expect(ids('host:i-0abc')).toEqual(['aaaa']);
    expect(ids('host:10.0.1')).toEqual(['eeee']);
    expect(ids('ip:10.0.1.25')).toEqual(['eeee']);
  });

  it('matches host or container ports exactly, and mappings as text', () => {
    expect(ids('port:32768')).toEqual(['aaaa']);
    expect(ids('port:8080')).toEqual(['aaaa']);
    expect(ids('port:80')).toEqual(['eeee']);
    expect(ids('port:3276')).toEqual([]);
    expect(ids('port:/tcp')).toEqual(['aaaa', 'eeee']);
  });

  it('matches launch type, image, container and zone', () => {
    expect(ids('launch:fargate')).toEqual(['eeee']);
    expect(ids('type:ec2')).toEqual(['aaaa', '9999']);
    expect(ids('image:dkr.ecr')).toEqual(['eeee']);
    expect(ids('container:job')).toEqual(['9999']);
    expect(ids('az:1a')).toEqual(['aaaa']);
  });

  it('matches why a task stopped: diagnosis, stop code and exit codes', () => {
    expect(ids('reason:"exit 137"')).toEqual(['9999']);
    expect(ids('why:essentialcontainer')).toEqual(['9999']);
    expect(ids('reason:killed')).toEqual(['9999']);
  });

  it('matches the task id by part, and plain words anywhere', () => {
    expect(ids('task:eeee5555')).toEqual(['eeee']);
    expect(ids('eeee5555')).toEqual(['eeee']);
    expect(ids('i-0abc123')).toEqual(['aaaa']);
    expect(ids('"exited 137"')).toEqual(['9999']);
  });

  it('combines terms, negations and quoted values', () => {
    expect(ids('status:running -service:web')).toEqual(['eeee']);
    expect(ids('-launch:fargate -status:stopped')).toEqual(['aaaa']);
    expect(ids('service:"api-gateway" port:80')).toEqual(['eeee']);
    expect(ids('service:web port:80')).toEqual([]);
  });

  it('agrees between the row matcher and the list filter', () => {
    const filter = parseTaskFilter('status:running');
    expect(rows.filter((row) => matchesTaskFilter(row, filter))).toEqual(
      filterTaskRows(rows, filter),
    );
  });

  // Speed is a benchmark matter (npm run bench), not a timed assertion here.
  it('filters 20,000 rows to exactly the matching ones', () => {
    const many = toTaskRows(
      Array.from({ length: 20_000 }, (_, i) =>
        buildTask({ id: `task${String(i).padStart(28, '0')}`, group: `service:svc-${i % 2000}` }),
      ),
    );
    const kept = filterTaskRows(many, parseTaskFilter('service:svc-1999 status:running'));
    expect(kept).toHaveLength(10);
    expect(kept.every((row) => row.task.group === 'service:svc-1999')).toBe(true);
  });
});
