/**
 * One pending timer and the time it is due, so a poller can move its next cycle earlier or later
 * without stacking timers. Unref'd: a poller alone never keeps the process alive.
 */
export class DueTimer {
  private timer: NodeJS.Timeout | undefined;
  private dueAt: number | undefined;

  constructor(
    private readonly fire: () => void,
    private readonly now: () => number,
  ) {}

  /** Epoch ms it fires at; undefined when not set. */
  get due(): number | undefined {
    return this.dueAt;
  }

  set(at: number): void {
    if (this.timer && this.dueAt === at) return;
    this.clear();
    this.dueAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.dueAt = undefined;
        this.fire();
      },
      Math.max(0, at - this.now()),
    );
    this.timer.unref();
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = undefined;
  }
}
