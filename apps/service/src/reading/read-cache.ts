/**
 * Answers of public reads, kept while what they are made of stays unchanged (ADR 0006).
 *
 * Each answer is stored with the position it was computed at and the names of what it shows
 * (its Surrogate-Key: `day:<date>`, `story:<id>`, `event:<id>`, `timeline`). When the read
 * models move from P to P', the cache asks which names the changes after P up to P' touched
 * (the same question the CDN purge asks, CacheKeysQueries.changedBetween) and drops exactly the
 * answers that show one of them; the others are still the answer at P'. An answer without names
 * is dropped at every move, as all answers were before names were kept.
 *
 * Why: under breaking news the desk writes several times a second and every write moved the
 * position, so dropping every answer at each move left readers with almost no hits
 * (docs/benchmarks.md, "breaking news"); a new fact of one story changes one day, the story and
 * the timeline-wide answers, not the other days.
 */
export interface CachedAnswer {
  /**
   * The answer's bytes, encoded once when kept: a hit sends them as they are (a 200 KiB reader
   * page encoded again on every hit cost the service more than the rest of the hit did).
   */
  readonly body: Buffer;
  /**
   * The same bytes gzip-compressed, once compressed (attachGzip): sent to the readers that take
   * gzip, with their own ETag (docs/adr/0019-compressed-answers.md).
   */
  readonly gzip?: Buffer;
  /**
   * The gzip bytes while they are being compressed: a hit that takes gzip waits the few ms for
   * them rather than take the plain bytes, which under breaking news were most of what the
   * service wrote after each write (docs/adr/0019-compressed-answers.md).
   */
  readonly gzipping?: Promise<Buffer | undefined>;
  /** The answer's own headers (content type, the reader page's CSP), replayed with it. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The stale form of an answer: its bytes, gzip (or its compression under way) and headers, and since when it is stale. */
function staleEntry(answer: CachedAnswer, droppedAt: number): StaleEntry {
  const { body, gzip, gzipping, headers } = answer;
  return { body, headers, droppedAt, ...(gzip ? { gzip } : gzipping ? { gzipping } : {}) };
}

/** Bytes an answer holds, both its codings. */
const sizeOf = (answer: CachedAnswer): number => answer.body.length + (answer.gzip?.length ?? 0);

/** What an answer depends on, besides its URL. */
export interface AnswerScope {
  /** What the answer shows (its Surrogate-Key names); without them, any move drops it. */
  readonly shows?: readonly string[];
  /**
   * The recorded instant (ms) of an `asOf` view: only a change recorded at or before it can
   * change the answer; later writes are not in the view, however soon they come.
   */
  readonly asOf?: number;
}

interface Entry extends CachedAnswer, AnswerScope {
  readonly storedAt: number;
}

/**
 * An answer no longer current, kept a moment in case its replacement is still being rendered:
 * one a move dropped, or one rendered while a write changed what it shows (set()).
 */
interface StaleEntry extends CachedAnswer {
  /** Since when at the latest it has not been the current answer: the drop, or the start of its render. */
  readonly droppedAt: number;
}

/**
 * The names of the answers that changes after `after`, up to `upTo`, touched, each with the
 * earliest recorded instant (ms) of those changes (Infinity: no `asOf` view is touched);
 * undefined when too much changed to say.
 */
export type ChangedNames = (after: number, upTo: number) => Promise<ReadonlyMap<string, number> | undefined>;

/** Moves remembered: from, to, and the names changed with their instants (undefined: not known). */
interface Move {
  readonly from: number;
  readonly to: number;
  readonly changed?: ReadonlyMap<string, number>;
}

/** Whether a change in `changed` reaches an answer of this scope. */
function touches(changed: ReadonlyMap<string, number>, scope: AnswerScope): boolean {
  if (!scope.shows) return true;
  const asOf = scope.asOf ?? Infinity;
  return scope.shows.some((name) => {
    const at = changed.get(name);
    return at !== undefined && at <= asOf;
  });
}

export interface ReadCacheOptions {
  /** At most this many answers; 0 turns the cache off (DATELINE_READ_CACHE_ENTRIES). */
  readonly maxEntries: number;
  /** Without it, every move drops every answer. */
  readonly changedNames?: ChangedNames;
  readonly maxBytes?: number;
  readonly maxAgeMs?: number;
  /** How long after a move dropped it an answer may still be served stale (stale()), ms; 0: never. */
  readonly staleMs?: number;
  readonly now?: () => number;
}

/** Bytes of answers kept at most, whatever the entry count: memory stays bounded with large ranges. */
const MAX_BYTES = 32 * 1024 * 1024;
/**
 * How long an answer is served at most, ms: this bounds what the position cannot see (a rebuild
 * swaps tables in under an unchanged position, and so does anything done to the tables by hand).
 * A few seconds cost one miss per URL per interval.
 */
const MAX_AGE_MS = 5000;
/**
 * Moves remembered with what they changed, so that an answer computed at a position the cache
 * has since moved past can still be kept when none of those changes touched it. Under a steady
 * write load the position moves while most answers are being computed; without this, they
 * would all be thrown away.
 */
const MOVES_KEPT = 64;
/**
 * How long an answer a write replaced may still be served while its new answer is rendered,
 * ms. Under breaking news the desk writes several times a second and each write drops the
 * story page and the reader page; the readers who asked them during the new render waited for
 * it, queued behind it on the one event loop, and were the p99 of the profile
 * (docs/adr/0006-read-cache.md, amendment). Short: a reader sees a write at most this late.
 */
const STALE_MS = 1000;

export class ReadCache {
  private position = -1;
  private readonly answers = new Map<string, Entry>();
  private bytes = 0;
  /** Answers dropped by a move in the last staleMs, oldest first; counted in `bytes` like the others. */
  private readonly dropped = new Map<string, StaleEntry>();
  /** The move under way: one question at a time, which later requests wait for. */
  private moving?: Promise<void>;
  /** The latest moves, oldest first. */
  private readonly moves: Move[] = [];
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly maxAgeMs: number;
  private readonly staleMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ReadCacheOptions) {
    this.maxEntries = options.maxEntries;
    this.maxBytes = options.maxBytes ?? MAX_BYTES;
    this.maxAgeMs = options.maxAgeMs ?? MAX_AGE_MS;
    this.staleMs = options.staleMs ?? STALE_MS;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.maxEntries > 0;
  }

