/**
 * At most `max` events in any window of `windowMs` (a sliding log of the last `max` times), so
 * unlike a token bucket a burst after a quiet spell cannot double the rate within one window.
 */
export class RateWindow {
  private readonly times: number[];
  private next = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.times = new Array<number>(max).fill(-Infinity);
  }

  /** Records the event and returns true when it fits the window; false (not recorded) when not. */
  take(): boolean {
    const t = this.now();
    if (t - this.times[this.next]! < this.windowMs) return false;
    this.times[this.next] = t;
    this.next = (this.next + 1) % this.max;
    return true;
  }

  /** When the next event would fit (a `now()` time; at or before now when it fits already). */
  freeAt(): number {
    return this.times[this.next]! + this.windowMs;
  }
}
