import { diffTaskDefinitions } from '@deckhand/shared/taskdef';
import { useMemo } from 'react';
import { EmptyState } from '../../../components/ui/empty-state';
import { ChangeSummary } from './change-summary';
import { SideBySideDiff } from './side-by-side-diff';

/**
 * Two task definitions compared: both sides normalised as ECS does on register (so a revision and
 * the draft it came from do not differ by `essential: true` or `"512"` vs `512`), the semantic
 * summary above, the side-by-side JSON below.
 */
export function TaskDefinitionDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: unknown;
  after: unknown;
  beforeLabel: string;
  afterLabel: string;
}) {
  const diff = useMemo(() => diffTaskDefinitions(before, after), [before, after]);
  const beforeText = useMemo(() => JSON.stringify(diff.before, null, 2), [diff]);
  const afterText = useMemo(() => JSON.stringify(diff.after, null, 2), [diff]);

  return (
    <div className="space-y-4">
      {diff.changes.length === 0 ? (
        <EmptyState title="No differences">
          {beforeLabel} and {afterLabel} are the same once normalised as ECS registers them.
        </EmptyState>
      ) : (
        <ChangeSummary changes={diff.changes} />
      )}
      <SideBySideDiff
        before={beforeText}
        after={afterText}
        beforeLabel={beforeLabel}
        afterLabel={afterLabel}
      />
    </div>
  );
}
