/**
 * Answers of public reads, kept while the read models stay at the position they were computed
 * at. A read model changes only when the projector commits, and every commit moves the
 * position, so an answer computed at position P is still the answer while the position is P.
 * The first lookup at a new position drops everything: there is no invalidation to get wrong.
 *
 * Why: a developing story is read by many people asking the same few URLs between two edits.
 * Each answer from the tables costs two PostgreSQL round trips and about 0.6 ms of this
 * process's CPU; a cached one costs neither (docs/benchmarks.md has the numbers).
 */
export interface CachedAnswer {
  readonly body: string;
  /** The answer's own headers (content type, the reader page's CSP), replayed with it. */
  readonly headers: Readonly<Record<string, string>>;
}

interface Entry extends CachedAnswer {
  readonly storedAt: number;
}

/** Bytes of answers kept at most, whatever the entry count: memory stays bounded with large ranges. */
const MAX_BYTES = 32 * 1024 * 1024;
/** How long an answer is served at most, ms (see the constructor): a few seconds cost one miss per URL. */
const MAX_AGE_MS = 5000;

export class ReadCache {
  private position = -1;
  private readonly answers = new Map<string, Entry>();
  private bytes = 0;

  /**
   * `maxAgeMs` bounds what the position cannot see: a rebuild swaps tables in under an unchanged
   * position (its answers are the same unless the projection code changed, ADR 0006), and so
   * does anything done to the tables by hand. A few seconds cost one miss per URL per interval.
   */
  constructor(
    private readonly maxEntries: number,
    private readonly maxBytes = MAX_BYTES,
    private readonly maxAgeMs = MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /** The answer for `key` computed at `position`, if there is one. */
  get(key: string, position: number): CachedAnswer | undefined {
    this.moveTo(position);
    const entry = this.answers.get(key);
    if (entry && this.now() - entry.storedAt > this.maxAgeMs) return undefined;
    return entry;
  }

  /**
   * Keeps an answer computed from read models at or after `position` (the position read before
   * the query: an answer may be newer than its position says, never older). An answer for a
   * position that has passed meanwhile is dropped.
   */
  set(key: string, position: number, answer: CachedAnswer): void {
    if (!this.enabled || position !== this.position) return;
    const size = answer.body.length;
    if (size > this.maxBytes / 16) return; // one huge range must not evict everything else
    const old = this.answers.get(key);
    if (old) {
      this.bytes -= old.body.length;
      this.answers.delete(key);
    }
    // Oldest first: Map keeps insertion order.
    while (this.answers.size >= this.maxEntries || this.bytes + size > this.maxBytes) {
      const [oldestKey, oldest] = this.answers.entries().next().value as [string, Entry];
      this.answers.delete(oldestKey);
      this.bytes -= oldest.body.length;
    }
    this.answers.set(key, { ...answer, storedAt: this.now() });
    this.bytes += size;
  }

  get size(): number {
    return this.answers.size;
  }

  private moveTo(position: number): void {
    if (position === this.position) return;
    this.position = position;
    this.answers.clear();
    this.bytes = 0;
  }
}
