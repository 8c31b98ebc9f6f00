import { describe, expect, it } from 'vitest';
import { parsePalettePatterns } from './palette-patterns';
import { searchPalette, tokenScore, type PaletteSources } from './palette-search';

const sources: PaletteSources = {
  clusters: ['prod-ec2', 'prod-fargate', 'staging'],
  services: [
    { cluster: 'prod-ec2', service: 'web' },
    { cluster: 'prod-ec2', service: 'api' },
    { cluster: 'prod-fargate', service: 'web' },
    { cluster: 'staging', service: 'worker' },
  ],
  families: [{ name: 'web', latestRevision: 7 }, { name: 'worker' }],
  repositories: ['team/web', 'xray-daemon'],
  taskHits: [],
};

const search = (query: string, extra: Partial<PaletteSources> = {}, limit?: number) =>
  searchPalette(query, parsePalettePatterns(query), { ...sources, ...extra }, limit);

describe('parsePalettePatterns', () => {
  it('reads a 32-hex id as a task id and a W3C trace id both', () => {
    const id = '0123456789ABCDEF0123456789abcdef';
    expect(parsePalettePatterns(` ${id} `)).toEqual({
      taskId: id.toLowerCase(),
      traceId: '1-01234567-89abcdef0123456789abcdef',
    });
  });

  it('reads a UUID-form task id as a task only', () => {
    expect(parsePalettePatterns('4f1c2a3b-1111-2222-3333-444455556666')).toEqual({
      taskId: '4f1c2a3b-1111-2222-3333-444455556666',
    });
  });

  it('reads X-Ray trace ids and trace headers as traces only', () => {
    const trace = '1-5f84c3a5-0123456789abcdef01234567';
    expect(parsePalettePatterns(trace)).toEqual({ traceId: trace });
    expect(parsePalettePatterns(`Root=${trace};Sampled=1`)).toEqual({ traceId: trace });
  });

  it('reads family:revision and the ARNs of tasks and revisions', () => {
    expect(parsePalettePatterns('web:12')).toEqual({
      taskDefinition: { family: 'web', revision: 12 },
    });
    expect(parsePalettePatterns('web:0')).toEqual({});
    expect(
      parsePalettePatterns('arn:aws:ecs:eu-west-1:123456789012:task-definition/api_v2:3'),
    ).toEqual({ taskDefinition: { family: 'api_v2', revision: 3 } });
    expect(
      parsePalettePatterns(
        'arn:aws:ecs:eu-west-1:123456789012:task/prod/0123456789abcdef0123456789abcdef',
      ),
    ).toEqual({ task: { cluster: 'prod', taskId: '0123456789abcdef0123456789abcdef' } });
  });

  it('finds nothing in plain names', () => {
    expect(parsePalettePatterns('prod-web')).toEqual({});
  });
});

describe('tokenScore', () => {
  it('ranks exact, prefix, word start, substring, then letters in order', () => {
    expect(tokenScore('web', 'web')).toBe(0);
    expect(tokenScore('webhooks', 'web')).toBe(1);
    expect(tokenScore('team/web', 'web')).toBe(2);
    expect(tokenScore('cobweb', 'web')).toBe(3);
    expect(tokenScore('prod-ec2', 'pec')).toBe(6);
    expect(tokenScore('prod-ec2', 'pe')).toBeUndefined();
    expect(tokenScore('api', 'web')).toBeUndefined();
  });
});

describe('searchPalette', () => {
  it('groups matches by kind, the group with the best match first', () => {
    const groups = search('web');
    expect(groups.map((group) => group.label)).toEqual([
      'Services',
      'Task definition families',
      'Repositories',
    ]);
    expect(groups[0]?.items.map((item) => `${item.label} ${item.detail ?? ''}`)).toEqual([
      'web prod-ec2',
      'web prod-fargate',
    ]);
    expect(groups[1]?.items[0]).toMatchObject({
      label: 'web',
      detail: 'latest :7',
      path: '/task-definitions/web',
    });
    expect(groups[2]?.items[0]?.path).toBe('/registry/team%2Fweb');
  });

  it('needs every word to match the name or the cluster', () => {
    const groups = search('fargate web');
    expect(groups).toHaveLength(1);
    expect(groups[0]?.items).toEqual([
      expect.objectContaining({ kind: 'service', path: '/clusters/prod-fargate/services/web' }),
    ]);
  });

  it('shows pages first and everything else for an empty query', () => {
    const groups = search('');
    expect(groups[0]?.label).toBe('Pages');
    expect(groups[0]?.items.map((item) => item.path)).toEqual([
      '/clusters',
      '/task-definitions',
      '/registry',
      '/traces',
      '/service-map',
    ]);
    expect(groups.flatMap((group) => group.items)).toHaveLength(5 + 3 + 4 + 2 + 2);
  });

  it('puts identifier hits above every name match', () => {
    const id = '0123456789abcdef0123456789abcdef';
    const groups = search(id, { taskHits: [{ cluster: 'prod-ec2', taskId: id }] });
    expect(groups.map((group) => group.kind)).toEqual(['task', 'trace']);
    expect(groups[0]?.items[0]).toMatchObject({
      label: `Task ${id} in prod-ec2`,
      path: `/clusters/prod-ec2/tasks/${id}`,
    });
    expect(groups[1]?.items[0]).toMatchObject({
      label: 'Trace 1-01234567-89abcdef0123456789abcdef',
      path: '/traces/1-01234567-89abcdef0123456789abcdef',
    });
  });

  it('offers a task definition revision, and still matches the family by name', () => {
    const groups = search('web:3');
    expect(groups[0]?.items[0]).toMatchObject({
      kind: 'revision',
      label: 'Task definition web:3',
      path: '/task-definitions/web/3',
    });
  });

  it('caps the results, keeping the best', () => {
    const many = Array.from({ length: 80 }, (_, at) => `cluster-${String(at).padStart(2, '0')}`);
    const groups = search('cluster', { clusters: many }, 50);
    const items = groups.flatMap((group) => group.items);
    expect(items).toHaveLength(50);
    expect(items[0]?.label).toBe('Clusters');
    expect(items[1]?.label).toBe('cluster-00');
  });
});
