import { describe, expect, it } from 'vitest';
import { detectImportKind, looksLikeDockerrun, notesForPanel } from './import-text';

describe('looksLikeDockerrun', () => {
  it('recognises the version member in any spelling', () => {
    expect(looksLikeDockerrun({ AWSEBDockerrunVersion: 2, containerDefinitions: [] })).toBe(true);
    expect(looksLikeDockerrun({ AWSEBDockerrunVersion: '1' })).toBe(true);
    expect(looksLikeDockerrun({ AwsEbDockerRunVersion: 2 })).toBe(true);
  });

  it('recognises the S3 authentication block', () => {
    expect(looksLikeDockerrun({ authentication: { bucket: 'b', key: 'k' } })).toBe(true);
  });

  it('leaves task definitions alone', () => {
    expect(looksLikeDockerrun({ family: 'web', containerDefinitions: [] })).toBe(false);
    expect(looksLikeDockerrun([{ name: 'web' }])).toBe(false);
    expect(looksLikeDockerrun(null)).toBe(false);
  });
});

describe('detectImportKind', () => {
  it('reads parsed text, and goes by the words when it does not parse', () => {
    expect(detectImportKind('{"AWSEBDockerrunVersion": 2}')).toBe('dockerrun');
    expect(detectImportKind('{"AWSEBDockerrunVersion": 2,')).toBe('dockerrun');
    expect(detectImportKind('{"family": "web"}')).toBe('task-definition');
    expect(detectImportKind('not json')).toBe('task-definition');
  });
});

describe('notesForPanel', () => {
  it('keeps unknown fields and placeholders', () => {
    expect(
      notesForPanel([
        { kind: 'null-removed', path: 'a', message: 'x' },
        { kind: 'unknown-field', path: 'b', message: 'y' },
        { kind: 'placeholder', path: 'c', message: 'z' },
      ]).map((note) => note.path),
    ).toEqual(['b', 'c']);
  });
});
