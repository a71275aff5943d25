/** Questions per person per minute: a sliding window of the times of their recent questions. */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a question; returns 0 when allowed, else the seconds until the next one would be. */
  take(key: string): number {
    const now = this.now();
    const windowStart = now - 60_000;
    const times = (this.recent.get(key) ?? []).filter((time) => time > windowStart);
    if (times.length >= this.perMinute) {
      this.recent.set(key, times);
      return Math.max(1, Math.ceil((times[0]! - windowStart) / 1000));
    }
    times.push(now);
    this.recent.set(key, times);
    // Forget people who have gone quiet so the map does not grow with every user ever seen.
    if (this.recent.size > 10_000)
      for (const [other, list] of this.recent) if (list.every((time) => time <= windowStart)) this.recent.delete(other);
    return 0;
  }
}
