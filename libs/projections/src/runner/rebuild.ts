import { EventStore, RecordedEvent, SqlClient } from '@dateline/event-store';
import { freshCopy, Projection } from '../projection';
import { createIndexStatements, createTableStatement, IndexDeclaration } from '../tables/table-declaration';
import { liveTables, nextTables } from '../tables/table-names';
import { CHECKPOINTS_TABLE, ensureSchema, readCheckpoints } from './checkpoints';
import { GuardedTarget, projectBatch } from './project-batch';
import { NEXT_QUARANTINE_TABLE, quarantineSchema, swapInQuarantine } from './quarantine';

/**
 * Events per committed chunk of a rebuild: larger than the live projector's batches, as a
 * rebuild is a bulk replay, but bounded so that no transaction holds back log readers for long.
 */
const REBUILD_BATCH_SIZE = 5000;

export interface RebuildProgress {
  readonly projections: readonly string[];
  readonly processed: number;
  readonly total: number;
  readonly position: number;
  readonly eventsPerSecond: number;
  readonly etaSeconds: number | null;
  /** Events the rebuild quarantined (failed, or waiting behind one that failed), all projections together. */
  readonly quarantined: number;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (p: RebuildProgress) => void;
  /** Build the fresh tables but do not swap them in (tests compare them with the live ones). */
  readonly swap?: boolean;
}

/**
 * Sessions that build a rebuild's indexes at once. PostgreSQL 15 builds a GiST or GIN index in
 * one process, and the timeline's take most of the time after the load (four of them, 3.7 s of
 * 4.7 s at 100k events in a profile): one after another they left every core but one idle.
 */
const INDEX_SESSIONS = 2;

/**
 * Runs the statements, each on its own (autocommit), in up to INDEX_SESSIONS sessions at once,
 * the costliest kinds (GiST, GIN) first so that no long one starts last. The `__next` tables are
 * nobody else's until the swap, so nothing needs them built in one transaction; a failure stops
 * the other sessions taking more and is thrown once they are done, so that nothing of the
 * rebuild still runs on the pool when the caller sees it.
 *
 * PostgreSQL names an unnamed index after its table and its first key (a column, or the function
 * of an expression), numbered if taken; two sessions creating indexes of one such name at once
 * both choose the same one, and one fails. So the statements of one table and first key stay in
 * one session, in order (nameGroup).
 *
 * Exported for the rebuild benchmark's raw load (bench/support/raw-load.ts), which must finish
 * its tables exactly as a rebuild does.
 */
export async function inSessions(sql: SqlClient, statements: readonly string[]): Promise<void> {
  const groups = new Map<string, string[]>();
  for (const statement of statements) {
    const key = nameGroup(statement);
    groups.set(key, [...(groups.get(key) ?? []), statement]);
  }
  const slow = (group: readonly string[]) => group.some((statement) => / USING (gist|gin) /.test(statement));
  const queue = [...groups.values()].sort((a, b) => Number(slow(b)) - Number(slow(a)));
  let failed = false;
  const session = async () => {
    for (let group = queue.shift(); group !== undefined; group = queue.shift())
      for (const statement of group) {
        if (failed) return;
        try {
          await sql.query(statement);
        } catch (err) {
          failed = true;
          throw err;
        }
      }
  };
  const done = await Promise.allSettled(Array.from({ length: INDEX_SESSIONS }, session));
  const failure = done.find((d) => d.status === 'rejected');
  if (failure) throw failure.reason;
}

