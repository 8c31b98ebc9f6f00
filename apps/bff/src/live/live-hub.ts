import type { Logger } from 'pino';
import type { AwsLayer } from '../aws/aws-layer.js';
import { loadTaskContext } from '../modules/tasks/task-context.js';
import type { HistoryStore } from '../store/types.js';
import { ClusterPoller, type CycleReport, type LiveSink } from './cluster-poller.js';
import type { SharedEcsReads } from './cluster-reader.js';
import type { ScheduleOptions } from './poll-schedule.js';
import { IdSequence, type ReplayBufferOptions } from './replay-buffer.js';
import type { SseOptions } from './sse-stream.js';

export interface LiveHubOptions {
  aws: Pick<AwsLayer, 'clients' | 'budget' | 'ecs'>;
  history: HistoryStore;
  logger: Logger;
  /** DECKHAND_AWS_CALL_BUDGET as the AWS layer got it; undefined (no throttling): pollers are unpaced. */
  budgetShare: number | undefined;
  /** Share of the budget's sustained rate the pollers' own calls may use (default 0.25). */
  budgetFraction?: number;
  /** Poll intervals: watchedMs 5 s, busyMs 2 s, backgroundMs 30 s (or 'off'), maxBackoffMs 5 min. */
  schedule?: Partial<Omit<ScheduleOptions, 'budgetFraction'>>;
  /** How soon a nudge polls (default 500 ms). */
  nudgeMs?: number;
  /** How often startBackground looks for new clusters (default 5 min). */
  rediscoverMs?: number;
  /** Replay buffer per cluster: 2,000 events or 30 minutes by default. */
  replay?: Omit<ReplayBufferOptions, 'now'>;
  /** SSE: heartbeat 10 s (at most 15 s), retry 3 s, slow-client limit 1 MiB. */
  sse?: Partial<SseOptions>;
  /** The first event id minus one; defaults to this process's start in microseconds. */
  idBase?: number;
  now?: () => number;
}

export interface LiveStats {
  pollers: number;
  subscribers: number;
  clusters: {
    region: string;
    cluster: string;
    subscribers: number;
    cycles: number;
    failures: number;
    lastCycle: CycleReport | undefined;
    nextPollInMs: number | undefined;
    bufferedEvents: number;
    position: number;
  }[];
}

const MAX_HEARTBEAT_MS = 15_000;

/**
 * The live side of the BFF: one ClusterPoller per (region, cluster), created on demand, shared
 * by every stream of that cluster and reference-counted by its streams; background pollers keep
 * history without gaps while nobody watches. The lead calls close() on SIGTERM.
 */
export class LiveHub {
  readonly sse: SseOptions;
  readonly logger: Logger;
  private readonly pollers = new Map<string, ClusterPoller>();
  private readonly ids: IdSequence;
  private readonly schedule: ScheduleOptions;
  private readonly now: () => number;
  private readonly discovery: NodeJS.Timeout[] = [];
  private readonly backgroundRegions = new Set<string>();
  private closed = false;

  constructor(private readonly options: LiveHubOptions) {
    this.ids = new IdSequence(options.idBase);
    this.logger = options.logger.child({ component: 'live' });
    this.now = options.now ?? Date.now;
    this.schedule = {
      watchedMs: 5_000,
      busyMs: 2_000,
      backgroundMs: 30_000,
      maxBackoffMs: 5 * 60_000,
      ...options.schedule,
      budgetFraction:
        options.budgetShare === undefined ? undefined : (options.budgetFraction ?? 0.25),
    };
    this.sse = {
      heartbeatMs: Math.min(options.sse?.heartbeatMs ?? 10_000, MAX_HEARTBEAT_MS),
      retryMs: options.sse?.retryMs ?? 3_000,
      maxBufferedBytes: options.sse?.maxBufferedBytes ?? 1024 * 1024,
    };
  }

  /** 404 (NotFoundError) before a stream opens for a cluster ECS does not know; a cheap cached read. */
  async assertCluster(region: string, cluster: string): Promise<void> {
    await this.options.aws.ecs.cluster(region, cluster);
  }

  /** The same for a service stream: a 404 when the service does not exist (cached read). */
  async assertService(region: string, cluster: string, service: string): Promise<void> {
    await this.options.aws.ecs.service(region, cluster, service);
  }

