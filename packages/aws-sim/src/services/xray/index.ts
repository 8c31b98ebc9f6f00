import type { RestService } from '../../protocol/rest-json.js';
import { xrayThrottled } from './errors.js';
import {
  batchGetTraces,
  getSamplingRules,
  getSamplingTargets,
  getServiceGraph,
  getTraceGraph,
  putTraceSegments,
} from './operations.js';
import { getTraceSummaries } from './summaries.js';
import { getTimeSeriesServiceStatistics } from './time-series.js';

/** AWS X-Ray on restJson1: every operation is a POST to a fixed path (service model 2016-04-12). */
export const xrayService: RestService = {
  signingName: 'xray',
  throttledError: xrayThrottled,
  routes: [
    {
      method: 'POST',
      path: /^\/TraceSegments$/,
      operation: 'PutTraceSegments',
      handler: putTraceSegments,
    },
    {
      method: 'POST',
      path: /^\/TraceSummaries$/,
      operation: 'GetTraceSummaries',
      handler: getTraceSummaries,
    },
    { method: 'POST', path: /^\/Traces$/, operation: 'BatchGetTraces', handler: batchGetTraces },
    { method: 'POST', path: /^\/TraceGraph$/, operation: 'GetTraceGraph', handler: getTraceGraph },
    {
      method: 'POST',
      path: /^\/ServiceGraph$/,
      operation: 'GetServiceGraph',
      handler: getServiceGraph,
    },
    {
      method: 'POST',
      path: /^\/TimeSeriesServiceStatistics$/,
      operation: 'GetTimeSeriesServiceStatistics',
      handler: getTimeSeriesServiceStatistics,
    },
    {
      method: 'POST',
      path: /^\/GetSamplingRules$/,
      operation: 'GetSamplingRules',
      handler: getSamplingRules,
    },
    {
      method: 'POST',
      path: /^\/SamplingTargets$/,
      operation: 'GetSamplingTargets',
      handler: getSamplingTargets,
    },
  ],
};
