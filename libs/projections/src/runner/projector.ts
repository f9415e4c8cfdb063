import { EventStore, PositionWaiters, RecordedEvent, SqlClient, Subscription } from '@dateline/event-store';
import { Projection } from '../projection';
import { liveTables } from '../tables/table-names';
import { CHECKPOINTS_TABLE, ensureSchema, readCheckpoints } from './checkpoints';
import { wants } from './apply-batch';
import { projectBatch } from './project-batch';
import { QUARANTINE_TABLE, QuarantineEntry, readBlockedStreams } from './quarantine';
import { AnalyzeOptions, ReadModelAnalyzer } from './read-model-analyzer';

/** Events per batch while catching up: one transaction each, so larger batches mean fewer commits. */
const BATCH_SIZE = 1000;
/** How often an idle projector looks for new events when no append signal woke it, ms. */
const IDLE_POLL_MS = 100;
/**
 * The pause after the store or database failed, before retrying from the committed
 * checkpoints, ms: a dead server is not hammered, and one that is back is noticed within a second.
 */
const RETRY_PAUSE_MS = 1000;

/** A checkpoint moved behind what this projector wrote (a rebuild swapped its tables in). */
class CheckpointMovedBack extends Error {}

export interface ProjectorOptions {
  readonly batchSize?: number;
  readonly idlePollMs?: number;
  readonly onError?: (err: unknown) => void;
  /** Called after the commit of a batch that quarantined events (ADR 0008). */
  readonly onQuarantined?: (entries: readonly QuarantineEntry[]) => void;
  /**
   * On a PostgreSQL server, the read models' tables are analyzed after enough events
   * (read-model-analyzer.ts); `false` turns it off. PGlite is left out: an embedded store is
   * small, and its one connection serves the projector and every reader, which an ANALYZE would hold up.
   */
  readonly analyze?: AnalyzeOptions | false;
}

/**
 * Follows the log from the projections' checkpoints, catch-up then live. Each batch's
 * read-model writes and checkpoints commit in one transaction, so after any crash the read
 * models equal a rebuild from scratch (docs/architecture.md section 6, rule 3).
 */
export class Projector {
  private readonly names: string[];
  private checkpoints = new Map<string, number>();
  private subscription?: Subscription;
  private stopped = false;
  private running?: Promise<void>;
  private readonly waiters = new PositionWaiters(() => this.position);
  private readonly committedListeners = new Set<(position: number, previous: number) => void>();
  private recordedUpTo?: number;
  private readonly analyzer?: ReadModelAnalyzer;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly projections: readonly Projection[],
    private readonly options: ProjectorOptions = {},
  ) {
    this.names = projections.map((p) => p.name);
    if (sql.driver === 'pg' && options.analyze !== false) {
      const tables = new Map(projections.map((p) => [p.name, Object.values(liveTables(p.tables))]));
      this.analyzer = new ReadModelAnalyzer(sql, tables, options.analyze);
    }
  }

  /** The position every projection has reached (0 before the first batch). */
  get position(): number {
    return this.positionOf(this.names);
  }

  /**
   * The position these projections have all reached: a read of their read models waits for
   * this one only, not for a projection that is behind (replaying from 0, say). A name this
   * projector does not run counts as 0.
   */
  positionOf(names: readonly string[]): number {
    return names.length === 0 ? 0 : Math.min(...names.map((name) => this.checkpoints.get(name) ?? 0));
  }

  /** Each projection's checkpoint, as of the last commit. */
  get positions(): ReadonlyMap<string, number> {
    return new Map(this.names.map((name) => [name, this.checkpoints.get(name) ?? 0]));
  }

  async start(): Promise<void> {
    await ensureSchema(this.sql, this.projections);
    this.checkpoints = await readCheckpoints(this.sql, this.names);
    await this.analyzer?.start();
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
    await this.running;
    await this.analyzer?.idle();
  }

  /** Resolves true when the projections named (all by default) have reached `position`, false after `timeoutMs`. */
  waitFor(position: number, timeoutMs: number, names: readonly string[] = this.names): Promise<boolean> {
    return this.waiters.waitUntil(() => this.positionOf(names) >= position, timeoutMs);
  }

  /**
   * The latest recording instant (metadata.recordedAt, ms) of the events this projector has
   * committed; undefined before its first batch. What "the read position's time" is.
   */
  get recordedAt(): number | undefined {
    return this.recordedUpTo;
  }

  /**
   * Calls `listener` with the new position (and the one before the batch) each time a batch's
   * read-model transaction has committed, so readers can ask what changed up to there. Returns
   * the unsubscribe function.
   */
  onCommitted(listener: (position: number, previous: number) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const from = this.position;
      this.subscription = this.store.subscribe(from, (batch) => this.apply(batch), {
        batchSize: this.options.batchSize ?? BATCH_SIZE,
        idlePollMs: this.options.idlePollMs ?? IDLE_POLL_MS,
      });
      try {
        await this.subscription.done;
      } catch (err) {
        if (err instanceof CheckpointMovedBack) continue;
        this.options.onError?.(err);
        if (this.stopped) return;
        // The store or database failed: retry from the committed checkpoints after a pause.
        await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS));
        this.checkpoints = await readCheckpoints(this.sql, this.names).catch((failure: unknown) => {
          // Still down: report it, and the next round retries from the checkpoints we had.
          this.options.onError?.(failure);
          return this.checkpoints;
        });
      }
    }
  }

  private async apply(batch: RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1].position;
    const previous = this.position;
    const committed = await this.sql.transaction(async (tx) => {
      // The lock orders us with a rebuild's swap, and tells us where each projection is now.
      const current = await readCheckpoints(tx, this.names, true);
      for (const [name, position] of current) {
        if (position < (this.checkpoints.get(name) ?? 0)) {
          this.checkpoints = current;
          throw new CheckpointMovedBack(name);
        }
      }
      // Streams with a quarantined event: their later events wait behind it (ADR 0008).
      const blocked = await readBlockedStreams(tx, this.names);
      const targets = this.projections.map((p) => ({
        projection: p,
        isolated: p,
        tables: liveTables(p.tables),
        after: current.get(p.name) ?? 0,
        blocked: blocked.get(p.name) ?? new Map<string, number>(),
      }));
      const quarantined = await projectBatch(tx, batch, targets, { quarantineTable: QUARANTINE_TABLE });
      await tx.query(`UPDATE ${CHECKPOINTS_TABLE} SET position = $1 WHERE projection = ANY($2::text[]) AND position < $1`, [
        last,
        this.names,
      ]);
      // What each read model took, for the analyzer: counted before the commit, reported after it.
      const taken = this.analyzer ? new Map(targets.map((t) => [t.projection.name, batch.filter((e) => wants(t, e)).length])) : undefined;
      return { checkpoints: new Map(this.names.map((n) => [n, Math.max(last, current.get(n) ?? 0)])), quarantined, taken };
    });
    this.checkpoints = committed.checkpoints;
    if (committed.taken) this.analyzer?.applied(committed.taken);
    for (const e of batch) {
      const t = Date.parse(String(e.metadata.recordedAt));
      if (Number.isFinite(t) && (this.recordedUpTo === undefined || t > this.recordedUpTo)) this.recordedUpTo = t;
    }
    if (committed.quarantined.length > 0) this.options.onQuarantined?.(committed.quarantined);
    this.waiters.notify();
    const position = this.position;
    for (const listener of [...this.committedListeners]) {
      try {
        listener(position, previous);
      } catch (err) {
        // A listener's failure is its own: the batch is committed either way.
        this.options.onError?.(err);
      }
    }
  }
}
