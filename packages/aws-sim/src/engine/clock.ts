/**
 * The simulated clock. Simulated time starts at the real time the simulator was created and runs
 * `speed` times faster than wall time; changing the speed keeps simulated time continuous.
 */
export class SimClock {
  private baseReal: number;
  private baseSim: number;

  constructor(
    private speedFactor = 1,
    private readonly realNow: () => number = Date.now,
  ) {
    this.baseReal = realNow();
    this.baseSim = this.baseReal;
  }

  /** Simulated epoch milliseconds. */
  now(): number {
    return this.baseSim + (this.realNow() - this.baseReal) * this.speedFactor;
  }

  get speed(): number {
    return this.speedFactor;
  }

  setSpeed(speed: number): void {
    if (!Number.isFinite(speed) || speed <= 0)
      throw new RangeError('speed must be a positive number');
    const now = this.now();
    this.baseReal = this.realNow();
    this.baseSim = now;
    this.speedFactor = speed;
  }

  /** Real milliseconds until `simMs` of simulated time have passed. */
  realDelay(simMs: number): number {
    return simMs / this.speedFactor;
  }
}
