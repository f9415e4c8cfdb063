/** The limit is per minute (DATELINE_WRITE_RATE_LIMIT), in fixed windows. */
const WINDOW_MS = 60_000;
/**
 * Windows kept before expired ones are swept, on the next new window: a bound on memory when
 * many clients (or forged principals) come and go, without a sweep on every request.
 */
const SWEEP_AFTER_WINDOWS = 10_000;

interface Window {
  start: number;
  count: number;
}

/** A write counted against its budget (`remaining` left this minute), or refused until `retryAfterSeconds` have passed. */
export type Spent = { readonly limit: number; readonly remaining: number } | { readonly limit: number; readonly retryAfterSeconds: number };

/**
 * Writes per minute per editor (`DATELINE_WRITE_RATE_LIMIT`, fixed one-minute windows; 0 turns
 * it off, e.g. for benchmarks). One budget per editor, whichever way they write: the API's
 * guard (write-rate-limit.guard.ts) and the desk's form posts (desk/desk.plugin.ts) spend from
 * the same count. Counts are per process: with several instances behind a load balancer, the
 * limit is per instance.
 */
export class WriteBudget {
  private readonly windows = new Map<string, Window>();

  constructor(readonly limit: number) {}

  /** Spends one of `key`'s writes (`token:<editor>`, or `ip:<address>` for a client without a token); undefined with no limit. */
  spend(key: string, now = Date.now()): Spent | undefined {
    if (this.limit <= 0) return undefined;
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size > SWEEP_AFTER_WINDOWS) this.forgetExpired(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limit)
      return { limit: this.limit, retryAfterSeconds: Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)) };
    window.count++;
    return { limit: this.limit, remaining: this.limit - window.count };
  }

  private forgetExpired(now: number): void {
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/** The headers that say a budget's state: the limit, and what is left or when to retry. */
export function budgetHeaders(spent: Spent): Record<string, string> {
  return 'remaining' in spent
    ? { 'X-RateLimit-Limit': String(spent.limit), 'X-RateLimit-Remaining': String(spent.remaining) }
    : { 'X-RateLimit-Limit': String(spent.limit), 'X-RateLimit-Remaining': '0', 'Retry-After': String(spent.retryAfterSeconds) };
}