  /**
   * Brings the cache to `position` (the read models' position a request read): the answers
   * that the changes since show are dropped, the others kept. A position behind the cache's is
   * left as it is: another request already saw the read models further on.
   */
  async moveTo(position: number): Promise<void> {
    while (this.enabled && position > this.position) {
      this.moving ??= this.move(position).finally(() => (this.moving = undefined));
      await this.moving;
    }
  }

  /** Whether a move is being asked about (moveTo): its question is under way. */
  get moveUnderWay(): boolean {
    return this.moving !== undefined;
  }

  /**
   * The answer for `key`, valid at `position` or later, if there is one. Call moveTo(position)
   * first: before it, an answer may be older than the position.
   */
  get(key: string, position: number): CachedAnswer | undefined {
    if (position > this.position) return undefined;
    const entry = this.answers.get(key);
    if (entry && this.now() - entry.storedAt > this.maxAgeMs) return undefined;
    return entry;
  }

  /**
   * The answer for `key` that the latest move dropped, if that was at most staleMs ago: what a
   * reader may be given while the new answer is being rendered (and only then: the caller
   * checks). It carries its own headers (its ETag and position), never the current ones, so a
   * client revalidating it is never told 304 for content it does not have.
   */
  stale(key: string): CachedAnswer | undefined {
    const now = this.now();
    const entry = this.dropped.get(key);
    if (entry && now - entry.droppedAt <= this.staleMs) return entry;
    // An answer past its maximum age is stale the same way: nothing says it changed, only that it is time to look again.
    const aged = this.answers.get(key);
    if (aged && now - aged.storedAt > this.maxAgeMs && now - aged.storedAt <= this.maxAgeMs + this.staleMs) return aged;
    return undefined;
  }

  /**
   * Keeps an answer computed from read models at or after `position` (the position read before
   * the query: an answer may be newer than its position says, never older), with what it
   * depends on. An answer for a position the cache has moved past is kept only if the moves
   * since are remembered and none changed what it shows; otherwise it is kept as the stale
   * answer (stale()), not current since `startedAt` (when its render began) at the latest.
   */
  set(key: string, position: number, answer: CachedAnswer, scope: AnswerScope = {}, startedAt = this.now()): void {
    if (!this.enabled || position > this.position) return;
    const size = sizeOf(answer);
    if (size > this.maxBytes / 16) return; // one huge range must not evict everything else
    if (!this.unchangedSince(position, scope)) {
      this.keepStale(key, answer, startedAt);
      return;
    }
    this.delete(key);
    this.forgetStale(key);
    // Stale answers go first (they are about to expire anyway), then the oldest answers: Map keeps insertion order.
    while (this.dropped.size > 0 && this.bytes + size > this.maxBytes) this.forgetStale(this.dropped.keys().next().value as string);
    while (this.answers.size >= this.maxEntries || this.bytes + size > this.maxBytes) {
      const oldest = this.answers.keys().next().value as string;
      this.delete(oldest);
    }
    this.answers.set(key, { ...answer, ...scope, storedAt: this.now() });
    this.bytes += size;
  }

