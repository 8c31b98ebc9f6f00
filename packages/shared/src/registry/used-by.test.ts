import { describe, expect, it } from 'vitest';
import { computeUsedBy, type UsedByInput } from './used-by.js';

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';
const URI = `${ECR}/web`;
const digest = (char: string) => `sha256:${char.repeat(64)}`;
const OLD = digest('1');
const CURRENT = digest('2');
const UNTAGGED = digest('3');

const images = [
  { digest: OLD, tags: ['1.0'] },
  { digest: CURRENT, tags: ['1.1', 'latest', 'stable'] },
  { digest: UNTAGGED, tags: [] },
];

function input(overrides: Partial<UsedByInput> = {}): UsedByInput {
  return { repositoryUri: URI, images, taskDefinitions: [], tasks: [], ...overrides };
}

describe('computeUsedBy: task definitions', () => {
  it('resolves tags (latest by default) and digests to the image they name now', () => {
    const uses = computeUsedBy(
      input({
        taskDefinitions: [
          { family: 'web', revision: 7, containers: [{ name: 'app', image: `${URI}:stable` }] },
          { family: 'web', revision: 6, containers: [{ name: 'app', image: `${URI}:1.0` }] },
          { family: 'cron', revision: 1, containers: [{ name: 'job', image: URI }] },
          {
            family: 'pinned',
            revision: 2,
            containers: [{ name: 'app', image: `${URI}:stable@${UNTAGGED}` }],
          },
        ],
      }),
    );
    expect(uses.get(CURRENT)?.usedBy).toEqual([
      { kind: 'task-definition', family: 'cron', revision: 1, container: 'job', via: 'tag' },
      { kind: 'task-definition', family: 'web', revision: 7, container: 'app', via: 'tag' },
    ]);
    expect(uses.get(OLD)?.usedBy).toEqual([
      { kind: 'task-definition', family: 'web', revision: 6, container: 'app', via: 'tag' },
    ]);
    // The digest wins over the tag written next to it.
    expect(uses.get(UNTAGGED)?.usedBy).toEqual([
      { kind: 'task-definition', family: 'pinned', revision: 2, container: 'app', via: 'digest' },
    ]);
  });

  it('ignores other repositories, unknown tags and unparseable images', () => {
    const uses = computeUsedBy(
      input({
        taskDefinitions: [
          {
            family: 'mixed',
            revision: 1,
            containers: [
              { name: 'worker', image: `${ECR}/web-worker:1.1` },
              { name: 'hub', image: 'web:1.1' },
              { name: 'gone', image: `${URI}:0.9` },
              { name: 'bad', image: 'not a reference' },
              { name: 'other-digest', image: `${URI}@${digest('9')}` },
            ],
          },
        ],
      }),
    );
    expect([...uses.values()].every((use) => use.notUsed && use.usedBy.length === 0)).toBe(true);
  });
});

describe('computeUsedBy: running tasks', () => {
  it('lists a task under the digest it runs, with drift when its tag has moved since', () => {
    const uses = computeUsedBy(
      input({
        tasks: [
          {
            cluster: 'prod',
            taskId: 'b2',
            service: 'web',
            containers: [{ name: 'app', image: `${URI}:stable`, imageDigest: OLD }],
          },
          {
            cluster: 'prod',
            taskId: 'a1',
            service: 'web',
            containers: [{ name: 'app', image: `${URI}:stable`, imageDigest: CURRENT }],
          },
        ],
      }),
    );
    expect(uses.get(OLD)?.usedBy).toEqual([
      {
        kind: 'task',
        cluster: 'prod',
        taskId: 'b2',
        service: 'web',
        container: 'app',
        digest: OLD,
        drift: true,
      },
    ]);
    expect(uses.get(CURRENT)?.usedBy).toEqual([
      {
        kind: 'task',
        cluster: 'prod',
        taskId: 'a1',
        service: 'web',
        container: 'app',
        digest: CURRENT,
        drift: false,
      },
    ]);
  });

  it('marks drift when the tag was removed, never for a reference pinned by digest', () => {
    const uses = computeUsedBy(
      input({
        tasks: [
          {
            cluster: 'prod',
            taskId: 't1',
            containers: [
              { name: 'removed-tag', image: `${URI}:0.9`, imageDigest: UNTAGGED },
              { name: 'pinned', image: `${URI}@${UNTAGGED}`, imageDigest: UNTAGGED },
            ],
          },
        ],
      }),
    );
    const usedBy = uses.get(UNTAGGED)?.usedBy ?? [];
    expect(usedBy.map((use) => use.kind === 'task' && [use.container, use.drift])).toEqual([
      ['pinned', false],
      ['removed-tag', true],
    ]);
    expect(usedBy[0]).not.toHaveProperty('service');
  });

  it('falls back to what the reference resolves to when ECS has no digest yet', () => {
    const uses = computeUsedBy(
      input({
        tasks: [{ cluster: 'c', taskId: 't', containers: [{ name: 'app', image: URI }] }],
      }),
    );
    expect(uses.get(CURRENT)?.usedBy).toMatchObject([
      { kind: 'task', taskId: 't', digest: CURRENT, drift: false },
    ]);
  });

  it('ignores a task running a digest the repository no longer holds', () => {
    const uses = computeUsedBy(
      input({
        tasks: [
          {
            cluster: 'c',
            taskId: 't',
            containers: [{ name: 'app', image: `${URI}:1.1`, imageDigest: digest('f') }],
          },
        ],
      }),
    );
    expect([...uses.values()].every((use) => use.notUsed)).toBe(true);
  });
});

describe('computeUsedBy: notUsed', () => {
  it('has an entry per image and marks only images nothing references', () => {
    const uses = computeUsedBy(
      input({
        taskDefinitions: [{ family: 'web', revision: 1, containers: [{ name: 'a', image: URI }] }],
        tasks: [
          {
            cluster: 'c',
            taskId: 't',
            containers: [{ name: 'a', image: `${URI}:1.0`, imageDigest: OLD }],
          },
        ],
      }),
    );
    expect([...uses.keys()].sort()).toEqual([OLD, CURRENT, UNTAGGED].sort());
    expect(uses.get(CURRENT)?.notUsed).toBe(false);
    expect(uses.get(OLD)?.notUsed).toBe(false);
    expect(uses.get(UNTAGGED)?.notUsed).toBe(true);
  });

  it('marks nothing notUsed while the scan is incomplete, and keeps what it found', () => {
    const uses = computeUsedBy(
      input({
        complete: false,
        tasks: [
          {
            cluster: 'c',
            taskId: 't',
            containers: [{ name: 'a', image: `${URI}:1.0`, imageDigest: CURRENT }],
          },
        ],
      }),
    );
    expect([...uses.values()].some((use) => use.notUsed)).toBe(false);
    expect(uses.get(UNTAGGED)).toEqual({ usedBy: [], notUsed: false });
    expect(uses.get(CURRENT)?.usedBy).toEqual([
      expect.objectContaining({ kind: 'task', taskId: 't', drift: true }),
    ]);
  });

  it('lists task definitions before tasks', () => {
    const uses = computeUsedBy(
      input({
        taskDefinitions: [{ family: 'z', revision: 1, containers: [{ name: 'a', image: URI }] }],
        tasks: [{ cluster: 'a', taskId: 't', containers: [{ name: 'a', image: URI }] }],
      }),
    );
    expect(uses.get(CURRENT)?.usedBy.map((use) => use.kind)).toEqual(['task-definition', 'task']);
  });
});
