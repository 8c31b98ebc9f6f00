import type { ScenarioContext } from '../scenarios/index.js';
import type { SimClock } from './clock.js';
import { advanceFleet } from './fleet.js';
import { Random } from './random.js';
import type { World } from './region-state.js';
import type { Failing, FailureKind } from './traffic-failure.js';
import {
  syntheticInstances,
  targetsAt,
  trafficTargets,
  type TrafficInstance,
  type TrafficTarget,
} from './traffic-fleet.js';
import { simulateRequest, type EmittedDocument } from './traffic-trace.js';

export interface TrafficOptions {
  /** The cluster synthetic tasks claim to run in while the services have no task in rotation. */
  cluster: string;
  /** Mean requests per simulated second. */
  ratePerSecond?: number;
  /** How much simulated history to fill at start, so the console has traces at once. */
  prefillMs?: number;
}

export interface Traffic {
  stop(): void;
}

const DEFAULT_RATE = 2;
const DEFAULT_PREFILL_MS = 15 * 60 * 1000;
/** Real ms between ticks, whatever the clock speed: often enough to look live, cheap enough. */
const TICK_MS = { min: 50, max: 1_000 };
/**
 * Simulated time one tick may generate (a few ms of work): ticks keep the store live when
 * nobody reads, without blocking the event loop for the whole prefill. Reads catch up fully.
 */
const TICK_BUDGET_MS = 10_000;

// The traffic of each world, so the simulator can stop it (on stop() and before a reset)
// without scenarios having to hand anything back.
const running = new WeakMap<World, Set<Traffic>>();

/** Stops every traffic generator of a world. */
export function stopTraffic(world: World): void {
  for (const traffic of running.get(world) ?? []) traffic.stop();
  running.delete(world);
}

/**
 * Steady simulated requests through the demo's services, on the simulated clock: Poisson
 * arrivals at `ratePerSecond`, each producing the segment documents its services would send,
 * stored when they would arrive. Deterministic for a seed; the timer is unref'd. The last
 * `prefillMs` are there from the first read. Each request goes to a task of web and of api that
 * was in rotation at that moment; those routed to a task that just failed come back as faults.
 */
export function startTraffic(context: ScenarioContext, options: TrafficOptions): Traffic {
  const { world, region, clock } = context;
  // Its own stream, so fleet activity and API calls do not change which requests happen.
  const random = new Random(context.random.int(1, 2 ** 31));
  // The fleet's own Random (the simulator's), to bring the fleet up to date as handlers do.
  const generator = new TrafficGenerator(world, region, clock, random, context.random, options);
  const traffic = { stop: () => generator.stop() };
  const set = running.get(world) ?? new Set<Traffic>();
  set.add(traffic);
  running.set(world, set);
  generator.start();
  return traffic;
}

class TrafficGenerator {
  private nextArrival = 0;
  /** Documents generated but not yet due, earliest first. */
  private pending: EmittedDocument[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private unregister: (() => void) | undefined;
  private readonly meanGapMs: number;
  private readonly prefillMs: number;

  constructor(
    private readonly world: World,
    private readonly region: string,
    private readonly clock: SimClock,
    private readonly random: Random,
    private readonly fleetRandom: Random,
    private readonly options: TrafficOptions,
  ) {
    this.meanGapMs = 1000 / (options.ratePerSecond ?? DEFAULT_RATE);
    this.prefillMs = options.prefillMs ?? DEFAULT_PREFILL_MS;
  }

  /**
   * Starts fifteen minutes back. Nothing is generated yet: the store pulls the traffic up to
   * date on its next read (or the first tick does), so creating a demo stays quick.
   */
  start(): void {
    this.nextArrival = this.clock.now() - this.prefillMs;
    this.unregister = this.world
      .region(this.region)
      .traces.addProducer(() => this.advance(this.clock.now()));
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.unregister?.();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Generates every request that arrived by `until` and stores every document due by then. */
  advance(until: number): void {
    // After a long stall (a sleeping laptop, a huge clock speed) only the last prefill window is
    // worth generating; the rest would expire at once.
    this.nextArrival = Math.max(this.nextArrival, this.clock.now() - this.prefillMs);
    const state = this.world.region(this.region);
    let added = false;
    // Routing reads the fleet's history up to `until`, so the fleet must have got there: the
    // same catch-up a handler does before it reads, handled in order whoever triggers it.
    if (this.nextArrival <= until) advanceFleet(state, until, this.fleetRandom);
    // Looked up once per catch-up, and only when a request is due: reads happen often.
    const web = this.nextArrival <= until ? this.targets('web') : undefined;
    const api = this.nextArrival <= until ? this.targets('api') : undefined;
    while (web && api && this.nextArrival <= until) {
      const at = this.nextArrival;
      const webTarget = this.route(web, at);
      const apiTarget = this.route(api, at);
      const context = {
        random: this.random,
        region: this.region,
        web: webTarget.instance,
        api: apiTarget.instance,
        ...failingOf(webTarget, apiTarget),
      };
      this.pending.push(...simulateRequest(at, context));
      added = true;
      // Exponential gaps between arrivals: a Poisson process.
      this.nextArrival += -Math.log(1 - this.random.next()) * this.meanGapMs;
    }
    if (added) this.pending.sort((a, b) => a.at - b.at);
    let due = 0;
    while (due < this.pending.length && (this.pending[due]?.at ?? Infinity) <= until) due += 1;
    for (const { at, document } of this.pending.splice(0, due))
      state.traces.put(JSON.stringify(document), at);
  }

  private targets(service: string): { all: TrafficTarget[]; synthetic: TrafficInstance[] } {
    const state = this.world.region(this.region);
    return {
      all: trafficTargets(state, service),
      synthetic: syntheticInstances(state, service, this.options.cluster),
    };
  }

  /** One of the tasks in rotation at `at`, evenly (one draw whatever the choice). */
  private route(
    targets: { all: TrafficTarget[]; synthetic: TrafficInstance[] },
    at: number,
  ): { instance: TrafficInstance; failing?: FailureKind } {
    const live = targetsAt(targets.all, at);
    if (live.length === 0) return { instance: this.random.pick(targets.synthetic) };
    const { instance, failure } = this.random.pick(live);
    return failure && at >= failure.since ? { instance, failing: failure.kind } : { instance };
  }

  private schedule(): void {
    if (this.stopped) return;
    const delay = Math.min(TICK_MS.max, Math.max(TICK_MS.min, this.clock.realDelay(1_000)));
    this.timer = setTimeout(() => {
      try {
        this.advance(Math.min(this.clock.now(), this.nextArrival + TICK_BUDGET_MS));
      } catch {
        // A bad tick must not take the simulator down; the next one starts afresh.
        this.pending = [];
      }
      this.schedule();
    }, delay);
    this.timer.unref();
  }
}

/** A dying web task fails the request before api sees it; otherwise a dying api task does. */
function failingOf(
  web: { failing?: FailureKind },
  api: { failing?: FailureKind },
): { failing?: Failing } {
  if (web.failing) return { failing: { service: 'web', kind: web.failing } };
  if (api.failing) return { failing: { service: 'api', kind: api.failing } };
  return {};
}
