import type { JsonObject } from '@deckhand/shared/taskdef';
import { describe, expect, it } from 'vitest';
import {
  insertItem,
  moveItem,
  removeIn,
  renameKey,
  setIn,
  setOrRemove,
  updateIn,
} from './json-edit';

const doc = (): JsonObject => ({
  family: 'web',
  'x-team': 'payments',
  containerDefinitions: [
    { name: 'web', image: 'nginx', dockerLabels: { a: '1' } },
    { name: 'sidecar', image: 'envoy' },
  ],
  runtimePlatform: { cpuArchitecture: 'ARM64' },
});

describe('json edits', () => {
  it('sets a member without touching the argument, keeping order and unchanged branches', () => {
    const before = doc();
    const frozen = structuredClone(before);
    const after = setIn(before, ['containerDefinitions', 0, 'image'], 'nginx:1.27');
    expect(before).toEqual(frozen);
    expect(after.containerDefinitions).not.toBe(before.containerDefinitions);
    const [first, second] = after.containerDefinitions as JsonObject[];
    const [oldFirst, oldSecond] = before.containerDefinitions as JsonObject[];
    expect(first?.image).toBe('nginx:1.27');
    expect(Object.keys(first ?? {})).toEqual(['name', 'image', 'dockerLabels']);
    expect(first?.dockerLabels).toBe(oldFirst?.dockerLabels);
    expect(second).toBe(oldSecond);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after['x-team']).toBe('payments');
  });

  it('creates the objects and arrays on the way, new members last', () => {
    const after = setIn(
      { family: 'a' },
      ['containerDefinitions', 0, 'portMappings', 0, 'containerPort'],
      80,
    );
    expect(after).toEqual({
      family: 'a',
      containerDefinitions: [{ portMappings: [{ containerPort: 80 }] }],
    });
  });

  it('returns the same document when nothing changes', () => {
    const before = doc();
    expect(setIn(before, ['family'], 'web')).toBe(before);
    expect(removeIn(before, ['nothing', 'here'])).toBe(before);
    expect(removeIn(before, ['containerDefinitions', 5])).toBe(before);
  });

  it('removes members and array elements; undefined removes', () => {
    const before = doc();
    expect(removeIn(before, ['family']).family).toBeUndefined();
    expect(Object.hasOwn(setOrRemove(before, ['family'], undefined), 'family')).toBe(false);
    const removed = removeIn(before, ['containerDefinitions', 0]);
    expect((removed.containerDefinitions as JsonObject[]).map((c) => c.name)).toEqual(['sidecar']);
  });

  it('prunes the objects an edit leaves empty only when asked', () => {
    const before = doc();
    expect(removeIn(before, ['runtimePlatform', 'cpuArchitecture']).runtimePlatform).toEqual({});
    const pruned = removeIn(before, ['runtimePlatform', 'cpuArchitecture'], { prune: true });
    expect(Object.hasOwn(pruned, 'runtimePlatform')).toBe(false);
  });

  it('inserts, moves and renames, keeping places', () => {
    const before = doc();
    const inserted = insertItem(before, ['containerDefinitions'], { name: 'copy' }, 1);
    expect((inserted.containerDefinitions as JsonObject[]).map((c) => c.name)).toEqual([
      'web',
      'copy',
      'sidecar',
    ]);
    const appended = insertItem({}, ['tags'], { key: 'a' });
    expect(appended).toEqual({ tags: [{ key: 'a' }] });
    const moved = moveItem(before, ['containerDefinitions'], 1, 0);
    expect((moved.containerDefinitions as JsonObject[]).map((c) => c.name)).toEqual([
      'sidecar',
      'web',
    ]);
    expect(moveItem(before, ['containerDefinitions'], 1, 2)).toBe(before);
    const options = { logConfiguration: { options: { a: '1', b: '2', c: '3' } } };
    const renamed = renameKey(options, ['logConfiguration', 'options'], 'b', 'z');
    expect(Object.keys((renamed.logConfiguration as JsonObject).options as JsonObject)).toEqual([
      'a',
      'z',
      'c',
    ]);
    expect(renameKey(options, ['logConfiguration', 'options'], 'a', 'c')).toBe(options);
  });

  it('replaces a wrongly typed holder only when writing through it', () => {
    const before: JsonObject = { healthCheck: 'yes' };
    expect(removeIn(before, ['healthCheck', 'interval'])).toBe(before);
    expect(updateIn(before, ['healthCheck', 'interval'], () => 30)).toEqual({
      healthCheck: { interval: 30 },
    });
  });

  it('keeps a member named __proto__ as data', () => {
    const after = setIn({}, ['dockerLabels', '__proto__'], 'x');
    expect(Object.hasOwn(after.dockerLabels as JsonObject, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