  /**
   * Adds a stream to the cluster's poller (created if need be): `sink.open` gets the replay
   * after `lastEventId` or a reset, then `sink.event` every new event (of `service` only, if set).
   * Returns the unsubscribe; a poller left with no stream drops to background polling (or stops).
   */
  subscribe(
    target: { region: string; cluster: string; service?: string; lastEventId?: string },
    sink: LiveSink,
  ): () => void {
    if (this.closed) {
      sink.end('server shutting down');
      return () => undefined;
    }
    const poller = this.pollerFor(target.region, target.cluster);
    const unsubscribe = poller.subscribe(sink, target.service, target.lastEventId);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      unsubscribe();
      if (poller.watchers === 0 && this.schedule.backgroundMs === 'off')
        this.remove(poller, target.region, target.cluster, 'no more watchers');
    };
  }

  /** Polls a cluster soon (coalesced), when a poller exists: called after a mutation. */
  nudge(region: string, cluster: string): void {
    this.pollers.get(key(region, cluster))?.nudge();
  }

  /** Runs one full cycle now (creating the poller if need be): tests and benchmarks. */
  pollNow(region: string, cluster: string): Promise<CycleReport> {
    return this.pollerFor(region, cluster).pollNow();
  }

  /**
   * Keeps a background poller on every cluster of these regions, found now and again every
   * `rediscoverMs`, so history has no gaps while nobody watches. Nothing with backgroundMs 'off'.
   */
  async startBackground(regions: readonly string[]): Promise<void> {
    if (this.schedule.backgroundMs === 'off' || this.closed) return;
    const discover = async (region: string) => {
      try {
        const { value: clusters } = await this.options.aws.ecs.clusters(region);
        for (const cluster of clusters)
          if (cluster.clusterName && cluster.status === 'ACTIVE' && !this.closed)
            this.pollerFor(region, cluster.clusterName);
      } catch (error) {
        this.logger.warn({ err: error, region }, 'Live: could not list clusters to poll');
      }
    };
    const fresh = regions.filter((region) => !this.backgroundRegions.has(region));
    for (const region of fresh) {
      this.backgroundRegions.add(region);
      const timer = setInterval(
        () => void discover(region),
        this.options.rediscoverMs ?? 5 * 60_000,
      );
      timer.unref();
      this.discovery.push(timer);
    }
    await Promise.all(fresh.map(discover));
  }

  stats(): LiveStats {
    const clusters = [...this.pollers.values()].map((poller) => ({
      ...poller.where,
      subscribers: poller.watchers,
      cycles: poller.cycles,
      failures: poller.failures,
      lastCycle: poller.lastReport,
      nextPollInMs: poller.nextPollInMs,
      bufferedEvents: poller.buffer.size,
      position: poller.buffer.position,
    }));
    return {
      pollers: clusters.length,
      subscribers: clusters.reduce((sum, cluster) => sum + cluster.subscribers, 0),
      clusters,
    };
  }

  /** Ends every stream (a last comment, then the end) and stops every poller. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.discovery.splice(0)) clearInterval(timer);
    const pollers = [...this.pollers.values()];
    this.pollers.clear();
    await Promise.all(pollers.map((poller) => poller.stop('server shutting down')));
  }

  private pollerFor(region: string, cluster: string): ClusterPoller {
    const existing = this.pollers.get(key(region, cluster));
    if (existing) return existing;
    const { aws, history, budgetShare } = this.options;
    const poller = new ClusterPoller({
      region,
      cluster,
      ecs: aws.clients.ecs(region),
      reads: sharedReads(aws.ecs),
      history,
      logger: this.logger,
      ids: this.ids,
      schedule: this.schedule,
      rateOf: budgetShare === undefined ? undefined : (op) => aws.budget.specFor(op).rate,
      taskContext: async (tasks) =>
        (await loadTaskContext(aws.ecs, region, cluster, tasks)).context,
      nudgeMs: this.options.nudgeMs ?? 500,
      replay: this.options.replay ?? {},
      now: this.now,
      onGone: (gone) => {
        if (this.pollers.get(key(region, cluster)) === gone)
          this.pollers.delete(key(region, cluster));
      },
    });
    this.pollers.set(key(region, cluster), poller);
    return poller;
  }

  private remove(poller: ClusterPoller, region: string, cluster: string, why: string): void {
    if (this.pollers.get(key(region, cluster)) === poller)
      this.pollers.delete(key(region, cluster));
    void poller.stop(why);
  }
}

const key = (region: string, cluster: string) => `${region}\n${cluster}`;

/**
 * The shared reads a poller lists through; undefined for a stand-in without them (a test's
 * fake AWS with only the cluster checks), whose pollers then read ECS themselves.
 */
function sharedReads(ecs: AwsLayer['ecs']): SharedEcsReads | undefined {
  const reads = ecs as Partial<SharedEcsReads>;
  return typeof reads.services === 'function' &&
    typeof reads.taskArns === 'function' &&
    typeof reads.tasks === 'function'
    ? ecs
    : undefined;
}
