import { SqlClient } from '@dateline/event-store';

/**
 * Events a read model takes after its last ANALYZE before it is analyzed again: this floor plus
 * ANALYZE_FRACTION of its tables' estimated rows. The shape of autovacuum's own rule (50 rows plus
 * 10%); the floor is higher because an ANALYZE samples up to 30,000 rows of each table and
 * computes the search indexes' expressions on each, and a table of a few thousand rows planned
 * without statistics is scanned in milliseconds anyway. With a floor of 1,000, a store filled
 * from empty at 1,500 appends/s (the HTTP append bench) was analyzed 7 times in its first
 * 10,000 events, and PostgreSQL's CPU per append went from 376 to 457 µs (one run each on a
 * shared machine; 384 µs with this floor).
 */
export const ANALYZE_FLOOR = 10_000;
export const ANALYZE_FRACTION = 0.1;

export interface AnalyzeOptions {
  readonly floor?: number;
  readonly fraction?: number;
  /** After each ANALYZE: the read model, its tables, and the events it took since the one before. */
  readonly onAnalyzed?: (readModel: string, tables: readonly string[], events: number) => void;
  /** A failed look-up or ANALYZE: reported, never fatal; the read model is tried again after another floor of events. */
  readonly onFailed?: (readModel: string, err: unknown) => void;
}

interface Tracked {
  readonly tables: readonly string[];
  /** Events applied since the tables were last analyzed (here, or as the server's statistics said at start). */
  events: number;
  /** The count at which to look at the tables' size again: below it, no statement is sent. */
  nextLook: number;
}

/**
 * Keeps the planner's statistics of the live read models current on a PostgreSQL server that
 * runs without autovacuum (docs/operations.md): a store filled live had none, and a day read
 * `asOf` an instant was planned as a scan (270 ms instead of 3 ms). The projector reports the
 * events each read model took in each committed batch; past the threshold, the read model's
 * tables are analyzed on a connection of the pool, off the batch's critical path, one ANALYZE
 * at a time. Events, not rows, are counted: every event a read model handles writes at least a
 * row, so the count is a lower bound of the rows written and the rule errs on analyzing later.
 */
export class ReadModelAnalyzer {
  private readonly tracked = new Map<string, Tracked>();
  private running?: Promise<void>;
  private readonly floor: number;
  private readonly fraction: number;

  constructor(
    private readonly sql: SqlClient,
    readModels: ReadonlyMap<string, readonly string[]>,
    private readonly options: AnalyzeOptions = {},
  ) {
    this.floor = options.floor ?? ANALYZE_FLOOR;
    this.fraction = options.fraction ?? ANALYZE_FRACTION;
    for (const [name, tables] of readModels) this.tracked.set(name, { tables, events: 0, nextLook: this.floor });
  }

  /**
   * What the server's statistics count as changed since each table's last ANALYZE, so that a
   * restart does not forget the rows written before it. Best effort: without it, counting starts at 0.
   */
  async start(): Promise<void> {
    const tables = [...this.tracked.values()].flatMap((t) => t.tables);
    try {
      const { rows } = await this.sql.query<{ relname: string; n: string }>(
        'SELECT relname, n_mod_since_analyze AS n FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = ANY($1::text[])',
        [tables],
      );
      const changed = new Map(rows.map((r) => [r.relname, Number(r.n)]));
      for (const t of this.tracked.values()) t.events = Math.max(0, ...t.tables.map((name) => changed.get(name) ?? 0));
    } catch (err) {
      this.options.onFailed?.('(all)', err);
    }
  }

  /** Called after a batch committed, with the events each read model took in it. Never waits. */
  applied(events: ReadonlyMap<string, number>): void {
    for (const [name, n] of events) {
      const t = this.tracked.get(name);
      if (t) t.events += n;
    }
    // Never two at once: a batch committed meanwhile is looked at by the next one.
    if (this.running) return;
    const due = [...this.tracked].filter(([, t]) => t.events >= t.nextLook);
    if (due.length === 0) return;
    this.running = this.analyzeDue(due).finally(() => (this.running = undefined));
  }

  /** Resolves once the ANALYZE under way, if any, has ended (the projector stops, the pool may close). */
  async idle(): Promise<void> {
    await this.running;
  }

  private async analyzeDue(due: readonly [string, Tracked][]): Promise<void> {
    for (const [name, t] of due) {
      try {
        const threshold = this.floor + this.fraction * (await this.estimatedRows(t.tables));
        if (t.events < threshold) {
          t.nextLook = threshold;
          continue;
        }
        const events = t.events;
        // One statement per table: ANALYZE takes a list, but a table renamed by a rebuild's swap
        // meanwhile should fail alone.
        for (const table of t.tables) await this.sql.query(`ANALYZE ${table}`);
        t.events -= events;
        t.nextLook = this.floor;
        this.options.onAnalyzed?.(name, t.tables, events);
      } catch (err) {
        // Tried again after another floor of events, not after the very next batch: a table
        // that cannot be analyzed would otherwise cost a failed statement and a log line per batch.
        t.nextLook = t.events + this.floor;
        this.options.onFailed?.(name, err);
      }
    }
  }

  /** The planner's estimate of the tables' rows (0 for a table never analyzed, whose reltuples is -1). */
  private async estimatedRows(tables: readonly string[]): Promise<number> {
    const { rows } = await this.sql.query<{ n: number | null }>(
      'SELECT sum(greatest(reltuples, 0))::float8 AS n FROM pg_class WHERE oid = ANY($1::regclass[])',
      [tables],
    );
    return rows[0]?.n ?? 0;
  }
}
