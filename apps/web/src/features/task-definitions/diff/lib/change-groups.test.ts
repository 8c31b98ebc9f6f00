import type { DiffChange } from '@deckhand/shared/taskdef';
import { describe, expect, it } from 'vitest';
import { countCategories, formatChangeValue, groupChanges, shortLabel } from './change-groups';

const change = (overrides: Partial<DiffChange>): DiffChange => ({
  kind: 'changed',
  category: 'other',
  path: 'x',
  label: 'x',
  ...overrides,
});

describe('groupChanges', () => {
  it('puts task-level changes first, then containers in order of appearance', () => {
    const groups = groupChanges([
      change({ container: 'web', category: 'image' }),
      change({ category: 'resources' }),
      change({ container: 'sidecar', category: 'ports' }),
      change({ container: 'web', category: 'environment' }),
    ]);
    expect(groups.map((group) => [group.container, group.changes.length])).toEqual([
      [undefined, 1],
      ['web', 2],
      ['sidecar', 1],
    ]);
  });

  it('has no task group without task-level changes', () => {
    expect(groupChanges([change({ container: 'web' })]).map((group) => group.container)).toEqual([
      'web',
    ]);
  });
});

describe('countCategories', () => {
  it('counts per category, most frequent first', () => {
    expect(
      countCategories([
        change({ category: 'image' }),
        change({ category: 'environment' }),
        change({ category: 'environment' }),
      ]),
    ).toEqual([
      { category: 'environment', count: 2 },
      { category: 'image', count: 1 },
    ]);
  });
});

describe('formatChangeValue', () => {
  it('shows strings as they are, other values as JSON, and cuts long ones', () => {
    expect(formatChangeValue('web:1.4.2')).toBe('web:1.4.2');
    expect(formatChangeValue(512)).toBe('512');
    expect(formatChangeValue({ a: 1 })).toBe('{"a":1}');
    expect(formatChangeValue(undefined)).toBe('—');
    expect(formatChangeValue('x'.repeat(200), 10)).toBe('xxxxxxxxx…');
  });

  it('shows an env or secret entry by its value (the label names it)', () => {
    expect(formatChangeValue({ name: 'PORT', value: '8080' })).toBe('8080');
    expect(formatChangeValue({ name: 'DB', valueFrom: 'arn:aws:ssm:x' })).toBe('arn:aws:ssm:x');
    expect(formatChangeValue({ name: 'a', b: 1, c: 2 })).toBe('{"name":"a","b":1,"c":2}');
  });
});

describe('shortLabel', () => {
  it('drops the group the change is shown under', () => {
    expect(shortLabel(change({ container: 'web', label: 'web › env PORT' }))).toBe('env PORT');
    expect(shortLabel(change({ label: 'task › memory' }))).toBe('memory');
    expect(shortLabel(change({ container: 'web', label: 'other' }))).toBe('other');
  });
});
