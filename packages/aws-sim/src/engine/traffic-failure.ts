import type { JsonObject } from '../services/xray/json.js';
import { epoch } from './traffic-api.js';
import { latency } from './traffic-catalog.js';
import type { TrafficInstance } from './traffic-fleet.js';
import type { Random } from './random.js';

/** How a task failed: an essential container exited (137 for memory), or its health checks. */
export type FailureKind = 'exited' | 'unhealthy';

/** The request was routed to a failing task of `service`. */
export interface Failing {
  service: 'web' | 'api';
  kind: FailureKind;
}

// A dead process resets the connection at once; a hung, unhealthy one lets the load balancer
// give up on it after a while.
const FAILURES: Record<FailureKind, { message: string; median: number }> = {
  exited: { message: 'read ECONNRESET: Connection reset by peer', median: 4 },
  unhealthy: {
    message: 'upstream connect error or disconnect/reset before headers. reset reason: overflow',
    median: 1_500,
  },
};

/** How long the failing hop takes (simulated ms). */
export const failureDelay = (random: Random, kind: FailureKind) =>
  latency(random, FAILURES[kind].median, 0.4);

/** The exception recorded for a request a failing task could not answer. */
export function failureCause(random: Random, kind: FailureKind): JsonObject {
  return {
    exceptions: [
      { id: random.hex(16), type: 'Error', message: FAILURES[kind].message, remote: true },
    ],
  };
}

/**
 * web's call to a failing api task: the internal load balancer answers 502. The task sends
 * nothing itself, so the subsegment names it in `aws.ecs`, where the console can find it.
 */
export function failedApiCall(
  random: Random,
  failing: Failing,
  call: { method: string; url: string; start: number; target: TrafficInstance },
): { subsegment: JsonObject; end: number } {
  const end = call.start + failureDelay(random, failing.kind);
  return {
    end,
    subsegment: {
      id: random.hex(16),
      name: 'api',
      start_time: epoch(call.start),
      end_time: epoch(end),
      namespace: 'remote',
      traced: true,
      http: {
        request: { method: call.method, url: call.url },
        response: { status: 502, content_length: 0 },
      },
      aws: { ecs: call.target.ecs },
      fault: true,
      cause: failureCause(random, failing.kind),
    },
  };
}
