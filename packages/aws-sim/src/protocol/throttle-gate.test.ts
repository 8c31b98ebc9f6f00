import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../control/faults.js';
import { CallStats } from '../control/stats.js';
import { xrayThrottled } from '../services/xray/errors.js';
import { admit } from './throttle-gate.js';
import { Throttler, type ThrottledCall } from './throttle.js';

const call: ThrottledCall = {
  accountId: '000000000000',
  region: 'us-east-1',
  service: 'xray',
  operation: 'GetTraceSummaries',
};

/** A gate whose X-Ray bucket lets one call through and never refills (the clock stands still). */
function gate() {
  const policy = {
    buckets: { read: { burst: 1, refillPerSecond: 1 } },
    categories: { GetTraceSummaries: 'read' },
    unverified: [],
  };
  return {
    stats: new CallStats(),
    faults: new FaultInjector(),
    throttler: new Throttler('aws', () => 0, { xray: policy }),
  };
}

/** `status code` of the error admit() throws, or 'ok'. */
async function outcome(promise: Promise<void>) {
  return promise.then(
    () => 'ok',
    (error: unknown) => {
      const { status, code } = error as { status?: number; code?: string };
      return `${String(status)} ${String(code)}`;
    },
  );
}

const signal = new AbortController().signal;

describe('admit', () => {
  it("answers an empty bucket with the service's own throttling error", async () => {
    const admission = gate();
    expect(await outcome(admit(call, admission, signal, xrayThrottled))).toBe('ok');
    expect(await outcome(admit(call, admission, signal, xrayThrottled))).toBe(
      '429 ThrottledException',
    );
    expect(admission.stats.snapshot()).toMatchObject({
      operations: { 'xray:GetTraceSummaries': 2 },
      throttled: { 'xray:GetTraceSummaries': 1 },
    });
  });

  it('falls back to the 400 ThrottlingException without a hook', async () => {
    const admission = gate();
    await admit(call, admission, signal);
    expect(await outcome(admit(call, admission, signal))).toBe('400 ThrottlingException');
  });

  it("answers an injected throttle with the service's error, before any bucket is drawn", async () => {
    const admission = gate();
    admission.faults.add({
      service: 'xray',
      operations: ['GetTraceSummaries'],
      throttle: true,
      errorRate: 0,
      status: 500,
      latencyMs: 0,
      hang: false,
    });
    expect(await outcome(admit(call, admission, signal, xrayThrottled))).toBe(
      '429 ThrottledException',
    );
    admission.faults.clear();
    // The fault took no token: the bucket's one call is still there.
    expect(await outcome(admit(call, admission, signal, xrayThrottled))).toBe('ok');
  });
});