  /**
   * Adds the gzip bytes of an answer kept under `key` once compressed (undefined: not worth
   * it), if that answer is still the one made of `body` (it may have been dropped or replaced
   * while compressing) and they fit in the budget. Its `gzipping` is done either way.
   */
  attachGzip(key: string, body: Buffer, gzip: Buffer | undefined): boolean {
    // The answer may be current, or already stale (a write came while it rendered or compressed).
    const map: Map<string, Entry | StaleEntry> = this.answers.get(key)?.body === body ? this.answers : this.dropped;
    const entry = map.get(key);
    if (!entry || entry.body !== body || entry.gzip) return false;
    const { gzipping: _done, ...answer } = entry;
    const fits = gzip !== undefined && this.bytes + gzip.length <= this.maxBytes;
    map.set(key, fits ? { ...answer, gzip } : answer);
    if (fits) this.bytes += gzip.length;
    return fits;
  }

  get size(): number {
    return this.answers.size;
  }

  /** The read models' position it has moved to: a render started now reads them there or later. */
  get at(): number {
    return this.position;
  }

  /** Whether no change after `position`, up to the cache's position, reaches an answer of this scope. */
  private unchangedSince(position: number, scope: AnswerScope): boolean {
    if (position === this.position) return true;
    for (let i = this.moves.length - 1; i >= 0; i--) {
      const move = this.moves[i];
      if (!move.changed || touches(move.changed, scope)) return false;
      if (move.from <= position) return true;
    }
    return false; // moved past it longer ago than remembered
  }

  private async move(to: number): Promise<void> {
    const from = this.position;
    let changed: ReadonlyMap<string, number> | undefined;
    // Asked even with no answer kept: answers being computed meanwhile may still be kept (unchangedSince).
    if (from >= 0 && this.options.changedNames) {
      try {
        changed = await this.options.changedNames(from, to);
      } catch {
        changed = undefined; // not known what changed: nothing is kept
      }
    }
    const now = this.now();
    for (const [key, entry] of this.dropped) if (now - entry.droppedAt > this.staleMs) this.forgetStale(key);
    for (const [key, entry] of this.answers) {
      if (!changed || touches(changed, entry)) this.drop(key, entry, now);
    }
    this.moves.push({ from, to, ...(changed ? { changed } : {}) });
    if (this.moves.length > MOVES_KEPT) this.moves.shift();
    this.position = to;
  }

  /** Drops an answer a move changed, keeping it stale for a moment (its bytes stay counted until it is forgotten). */
  private drop(key: string, entry: Entry, now: number): void {
    this.answers.delete(key);
    this.forgetStale(key);
    if (this.staleMs <= 0) {
      this.bytes -= sizeOf(entry);
      return;
    }
    this.dropped.set(key, staleEntry(entry, now));
  }

  /**
   * Keeps an answer rendered while a write changed what it shows as the stale answer of `key`,
   * unless a newer one is there or it is already too old to serve. Why: under breaking news a
   * render queued behind other requests often straddles the next write; thrown away, its readers
   * waited for yet another render, and a slower service straddled more writes (docs/benchmarks.md,
   * "breaking news").
   */
  private keepStale(key: string, answer: CachedAnswer, since: number): void {
    // A current answer still within its age wins; one past it is only stale itself (stale()).
    if (this.staleMs <= 0 || this.get(key, this.position) || this.now() - since > this.staleMs) return;
    const old = this.dropped.get(key);
    if (old && old.droppedAt >= since) return;
    this.forgetStale(key);
    const size = sizeOf(answer);
    if (this.bytes + size > this.maxBytes) return;
    this.dropped.set(key, staleEntry(answer, since));
    this.bytes += size;
  }

  private forgetStale(key: string): void {
    const old = this.dropped.get(key);
    if (!old) return;
    this.dropped.delete(key);
    this.bytes -= sizeOf(old);
  }

  private delete(key: string): void {
    const old = this.answers.get(key);
    if (!old) return;
    this.answers.delete(key);
    this.bytes -= sizeOf(old);
  }
}
