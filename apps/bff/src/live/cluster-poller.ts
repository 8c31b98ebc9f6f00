import type { ECSClient, Task as SdkTask } from '@aws-sdk/client-ecs';
import type { TaskContext } from '../modules/tasks/tasks.mapper.js';
import { LiveEvent, serviceOfLiveEvent } from '@deckhand/shared';
import type { Logger } from 'pino';
import type { HistoryStore } from '../store/types.js';
import { inBackground } from '../aws/call-budget.js';
import { ClusterReader, type SharedEcsReads } from './cluster-reader.js';
import { DueTimer } from './due-timer.js';
import { emptyClusterState, pollCluster } from './poll-cycle.js';
import {
  nextDelay,
  pacedPeriodMs,
  type CycleOutcome,
  type RateOf,
  type ScheduleOptions,
} from './poll-schedule.js';
import {
  ReplayBuffer,
  type IdSequence,
  type ReplayBufferOptions,
  type StampedEvent,
  type StreamStart,
} from './replay-buffer.js';

/** One open stream (an SSE response): gets where it starts, then every matching event. */
export interface LiveSink {
  open(start: StreamStart): void;
  event(stamped: StampedEvent): void;
  /** Ends the stream with a last comment (shutdown, cluster gone). */
  end(comment: string): void;
}

export interface PollerOptions {
  region: string;
  cluster: string;
  ecs: ECSClient;
  /** The BFF's shared reads: lists the pages read too go through its cache (cluster-reader.ts). */
  reads?: SharedEcsReads;
  history: HistoryStore;
  logger: Logger;
  ids: IdSequence;
  schedule: ScheduleOptions;
  /** The budget's sustained rate per operation; undefined: unpaced. */
  rateOf: RateOf | undefined;
  /** How soon a nudge polls. */
  nudgeMs: number;
  replay: ReplayBufferOptions;
  now: () => number;
  /** EC2 instance ids and awsvpc ports for the tasks a cycle described (cached reads). */
  taskContext?: (tasks: SdkTask[]) => Promise<TaskContext>;
  /** The cluster no longer exists: the poller has stopped and ended its streams. */
  onGone: (poller: ClusterPoller) => void;
}

export interface CycleReport {
  ok: boolean;
  /** Events published. */
  events: number;
  calls: Record<string, number>;
  durationMs: number;
}

/**
 * The one poller of a (region, cluster), shared by all its streams: polls on a timer whose
 * interval follows the watchers, the rollouts under way, failures and the call budget, and
 * publishes what changed into its replay buffer and to every subscribed stream.
 */
export class ClusterPoller {
  readonly buffer: ReplayBuffer;
  private readonly sinks = new Map<LiveSink, string | undefined>();
  private readonly state = emptyClusterState();
  private readonly abort = new AbortController();
  private readonly reader: ClusterReader;
  private readonly logger: Logger;
  private readonly timer: DueTimer;
  private nudgeAt: number | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private inCycle = false;
  private stopped = false;
  private last: { outcome: CycleOutcome; startedAt: number; endedAt: number } | undefined;
  cycles = 0;
  lastReport: CycleReport | undefined;

  constructor(private readonly options: PollerOptions) {
    this.buffer = new ReplayBuffer(options.ids, { ...options.replay, now: options.now });
    this.reader = new ClusterReader(
      options.ecs,
      options.cluster,
      this.abort.signal,
      options.reads ? { region: options.region, reads: options.reads } : undefined,
    );
    this.logger = options.logger.child({ region: options.region, cluster: options.cluster });
    this.timer = new DueTimer(() => void this.pollNow(), options.now);
    this.timer.set(options.now());
  }

  get where(): { region: string; cluster: string } {
    return { region: this.options.region, cluster: this.options.cluster };
  }

  get watchers(): number {
    return this.sinks.size;
  }

  get failures(): number {
    return this.last?.outcome.failures ?? 0;
  }

  /** Milliseconds until the next scheduled cycle; undefined when none is scheduled. */
  get nextPollInMs(): number | undefined {
    const due = this.timer.due;
    return due === undefined ? undefined : Math.max(0, due - this.options.now());
  }

  /** Opens a stream at its start (replay or reset) and adds it; returns its unsubscribe. */
  subscribe(sink: LiveSink, service: string | undefined, lastEventId: string | undefined) {
    // Synchronous from resume to registration: no event can fall between replay and live.
    sink.open(this.buffer.resume(lastEventId, service));
    this.sinks.set(sink, service);
    this.reschedule();
    return () => {
      if (this.sinks.delete(sink)) this.reschedule();
    };
  }

