/**
 * Wakes followers of the log when something was appended. Followers in this process are woken
 * at once; other processes through a NOTIFY sent after the append committed.
 *
 * The NOTIFY is deliberately not part of the append transaction: PostgreSQL serialises the
 * commits of notifying transactions on one lock, which would cost the log its group commit.
 * Sends are throttled: at most one in flight and one per `intervalMs`, with a trailing send
 * for appends that came in meanwhile, so a burst costs a handful of NOTIFYs, not one each.
 */
/** At most one NOTIFY per this many ms (see above): a burst costs a handful, a lone append none late. */
const NOTIFY_INTERVAL_MS = 25;

export class AppendSignal {
  private readonly waiters = new Set<() => void>();
  private busy = false;
  private pending = false;

  constructor(
    private readonly notifyOthers?: () => Promise<unknown>,
    private readonly intervalMs = NOTIFY_INTERVAL_MS,
  ) {}

  /** Called after each committed append. */
  appended(): void {
    this.wake();
    if (!this.notifyOthers) return;
    if (this.busy) {
      this.pending = true;
      return;
    }
    this.send();
  }

  /** Counts wake-ups, so a follower can tell whether one came while it was reading. */
  private wakes = 0;

  get generation(): number {
    return this.wakes;
  }

  /** Called when another process said it appended. */
  wake(): void {
    this.wakes++;
    for (const w of [...this.waiters]) w();
  }

  /** Resolves at the next append, or after `ms`, whichever comes first. */
  wait(ms: number): { promise: Promise<void>; cancel: () => void } {
    let done!: () => void;
    const promise = new Promise<void>((resolve) => (done = resolve));
    const timer = setTimeout(() => finish(), ms);
    const finish = () => {
      clearTimeout(timer);
      this.waiters.delete(finish);
      done();
    };
    this.waiters.add(finish);
    return { promise, cancel: finish };
  }

  private send(): void {
    this.busy = true;
    this.pending = false;
    this.notifyOthers!()
      .catch(() => undefined) // a lost notify only delays other processes until their next poll
      .finally(() => {
        setTimeout(() => {
          this.busy = false;
          if (this.pending) this.send();
        }, this.intervalMs).unref();
      });
  }
}
