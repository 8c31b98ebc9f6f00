import type { Cluster, Task, TaskDefinition } from '@aws-sdk/client-ecs';
import { describe, expect, it, vi } from 'vitest';
import type { CachedValue } from '../../aws/read-cache.js';
import { NotFoundError } from '../../http/errors.js';
import {
  ImageUsageReader,
  LruMap,
  newestRevisionsFirst,
  toRunningTaskImages,
  toTaskDefinitionImages,
} from './image-usage.js';

describe('toTaskDefinitionImages', () => {
  it('keeps each container with a name and an image', () => {
    expect(
      toTaskDefinitionImages({
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:12',
        family: 'web',
        revision: 12,
        containerDefinitions: [
          { name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2' },
          { name: 'no-image' },
        ],
      }),
    ).toEqual({
      family: 'web',
      revision: 12,
      containers: [
        { name: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2' },
      ],
    });
  });

  it('takes the family from the ARN when the field is missing', () => {
    expect(
      toTaskDefinitionImages({
        taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/cron:3',
        revision: 3,
      }),
    ).toEqual({ family: 'cron', revision: 3, containers: [] });
  });
});

describe('toRunningTaskImages', () => {
  it('reads the task id, its service from the group, and each container digest', () => {
    expect(
      toRunningTaskImages('prod', {
        taskArn: 'arn:aws:ecs:us-east-1:123456789012:task/prod/0f1e2d3c4b5a69788796a5b4c3d2e1f0',
        group: 'service:web',
        containers: [
          { name: 'app', image: 'web:1', imageDigest: `sha256:${'a'.repeat(64)}` },
          { name: 'pending', image: 'web:1' },
          { name: 'unknown' },
        ],
      }),
    ).toEqual({
      cluster: 'prod',
      taskId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      service: 'web',
      containers: [
        { name: 'app', image: 'web:1', imageDigest: `sha256:${'a'.repeat(64)}` },
        { name: 'pending', image: 'web:1' },
      ],
    });
  });

  it('has no service for a standalone task (group family:…)', () => {
    const task = toRunningTaskImages('prod', { taskArn: 'arn:x:task/prod/1', group: 'family:web' });
    expect(task).not.toHaveProperty('service');
  });
});

describe('LruMap', () => {
  it('drops the least recently used entry past its bound', () => {
    const map = new LruMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect([map.get('a'), map.get('c'), map.size]).toEqual([1, 3, 2]);
  });
});

describe('newestRevisionsFirst', () => {
  it("puts each family's newest revision first, then the next newest, …", () => {
    const arn = (name: string) => `arn:aws:ecs:us-east-1:1:task-definition/${name}`;
    const listed = ['api:1', 'api:2', 'api:3', 'web:9', 'web:10'].map(arn);
    expect(newestRevisionsFirst(listed)).toEqual(
      ['api:3', 'web:10', 'api:2', 'web:9', 'api:1'].map(arn),
    );
  });
});

describe('ImageUsageReader', () => {
  const cached = <T>(value: T): CachedValue<T> => ({ value, fetchedAt: 1_000, stale: false });
  const arn = (revision: number) => `arn:aws:ecs:us-east-1:1:task-definition/web:${revision}`;
  const definition = (revision: number): TaskDefinition => ({
    family: 'web',
    revision,
    containerDefinitions: [{ name: 'app', image: `web:${revision}` }],
  });

  function fakeEcs(revisions: number[], describe?: (revision: number) => Promise<void>) {
    const clusters: Cluster[] = [{ clusterName: 'prod', runningTasksCount: 1 }];
    const tasks: Task[] = [
      {
        taskArn: 'arn:aws:ecs:us-east-1:1:task/prod/t1',
        containers: [{ name: 'app', image: 'web:1' }],
      },
    ];
    const taskDefinitionRevision = vi.fn(async (_region: string, reference: string) => {
      const revision = Number(reference.split(':').at(-1));
      await describe?.(revision);
      if (revision === 404) throw new NotFoundError('gone');
      return cached({ taskDefinition: definition(revision), tags: [] });
    });
    return {
      clusters: vi.fn(() => Promise.resolve(cached(clusters))),
      tasks: vi.fn(() => Promise.resolve(cached(tasks))),
      taskDefinitionArns: vi.fn(() => Promise.resolve(cached(revisions.map(arn)))),
      taskDefinitionRevision,
    };
  }

  it('describes each revision once per process, whatever the lower caches keep', async () => {
    const ecs = fakeEcs([1, 2, 404]);
    const reader = new ImageUsageReader(ecs);

    const first = await reader.read('us-east-1');
    const second = await reader.read('us-east-1');

    expect(first.progress).toEqual({
      complete: true,
      taskDefinitionsScanned: 3,
      taskDefinitionsTotal: 3,
      runningTasksKnown: true,
    });
    expect(second.taskDefinitions.map((images) => images.revision).sort()).toEqual([1, 2]);
    // The deleted revision is asked again (it may be back); the others are remembered.
    expect(ecs.taskDefinitionRevision).toHaveBeenCalledTimes(4);
    expect(ecs.taskDefinitionArns).toHaveBeenCalledTimes(2);
  });

  it('keeps at most memoLimit revisions, the least recently used dropped', async () => {
    const ecs = fakeEcs([1, 2, 3]);
    const reader = new ImageUsageReader(ecs, { memoLimit: 2 });
    await reader.read('us-east-1');
    await reader.read('us-east-1');
    expect(ecs.taskDefinitionRevision.mock.calls.length).toBeGreaterThan(3);
  });

  it('answers what the scan found within the bound, then the last complete answer', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const ecs = fakeEcs([1, 2, 3], (revision) => (revision === 1 ? held : Promise.resolve()));
    const reader = new ImageUsageReader(ecs);

    const partial = await reader.read('us-east-1', 10);
    expect(partial.progress).toEqual({
      complete: false,
      taskDefinitionsScanned: 2,
      taskDefinitionsTotal: 3,
      runningTasksKnown: true,
    });
    expect(partial.tasks.map((task) => task.taskId)).toEqual(['t1']);
    expect(partial.taskDefinitions.map((images) => images.revision).sort()).toEqual([2, 3]);

    // One scan at a time: a second read joins it.
    await reader.read('us-east-1', 10);
    expect(ecs.taskDefinitionArns).toHaveBeenCalledTimes(1);

    release();
    const complete = await reader.read('us-east-1', 1_000);
    expect(complete.progress.complete).toBe(true);

    // Later scans that cannot finish within the bound answer the last complete one.
    let releaseAgain = () => {};
    const heldAgain = new Promise<void>((resolve) => (releaseAgain = resolve));
    ecs.taskDefinitionArns.mockImplementation(() => Promise.resolve(cached([1, 2, 3, 4].map(arn))));
    ecs.taskDefinitionRevision.mockImplementationOnce(async () => {
      await heldAgain;
      return cached({ taskDefinition: definition(4), tags: [] });
    });
    const meanwhile = await reader.read('us-east-1', 10);
    expect(meanwhile.progress).toMatchObject({ complete: true, taskDefinitionsTotal: 3 });
    releaseAgain();
    expect((await reader.read('us-east-1', 1_000)).progress).toMatchObject({
      complete: true,
      taskDefinitionsTotal: 4,
    });
  });

  it('ends a scan incomplete, not failed, when a revision cannot be described', async () => {
    const ecs = fakeEcs([1, 2]);
    ecs.taskDefinitionRevision.mockRejectedValueOnce(new Error('throttled'));
    const reader = new ImageUsageReader(ecs);

    expect((await reader.read('us-east-1')).progress).toMatchObject({
      complete: false,
      taskDefinitionsScanned: 1,
    });
    expect((await reader.read('us-east-1')).progress).toMatchObject({
      complete: true,
      taskDefinitionsScanned: 2,
    });
  });
});
