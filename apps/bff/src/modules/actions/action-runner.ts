import { createHash } from 'node:crypto';
import type { ErrorBody } from '@deckhand/shared';
import { awsRequestIdOf } from '../../aws/ecs-writes.js';
import { isTransientAwsError, toHttpError } from '../../aws/errors.js';
import { ConflictError, HttpError } from '../../http/errors.js';
import type { AuditEntry, AuditLog, IdempotencyStore } from '../../store/types.js';

/** Who asks, where, and under which Idempotency-Key: what the router knows of a mutation. */
export interface ActionContext {
  region: string;
  /** The BFF request id, shared by the `requested` and the final audit line. */
  requestId: string;
  /** `local`, `bearer` or `session:<8 hex>` (http/auth.ts requestActor). */
  actor: string;
  idempotencyKey?: string;
}

/** A mutation's answer; `replayed` when it came from the idempotency store and nothing was done. */
export interface ActionOutcome {
  status: number;
  body: unknown;
  replayed: boolean;
}

/** One mutation, described for the runner: what it is, the AWS call, and how to answer. */
export interface ActionSpec<O, T> {
  /** e.g. `service.scale`. */
  action: string;
  /** e.g. `prod-ec2/web`. */
  target: string;
  /** The validated input, fingerprinted in full. */
  input: unknown;
  /** What the audit log keeps of the input (default: the input). */
  params?: unknown;
  /** Prefix of error messages, e.g. `Scaling service web`. */
  what: string;
  call: () => Promise<O>;
  /** The answer from AWS's output; may throw a named error (a refusal inside a 200). */
  answer: (output: O) => T | Promise<T>;
  /** The short outcome for the audit log. */
  result: (answer: T) => unknown;
  /** Once AWS accepted the call, before the answer is built: drop stale reads, tell the live pollers. */
  after: () => void;
}

/** JSON with object keys sorted at every depth, so equal inputs fingerprint equally. */
export function canonicalJson(value: unknown): string {
  const sort = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sort);
    if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item).filter(([, member]) => member !== undefined);
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([key, member]) => [key, sort(member)]));
    }
    return item;
  };
  return JSON.stringify(sort(value)) ?? 'null';
}

export function requestFingerprint(action: string, region: string, target: string, input: unknown) {
  return createHash('sha256')
    .update(canonicalJson([action, region, target, input]))
    .digest('hex');
}

export type ActionRunner = <O, T>(
  context: ActionContext,
  spec: ActionSpec<O, T>,
) => Promise<ActionOutcome>;

/**
 * Runs mutations with the audit log and the idempotency store around the AWS call. ECS's
 * UpdateService, StopTask, UpdateContainerInstancesState and RegisterTaskDefinition take no
 * clientToken, so a repeated Idempotency-Key is answered here from the stored answer. AWS
 * refusals are stored too (a retried double click gets the same answer); transient failures
 * (throttling, timeouts, AWS unreachable) release the key so that a retry may go through.
 */
export function createActionRunner(deps: {
  audit: AuditLog;
  idempotency: IdempotencyStore;
  now: () => number;
}): ActionRunner {
  const { audit, idempotency } = deps;
  const at = () => new Date(deps.now()).toISOString();

  return async function run<O, T>(context: ActionContext, spec: ActionSpec<O, T>) {
    const key = context.idempotencyKey;
    if (key !== undefined) {
      const fingerprint = requestFingerprint(spec.action, context.region, spec.target, spec.input);
      const begun = await idempotency.begin(key, fingerprint);
      if (begun.state === 'replay') return { ...begun.response, replayed: true };
      if (begun.state === 'in-progress')
        throw new ConflictError('The same request is still running; wait for its answer.');
      if (begun.state === 'mismatch')
        throw new ConflictError('Idempotency-Key was used for a different request.');
    }
    const base: Omit<AuditEntry, 'at' | 'phase'> = {
      requestId: context.requestId,
      actor: context.actor,
      action: spec.action,
      region: context.region,
      target: spec.target,
      params: spec.params ?? spec.input,
      ...(key !== undefined ? { idempotencyKey: key } : {}),
    };

    const fail = async (error: unknown, awsRequestId: string | undefined): Promise<never> => {
      const mapped = toHttpError(error, spec.what);
      const status = mapped instanceof HttpError ? mapped.status : 500;
      const code = mapped instanceof HttpError ? mapped.code : 'internal';
      if (key !== undefined) {
        if (isTransientAwsError(mapped) || status >= 500) await idempotency.release(key);
        else {
          const body: ErrorBody = {
            error: { code, message: mapped.message, requestId: context.requestId },
          };
          await idempotency.complete(key, { status, body });
        }
      }
      await audit.append({
        ...base,
        at: at(),
        phase: 'failed',
        ...(awsRequestId !== undefined ? { awsRequestId } : {}),
        error: { code, message: mapped.message },
      });
      throw mapped;
    };

    // Nothing reaches AWS unless its request is on record first.
    try {
      await audit.append({ ...base, at: at(), phase: 'requested' });
    } catch (error) {
      if (key !== undefined) await idempotency.release(key);
      throw error;
    }
    let output: O;
    try {
      output = await spec.call();
    } catch (error) {
      return fail(error, awsRequestIdOf(error));
    }
    const awsRequestId = awsRequestIdOf(output);
    // AWS accepted the call: what was read before is out of date, whatever the answer holds.
    spec.after();
    let body: T;
    try {
      body = await spec.answer(output);
    } catch (error) {
      return fail(error, awsRequestId);
    }
    if (key !== undefined) await idempotency.complete(key, { status: 200, body });
    await audit.append({
      ...base,
      at: at(),
      phase: 'succeeded',
      ...(awsRequestId !== undefined ? { awsRequestId } : {}),
      result: spec.result(body),
    });
    return { status: 200, body, replayed: false };
  };
}
