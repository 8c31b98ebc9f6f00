import { describe, expect, it } from 'vitest';
import { comparePath, editRevisionPath, newTaskDefinitionPath } from './links';

describe('studio links', () => {
  it('keep the region', () => {
    expect(editRevisionPath('web', 7, 'eu-west-1')).toBe(
      '/task-definitions/web/7/edit?region=eu-west-1',
    );
    expect(newTaskDefinitionPath(undefined)).toBe('/task-definitions/new');
    expect(comparePath('web', { from: 6, to: 7 }, 'eu-west-1')).toBe(
      '/task-definitions/web/compare?from=6&to=7&region=eu-west-1',
    );
    expect(comparePath('a b', {}, undefined)).toBe('/task-definitions/a%20b/compare');
  });
});