/** A CREATE INDEX's table and the first word of its keys (what PostgreSQL names it from); any other statement, itself. */
function nameGroup(statement: string): string {
  const m = /^CREATE INDEX ON (\S+)(?: USING \w+)? \(\(*([A-Za-z_][A-Za-z0-9_]*)/.exec(statement);
  return m ? `${m[1]} ${m[2]}` : statement;
}

/**
 * Rebuilds projections blue/green: replays the whole log once into fresh `__next` tables,
 * committing in chunks (a long transaction would hold back every log reader, ADR 0001), then
 * swaps them in atomically with their checkpoints. Readers keep reading the old tables
 * meanwhile; the live projector, ordered with the swap by the checkpoint rows' locks, carries
 * on from the swapped-in checkpoints.
 */
export async function rebuildProjections(
  store: EventStore,
  sql: SqlClient,
  projections: readonly Projection[],
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  const batchSize = options.batchSize ?? REBUILD_BATCH_SIZE;
  const names = projections.map((p) => p.name);
  // A failing event is quarantined in the rebuild's own quarantine table, swapped in with the
  // tables (ADR 0008). Events apply one by one through a second instance: the first one may
  // be staging the next batch meanwhile.
  // Instances of the rebuild's own: what they note while replaying must not reach anyone else's.
  const notes = new Map<string, unknown>();
  const targets: GuardedTarget[] = projections.map((given) => {
    const [projection, isolated] = [freshCopy(given), freshCopy(given)];
    projection.replayingFromEmpty?.(notes);
    isolated.replayingFromEmpty?.(notes);
    return { projection, isolated, tables: nextTables(given.tables), after: 0, blocked: new Map<string, number>() };
  });
  // Only grows during a rebuild: a batch staged at another value may have applied an event that must wait.
  const blockedCount = () => targets.reduce((n, t) => n + t.blocked.size, 0);
  let quarantined = 0;
  await ensureSchema(sql, projections);

  // Secondary indexes are built once at the end: much cheaper than maintaining them row by row.
  // Except those the projections read through as they write: without them each of those reads
  // scans the table loaded so far, and the rebuild slows down as it goes (quadratic in the log).
  const tables = targets.flatMap((t) => t.projection.tables.map((table) => ({ table, physical: t.tables[table.name] })));
  const readWhileProjecting = (i: IndexDeclaration<string>) => i.readWhileProjecting === true;
  const indexes = tables.flatMap(({ table, physical }) => createIndexStatements(table, physical, (i) => !readWhileProjecting(i)));
  await sql.transaction(async (tx) => {
    for (const { physical } of tables) await tx.query(`DROP TABLE IF EXISTS ${physical}`);
    for (const { table, physical } of tables) {
      await tx.query(createTableStatement(table, physical));
      for (const statement of createIndexStatements(table, physical, readWhileProjecting)) await tx.query(statement);
    }
    await tx.query(quarantineSchema(NEXT_QUARANTINE_TABLE));
    await tx.query(`DELETE FROM ${NEXT_QUARANTINE_TABLE} WHERE projection = ANY($1::text[])`, [names]);
  });

  const total = await store.countEvents();
  const started = Date.now();
  let processed = 0;
  let position = 0;
  const advance = (batch: readonly RecordedEvent[]) => {
    position = batch[batch.length - 1].position;
    processed += batch.length;
    options.onProgress?.(progress());
  };
  const progress = (): RebuildProgress => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? processed / seconds : 0;
    return {
      projections: names,
      processed,
      total: Math.max(total, processed),
      position,
      eventsPerSecond: Math.round(rate),
      etaSeconds: rate > 0 ? Math.max(0, (total - processed) / rate) : null,
      quarantined,
    };
  };

  // Pipelined one batch deep, so that Node and PostgreSQL work at once: batch N is read and
  // staged in memory while batch N-1 is written and committed. N's statements, its lookups
  // too, wait for N-1's commit, so it sees what N-1 wrote, as if it had started after it.
  let next = store.readAll(0, batchSize);
  let previous: Promise<void> = Promise.resolve();
  let writing: Promise<void> = Promise.resolve();
  let written: readonly RecordedEvent[] = [];
  try {
    for (;;) {
      const batch = await next;
      if (batch.length === 0) break;
      next = store.readAll(batch[batch.length - 1].position, batchSize);
      previous = writing;
      const committed = previous; // a const: the transaction below must wait for this batch's predecessor
      let staged!: () => void;
      const isStaged = new Promise<void>((resolve) => (staged = resolve));
      const stagedAt = blockedCount();
      // bulkLoad: on a PostgreSQL server the staged rows go in with COPY (tables/insert-rows.ts).
      writing = sql.transaction(
        async (tx) => {
          const entries = await projectBatch(tx, batch, targets, {
            quarantineTable: NEXT_QUARANTINE_TABLE,
            onStaged: staged,
            after: committed,
            isStale: () => blockedCount() !== stagedAt,
          });
          await committed;
          quarantined += entries.length;
        },
        { bulkLoad: true },
      );
      await Promise.race([isStaged, writing]);
      await previous;
      if (written.length > 0) advance(written);
      written = batch;
    }
    await writing;
    if (written.length > 0) advance(written);
  } finally {
    // On failure, nothing of ours still runs on the pool when the caller sees the error.
    await Promise.allSettled([previous, writing, next]);
  }
  await inSessions(sql, indexes);
  // Fresh tables have no statistics until autovacuum gets to them: the reads right after the
  // swap would be planned blind. After the indexes: ANALYZE also gathers their expressions' statistics.
  await inSessions(
    sql,
    tables.map(({ physical }) => `ANALYZE ${physical}`),
  );
  if (options.swap === false) return progress();

  await sql.transaction(async (tx) => {
    await readCheckpoints(tx, names, true);
    for (const t of targets) {
      const liveNames = liveTables(t.projection.tables);
      for (const [logical, next] of Object.entries(t.tables)) {
        const live = liveNames[logical];
        await tx.query(`ALTER TABLE ${live} RENAME TO ${live}__old`);
        await tx.query(`ALTER TABLE ${next} RENAME TO ${live}`);
        await tx.query(`DROP TABLE ${live}__old`);
      }
    }
    await tx.query(`UPDATE ${CHECKPOINTS_TABLE} SET position = $1 WHERE projection = ANY($2::text[])`, [position, names]);
    await swapInQuarantine(tx, names);
  });
  return progress();
}
