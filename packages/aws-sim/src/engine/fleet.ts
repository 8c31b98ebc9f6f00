import type { SimClock } from './clock.js';
import type { FleetContext, FleetEvent } from './fleet-state.js';
import { applyFault, settleHealth, stepTask } from './lifecycle.js';
import type { Random } from './random.js';
import { reconcileService } from './reconcile.js';
import type { RegionState, World } from './region-state.js';

/**
 * Brings a region's fleet up to simulated time `until`: every due timer is handled at its own
 * timestamp, in order. Handlers call this before they read or change anything, and the ticker
 * calls it for every region, so the state is always that of "now".
 */
export function advanceFleet(state: RegionState, until: number, random: Random): void {
  const fleet = state.fleet;
  if (fleet.cursor !== undefined && until < fleet.cursor) return;
  for (;;) {
    const next = fleet.queue.peek();
    if (!next || next.at > until) break;
    fleet.queue.pop();
    handle({ state, now: next.at, random }, next);
  }
  fleet.cursor = until;
}

function handle(context: FleetContext, event: FleetEvent): void {
  const { state } = context;
  switch (event.kind) {
    case 'task': {
      const task = state.tasks.get(event.arn);
      if (task && task.timer === event.seq) stepTask(context, task);
      return;
    }
    case 'health': {
      const task = state.tasks.get(event.arn);
      if (task) settleHealth(context, task, event.healthy);
      return;
    }
    case 'fault': {
      const task = state.tasks.get(event.arn);
      if (task) applyFault(context, task, event.fault);
      return;
    }
    case 'purge': {
      const task = state.tasks.get(event.arn);
      if (task?.lastStatus === 'STOPPED') state.removeTask(task);
      return;
    }
    case 'service': {
      const service = state.services.get(event.arn);
      if (!service || service.wakeSeq !== event.seq) return;
      service.wakeAt = undefined;
      service.wakeSeq = undefined;
      reconcileService(context, service);
      return;
    }
    case 'action':
      event.run(context);
      return;
  }
}

/** Real milliseconds between ticks: what the console can see lags simulated time by at most this. */
export const TICK_MS = 200;

/**
 * Drives every region's fleet on the simulated clock. The timer is unref()'d so it never keeps
 * the process alive, and stop() clears it; `random` is read on every tick because a reset
 * replaces the simulator's Random.
 */
export class FleetTicker {
  private timer: NodeJS.Timeout | undefined;
  private failed = false;

  constructor(
    private readonly world: World,
    private readonly clock: SimClock,
    private readonly random: () => Random,
  ) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  tick(): void {
    const now = this.clock.now();
    for (const state of this.world.all()) {
      try {
        advanceFleet(state, now, this.random());
      } catch (error) {
        // A bug in the engine must not take the console down with it; say so once.
        if (!this.failed)
          process.stderr.write(`deckhand-sim: fleet engine error: ${String(error)}\n`);
        this.failed = true;
      }
    }
  }
}
