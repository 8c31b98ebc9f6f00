import { buildRegistryImage } from '@deckhand/shared/testing';
import { describe, expect, it } from 'vitest';
import { compareScans, filterImages, parseImageView, usageComplete, usageStatus } from './images';

const counts = (critical: number, high: number) => ({
  critical,
  high,
  medium: 0,
  low: 0,
  informational: 0,
  undefined: 0,
});
const tagged = buildRegistryImage({
  digest: `sha256:${'a'.repeat(64)}`,
  tags: ['v1.2', 'latest'],
  scan: { status: 'COMPLETE', counts: counts(1, 0) },
  notUsed: false,
  usedBy: [
    {
      kind: 'task',
      cluster: 'prod',
      taskId: 't1',
      container: 'web',
      digest: `sha256:${'a'.repeat(64)}`,
      drift: true,
    },
  ],
});
const untagged = buildRegistryImage({
  digest: `sha256:${'b'.repeat(64)}`,
  tags: [],
  scan: { status: 'NOT_SCANNED', counts: counts(0, 0) },
  usedBy: [],
  notUsed: true,
});

describe('filterImages', () => {
  it('matches a tag, a digest part or the word untagged', () => {
    expect(filterImages([tagged, untagged], 'V1.')).toEqual([tagged]);
    expect(filterImages([tagged, untagged], 'bbbb')).toEqual([untagged]);
    expect(filterImages([tagged, untagged], 'untag')).toEqual([untagged]);
    expect(filterImages([tagged, untagged], ' ')).toHaveLength(2);
  });

  it('keeps the view: untagged, not used, drift, critical', () => {
    expect(filterImages([tagged, untagged], '', 'untagged')).toEqual([untagged]);
    expect(filterImages([tagged, untagged], '', 'unused')).toEqual([untagged]);
    expect(filterImages([tagged, untagged], '', 'drift')).toEqual([tagged]);
    expect(filterImages([tagged, untagged], '', 'critical')).toEqual([tagged]);
    expect(parseImageView('bogus')).toBe('all');
  });
});

describe('compareScans', () => {
  it('ranks critical over high, and a clean scan over no scan', () => {
    const high = buildRegistryImage({ scan: { status: 'COMPLETE', counts: counts(0, 5) } });
    const clean = buildRegistryImage({ scan: { status: 'COMPLETE', counts: counts(0, 0) } });
    expect(compareScans(tagged, high)).toBeGreaterThan(0);
    expect(compareScans(clean, untagged)).toBeGreaterThan(0);
    expect(compareScans(clean, clean)).toBe(0);
  });
});

describe('usage while the BFF is still finding it', () => {
  const partial = {
    complete: false,
    taskDefinitionsScanned: 812,
    taskDefinitionsTotal: 2025,
    runningTasksKnown: true,
  };

  it('says how far the scan got, and nothing once complete', () => {
    expect(usageStatus(partial)).toBe(
      'Finding what uses these images… 812 of 2,025 task definitions',
    );
    expect(
      usageStatus({ complete: false, taskDefinitionsScanned: 0, runningTasksKnown: false }),
    ).toBe('Finding what uses these images…');
    expect(usageStatus({ ...partial, complete: true })).toBeUndefined();
    expect(usageStatus(undefined)).toBeUndefined();
    expect([usageComplete(undefined), usageComplete(partial)]).toEqual([true, false]);
  });

  it('keeps no image as unused while incomplete, even one marked so', () => {
    expect(filterImages([tagged, untagged], '', 'unused', false)).toEqual([]);
    expect(filterImages([tagged, untagged], '', 'drift', false)).toEqual([tagged]);
  });
});
