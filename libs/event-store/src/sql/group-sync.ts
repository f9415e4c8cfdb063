/**
 * Group commit: many callers, few syncs. A caller's writes are covered only by a sync that
 * starts after they were made, so a caller that arrives while a sync runs waits for the next
 * one, and every caller arriving meanwhile shares that next one. At most one sync runs at a
 * time, so under load the syncs run back to back and each covers everything written while the
 * previous one ran.
 *
 * A failed sync fails its callers and every later one: after a failed fsync the kernel may
 * have dropped the dirty pages and marked them clean, so a later "successful" sync proves
 * nothing (PostgreSQL's own answer to this is to stop; so do we, until a restart).
 */
export class GroupSync {
  /** The sync that runs now (settles when it ends, never rejects). */
  private current?: Promise<void>;
  /** The sync that starts when `current` ends; callers arriving meanwhile share it. */
  private next?: Promise<void>;
  private failure?: Error;
  /** Syncs started so far: for tests and metrics. */
  started = 0;

  constructor(private readonly syncOnce: () => Promise<void>) {}

  /** Resolves once a sync that started after this call has finished. */
  sync(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.next) {
      this.next = (this.current ?? Promise.resolve()).then(() => {
        this.next = undefined;
        if (this.failure) throw this.failure;
        this.started++;
        const run = this.syncOnce().catch((err: unknown) => {
          this.failure ??= err instanceof Error ? err : new Error(String(err));
          throw this.failure;
        });
        const ended: Promise<void> = run.then(
          () => this.ended(ended),
          () => this.ended(ended),
        );
        this.current = ended;
        return run;
      });
    }
    return this.next;
  }

  private ended(run: Promise<void>): void {
    if (this.current === run) this.current = undefined;
  }

  /** The error that stopped syncing, if one did. */
  get failed(): Error | undefined {
    return this.failure;
  }
}
