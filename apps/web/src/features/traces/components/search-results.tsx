import type { TraceSummary } from '@deckhand/shared';
import { Button } from '../../../components/ui/button';
import { MUTED } from '../../../components/ui/styles';
import { listedTraces, scatterPoints, type DurationRange } from '../lib/search-stats';
import { DurationScatter } from './duration-scatter';
import { LatencyHistogram } from './latency-histogram';
import { TracesTable } from './traces-table';

/**
 * The loaded traces: the latency histogram (whose selection narrows the list), duration over
 * time, the list newest first, and "Load more" while X-Ray has older pages.
 */
export function SearchResults({
  traces,
  region,
  durationRange,
  onDurationRangeChange,
  onOpen,
  more,
}: {
  traces: readonly TraceSummary[];
  region: string | undefined;
  durationRange: DurationRange | undefined;
  onDurationRangeChange: (range: DurationRange | undefined) => void;
  onOpen: (traceId: string) => void;
  more: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => void };
}) {
  const listed = listedTraces(traces, durationRange);
  return (
    <div className="space-y-4">
      {traces.length > 0 && (
        <div className="grid gap-4 lg:grid-cols-2">
          <LatencyHistogram
            durations={traces.map((trace) => trace.duration)}
            range={durationRange}
            onRangeChange={onDurationRangeChange}
          />
          <DurationScatter points={scatterPoints(traces)} onOpen={onOpen} />
        </div>
      )}
      {listed.length > 0 ? (
        <TracesTable traces={listed} region={region} />
      ) : traces.length > 0 ? (
        <p className={`text-sm ${MUTED}`}>
          None of the {traces.length} loaded traces is in this duration range; clear it or load
          more.
        </p>
      ) : (
        // X-Ray can answer a page with no summaries and a NextToken: it has more to scan.
        <p className={`text-sm ${MUTED}`}>No traces on this page; X-Ray has more to scan.</p>
      )}
      {more.hasNextPage && (
        <div className="flex justify-center">
          <Button onClick={more.fetchNextPage} disabled={more.isFetchingNextPage}>
            {more.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      )}
    </div>
  );
}
