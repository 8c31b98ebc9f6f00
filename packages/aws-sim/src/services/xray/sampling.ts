import type { Input } from '../../protocol/input.js';
import { invalidRequest } from './errors.js';
import { isObject } from './json.js';

/**
 * The rule every new AWS account has: the first request each second, then 5% of the rest.
 * Kept as AWS ships it rather than 100%: an app developed against the simulator then samples
 * exactly as it will in production, and one request a second already traces every click of a
 * developer trying things by hand, while a load test does not flood the store.
 */
export const DEFAULT_SAMPLING_RULE = {
  RuleName: 'Default',
  ResourceARN: '*',
  Priority: 10_000,
  FixedRate: 0.05,
  ReservoirSize: 1,
  ServiceName: '*',
  ServiceType: '*',
  Host: '*',
  HTTPMethod: '*',
  URLPath: '*',
  Version: 1,
  Attributes: {},
} as const;

/** When the Default rule was last changed: fixed, so SDK rule caches never see a change. */
const RULE_MODIFIED_AT = 1_530_000_000;
/** How often the SDKs should report (seconds) and how long a reservoir quota lasts. */
const TARGET_INTERVAL = 10;

export interface SamplingScope {
  region: string;
  accountId: string;
}

/** GetSamplingRules (`POST /GetSamplingRules`), as AWS and the daemon's proxy answer it. */
export function samplingRules({ region, accountId }: SamplingScope) {
  return {
    SamplingRuleRecords: [
      {
        SamplingRule: {
          ...DEFAULT_SAMPLING_RULE,
          RuleARN: `arn:aws:xray:${region}:${accountId}:sampling-rule/Default`,
        },
        CreatedAt: 0,
        ModifiedAt: RULE_MODIFIED_AT,
      },
    ],
  };
}

const count = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** GetSamplingTargets (`POST /SamplingTargets`): the SDK reports its counts, gets its quota. */
export function samplingTargets(body: Input, nowSeconds: number) {
  const documents = body.SamplingStatisticsDocuments;
  if (!Array.isArray(documents)) throw invalidRequest('SamplingStatisticsDocuments is required.');
  if (documents.length > 25)
    throw invalidRequest('SamplingStatisticsDocuments holds at most 25 documents.');
  const targets = [];
  const unprocessed = [];
  for (const document of documents) {
    if (
      !isObject(document) ||
      typeof document.RuleName !== 'string' ||
      typeof document.ClientID !== 'string' ||
      document.ClientID.length !== 24 ||
      typeof document.Timestamp !== 'number' ||
      !count(document.RequestCount) ||
      !count(document.SampledCount)
    )
      throw invalidRequest(
        'Each sampling statistics document needs RuleName, a 24-character ClientID, Timestamp, RequestCount and SampledCount.',
      );
    if (document.RuleName !== DEFAULT_SAMPLING_RULE.RuleName) {
      unprocessed.push({
        RuleName: document.RuleName,
        ErrorCode: '400',
        Message: `Sampling rule ${document.RuleName} does not exist.`,
      });
      continue;
    }
    targets.push({
      RuleName: DEFAULT_SAMPLING_RULE.RuleName,
      FixedRate: DEFAULT_SAMPLING_RULE.FixedRate,
      // One client here, so it gets the whole reservoir; AWS splits it among active clients.
      ReservoirQuota: DEFAULT_SAMPLING_RULE.ReservoirSize,
      ReservoirQuotaTTL: Math.floor(nowSeconds) + TARGET_INTERVAL,
      Interval: TARGET_INTERVAL,
    });
  }
  return {
    SamplingTargetDocuments: targets,
    LastRuleModification: RULE_MODIFIED_AT,
    UnprocessedStatistics: unprocessed,
  };
}
