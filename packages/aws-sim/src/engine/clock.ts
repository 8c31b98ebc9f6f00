/**
 * The simulated clock. Simulated time starts at the real time the simulator was created and runs
 * `speed` times faster than wall time; changing the speed keeps simulated time continuous.
 * Paused, it stands still and moves only by advance(): what tests use, so their outcome never
 * depends on how much real time passed between two calls.
 */
export class SimClock {
  private baseReal: number;
  private baseSim: number;
  private stopped = false;

  constructor(
    private speedFactor = 1,
    private readonly realNow: () => number = Date.now,
  ) {
    this.baseReal = realNow();
    this.baseSim = this.baseReal;
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    if (this.stopped) return this.baseSim;
    return this.baseSim + (this.realNow() - this.baseReal) * this.speedFactor;
  }

  get speed(): number {
    return this.speedFactor;
  }

  get paused(): boolean {
    return this.stopped;
  }

  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed <= 0)
      throw new RangeError('speed must be a positive number');
    this.rebase();
    this.speedFactor = speed;
  }

  /** Stops simulated time where it is, until resume(). */
  pause(): void {
    this.rebase();
    this.stopped = true;
  }

  /** Lets simulated time run again from where it stood. */
  resume(): void {
    this.rebase();
    this.stopped = false;
  }

  /** Moves simulated time forward by `simMs` at once (paused or not). */
  advance(simMs: number): void {
    if (!Number.isFinite(simMs) || simMs < 0)
      throw new RangeError('advance needs a non-negative number of milliseconds');
    this.rebase();
    this.baseSim += simMs;
  }

  /** Real milliseconds until `simMs` of simulated time have passed. */
  realDelay(simMs: number): number {
    return simMs / this.speedFactor;
  }

  private rebase(): void {
    this.baseSim = this.now();
    this.baseReal = this.realNow();
  }
}