  /** Runs a full cycle that starts after this call (queued behind one in flight). */
  pollNow(): Promise<CycleReport> {
    const run = this.chain.then(() => this.cycle());
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Polls within `nudgeMs` (after a mutation); nudges in a burst share one cycle. */
  nudge(): void {
    if (this.stopped) return;
    this.nudgeAt ??= this.options.now() + this.options.nudgeMs;
    this.reschedule();
  }

  /** Stops polling and ends every stream with `comment`; resolves once a cycle in flight has settled. */
  stop(comment: string): Promise<void> {
    if (!this.stopped) {
      this.stopped = true;
      this.timer.clear();
      this.abort.abort();
      for (const sink of this.sinks.keys()) sink.end(comment);
      this.sinks.clear();
    }
    return this.chain.then(() => undefined);
  }

  private async cycle(): Promise<CycleReport> {
    const startedAt = this.options.now();
    const report: CycleReport = { ok: false, events: 0, calls: {}, durationMs: 0 };
    if (this.stopped) return report;
    this.timer.clear();
    this.nudgeAt = undefined;
    this.inCycle = true;
    const { region, cluster } = this.options;
    let busy = this.last?.outcome.busy ?? false;
    try {
      // Nobody waits on a poll: its calls queue behind the pages' in the call budget.
      const result = await inBackground(() =>
        pollCluster(
          this.state,
          this.reader,
          this.options.history,
          { region, cluster },
          this.logger,
          this.options.taskContext,
        ),
      );
      if (!this.stopped)
        for (const event of result.events) if (this.publish(event)) report.events += 1;
      busy = result.busy;
      report.ok = true;
    } catch (error) {
      if (!this.stopped && isClusterGone(error)) {
        this.logger.info('Cluster no longer exists; its live poller stops');
        void this.stop(`error: cluster ${cluster} no longer exists in ${region}`);
        this.options.onGone(this);
      } else if (!this.stopped) {
        this.logger.warn(
          { err: error, failures: this.failures + 1 },
          'Live poll failed; retrying later',
        );
      }
    } finally {
      this.inCycle = false;
    }
    report.calls = this.reader.takeCalls();
    const endedAt = this.options.now();
    report.durationMs = endedAt - startedAt;
    const failures = report.ok ? 0 : this.failures + 1;
    this.last = {
      outcome: { watchers: 0, busy, failures, calls: report.calls, durationMs: report.durationMs },
      startedAt,
      endedAt,
    };
    this.cycles += 1;
    this.lastReport = report;
    this.reschedule();
    return report;
  }

  /** Validates with the shared contract, buffers and fans out; false if it was dropped. */
  private publish(event: LiveEvent): boolean {
    const parsed = LiveEvent.safeParse(event);
    if (!parsed.success) {
      this.logger.error(
        { issues: parsed.error.issues, type: event.type },
        'Dropped an invalid live event',
      );
      return false;
    }
    const stamped = this.buffer.append(parsed.data);
    const service = serviceOfLiveEvent(parsed.data);
    for (const [sink, filter] of this.sinks)
      if (filter === undefined || filter === service) sink.event(stamped);
    return true;
  }

  /** Sets the timer from the last cycle, the watchers now and a pending nudge. */
  private reschedule(): void {
    if (this.stopped || this.inCycle || !this.last) return;
    const { outcome, startedAt, endedAt } = this.last;
    const { schedule, rateOf } = this.options;
    const delay = nextDelay({ ...outcome, watchers: this.watchers }, schedule, rateOf);
    let due = delay === undefined ? undefined : endedAt + delay;
    if (this.nudgeAt !== undefined) {
      // A nudge may come early, but not earlier than the call budget allows.
      const fraction = schedule.budgetFraction;
      const paced =
        rateOf && fraction ? startedAt + pacedPeriodMs(outcome.calls, rateOf, fraction) : 0;
      due = Math.min(due ?? Number.POSITIVE_INFINITY, Math.max(this.nudgeAt, paced));
    }
    if (due === undefined) this.timer.clear();
    else this.timer.set(due);
  }
}

/** ECS's ClusterNotFoundException, as the SDK throws it or under a shared read's named error. */
function isClusterGone(error: unknown): boolean {
  const named = error as { name?: unknown; cause?: { name?: unknown } } | undefined;
  return (
    named?.name === 'ClusterNotFoundException' || named?.cause?.name === 'ClusterNotFoundException'
  );
}
