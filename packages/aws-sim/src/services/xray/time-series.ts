import type { Input } from '../../protocol/input.js';
import type { RestContext } from '../../protocol/rest-json.js';
import { traceFacts, type Sample, type TraceFacts } from './analysis.js';
import { invalidRequest } from './errors.js';
import { parseFilter } from './filter-parser.js';
import { optionalText, timeWindow } from './input.js';
import { Statistics } from './shapes.js';

const PERIODS = new Set([60, 300, 3600]);
/** A day of minutes; longer series are refused rather than built without bound. */
const MAX_POINTS = 1440;

/** The samples a selector picks: one service's calls, or (no selector) the calls into the roots. */
function selector(expression: string | undefined): (facts: TraceFacts) => Sample[] {
  if (expression === undefined) {
    return (facts) =>
      facts.edgeSamples.filter((edge) => edge.from.type === 'client').map((edge) => edge.sample);
  }
  const node = parseFilter(expression);
  if (node.kind !== 'service')
    throw invalidRequest(
      'EntitySelectorExpression: the simulator supports service("name") selectors only.',
    );
  return (facts) =>
    facts.nodeSamples
      .filter((sample) => sample.node.name === node.name && sample.node.type !== 'remote')
      .map((sample) => sample.sample);
}

/**
 * GetTimeSeriesServiceStatistics: per-Period statistics of one service (`service("name")`) or,
 * without a selector, of the edges into the entry services, as AWS returns by default.
 */
export function getTimeSeriesServiceStatistics({
  body,
  state,
  clock,
}: RestContext & { body: Input }) {
  const { start, end } = timeWindow(body);
  const period = body.Period ?? 60;
  if (typeof period !== 'number' || !PERIODS.has(period))
    throw invalidRequest('Period must be 60, 300 or 3600 seconds.');
  const expression = optionalText(body, 'EntitySelectorExpression');
  const pick = selector(expression);
  const first = Math.floor(start / period) * period;
  const count = Math.ceil((end - first) / period);
  if (count > MAX_POINTS)
    throw invalidRequest(
      `The time range holds more than ${MAX_POINTS} periods; use a longer Period.`,
    );

  const buckets = Array.from({ length: count }, () => new Statistics());
  for (const trace of state.traces.overlapping(start, end, clock.now())) {
    for (const sample of pick(traceFacts(trace))) {
      if (sample.end < start || sample.end > end) continue;
      buckets[Math.floor((sample.end - first) / period)]?.add(
        sample.outcome,
        sample.end - sample.start,
      );
    }
  }
  const member = expression === undefined ? 'EdgeSummaryStatistics' : 'ServiceSummaryStatistics';
  return {
    TimeSeriesServiceStatistics: buckets.map((stats, index) => ({
      Timestamp: first + index * period,
      [member]: stats.summary(),
      ResponseTimeHistogram: stats.histogramEntries(),
    })),
    ContainsOldGroupVersions: false,
  };
}
