/**
 * Callers waiting until a follower of the log (projector, relay) has reached a position: they
 * resolve true when it has, false after their timeout. The follower calls `notify()` after
 * each batch it commits.
 */
export class PositionWaiters {
  private readonly waiters = new Set<() => void>();

  constructor(private readonly current: () => number) {}

  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    return this.waitUntil(() => this.current() >= position, timeoutMs);
  }

  /** Resolves true once `reached()` holds, checked now and after each notify(); false after `timeoutMs`. */
  waitUntil(reached: () => boolean, timeoutMs: number): Promise<boolean> {
    if (reached()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => reached() && finish(true);
      const timer = setTimeout(() => finish(false), timeoutMs);
      const finish = (ok: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(ok);
      };
      this.waiters.add(check);
    });
  }

  notify(): void {
    for (const check of [...this.waiters]) check();
  }
}
