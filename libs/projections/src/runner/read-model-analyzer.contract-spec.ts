import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { diplomaticEventDecider, diplomaticEventStream, EVENT_CATALOGUE } from '@dateline/domain';
import { PgClient, PostgresEventStore, SqlClient } from '@dateline/event-store';
import { createTempDatabase, TempDatabase } from '@dateline/event-store/testing';
import { Projection } from '../projection';
import { declareTable } from '../tables/table-declaration';
import { EventHistoryProjection } from '../read-models/event-history/event-history.projection';
import { EVENT_HISTORY_READ_MODEL } from '../read-models/event-history/event-history.table';
import { TimelineEntriesProjection } from '../read-models/timeline-entries/timeline-entries.projection';
import { TIMELINE_READ_MODEL } from '../read-models/timeline-entries/timeline-entries.table';
import { Projector, ProjectorOptions } from './projector';

/** Long enough never to run out on a slow machine: the waits that must succeed do so at once. */
const GENEROUS_MS = 30_000;
/** A small floor, so that a few hundred events cross it; the rule is the one the service runs. */
const FLOOR = 200;
const VERSIONS = 'diplomatic_event_versions';
const ENTRIES = 'timeline_entries_v3';

/** A read model with a table beside its rows' that the spec drops under it: its ANALYZE must fail. */
const SPARE = declareTable<{ id: string }>()({
  name: 'analyzer_spec_spare',
  columns: { id: { type: 'text' } },
  primaryKey: ['id'],
  indexes: [],
});
function historyWithSpareTable(): Projection {
  const history = new EventHistoryProjection();
  return {
    name: 'history-with-spare-table',
    tables: [...history.tables, SPARE],
    routes: history.routes,
    flush: (tx, t) => history.flush(tx, t),
    reset: () => history.reset(),
  };
}

interface TableStats {
  analyzed: boolean;
  /** The planner's row estimate: -1 until the table's first ANALYZE, then what it counted. */
  reltuples: number;
  modSinceAnalyze: number;
}

/** A database of its own for the describe block that calls it, its store, and what the specs do with them. */
function freshDatabase() {
  let db: TempDatabase;
  let sql: SqlClient;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTempDatabase();
    sql = new PgClient(db.url, 8);
    store = await PostgresEventStore.create(sql);
  });

  afterAll(async () => {
    await store.close();
    await sql.close();
    await db.drop();
  });

  async function stats(table: string): Promise<TableStats> {
    const { rows } = await sql.query<{ analyzed: boolean; reltuples: number; n: string }>(
      `SELECT s.last_analyze IS NOT NULL AS analyzed, c.reltuples::float8 AS reltuples, s.n_mod_since_analyze AS n
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = $1`,
      [table],
    );
    return { analyzed: rows[0].analyzed, reltuples: rows[0].reltuples, modSinceAnalyze: Number(rows[0].n) };
  }

  /** Records `n` diplomatic events, one stream each, and answers the last position. */
  async function record(n: number): Promise<number> {
    const positions = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const eventId = randomUUID();
        const events = diplomaticEventDecider.decide(
          {
            type: 'RecordDiplomaticEvent',
            eventId,
            fields: { title: `Talks ${i}`, kind: 'talks', when: { precision: 'day', on: '2025-05-16', certainty: 'explicit' } },
          },
          diplomaticEventDecider.initialState,
        );
        const logged = events.map((e) => ({
          id: randomUUID(),
          type: e.type,
          schemaVersion: EVENT_CATALOGUE[e.type].version,
          data: e.data,
          metadata: { editor: 'spec', correlationId: randomUUID(), recordedAt: new Date().toISOString() },
        }));
        return (await store.append(diplomaticEventStream(eventId), logged, 'no_stream')).position;
      }),
    );
    return Math.max(...positions);
  }

  async function startProjector(
    options: ProjectorOptions,
    projections: Projection[] = [new TimelineEntriesProjection(), new EventHistoryProjection()],
  ): Promise<Projector> {
    const projector = new Projector(store, sql, projections, options);
    await projector.start();
    return projector;
  }

  return {
    query: (text: string, params?: unknown[]) => sql.query(text, params),
    stats,
    record,
    startProjector,
  };
}

/** Polls until `check` holds: what it waits for happens off the projector's batches, on another connection. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + GENEROUS_MS;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('did not happen in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the projector analyzes the read models it fills (PostgreSQL without autovacuum)', () => {
  const pg = freshDatabase();

  it('analyzes a read model once the events it took pass the floor, and not before', async () => {
    const analyzed: { readModel: string; tables: readonly string[]; events: number }[] = [];
    const failures: unknown[] = [];
    const projector = await pg.startProjector({
      analyze: {
        floor: FLOOR,
        onAnalyzed: (readModel, tables, events) => analyzed.push({ readModel, tables, events }),
        onFailed: (_, err) => failures.push(err),
      },
    });
    try {
      // Below the floor: nothing analyzed, the tables have no statistics.
      const below = await pg.record(FLOOR / 2);
      expect(await projector.waitFor(below, GENEROUS_MS)).toBe(true);
      expect(analyzed).toEqual([]);
      expect(await pg.stats(VERSIONS)).toMatchObject({ analyzed: false, reltuples: -1 });

      // Past it: both read models' tables are analyzed, and the planner knows their size.
      const past = await pg.record(FLOOR);
      expect(await projector.waitFor(past, GENEROUS_MS)).toBe(true);
      await eventually(async () => (await pg.stats(VERSIONS)).analyzed && (await pg.stats(ENTRIES)).analyzed);
      expect(failures).toEqual([]);
      expect(analyzed.map((a) => a.readModel).sort()).toEqual([EVENT_HISTORY_READ_MODEL, TIMELINE_READ_MODEL].sort());
      expect(analyzed.every((a) => a.events >= FLOOR)).toBe(true);
      // Each event of these is one version row; its reltuples counts what the ANALYZE saw.
      expect((await pg.stats(VERSIONS)).reltuples).toBeGreaterThanOrEqual(FLOOR);
    } finally {
      await projector.stop();
    }
  });

  it('after a restart, counts the rows the statistics say changed since the last ANALYZE', async () => {
    await pg.query(`ANALYZE ${VERSIONS}`);
    const before = await pg.stats(VERSIONS);
    // A projector that does not analyze writes past the floor, then stops.
    const quiet = await pg.startProjector({ analyze: false });
    try {
      expect(await quiet.waitFor(await pg.record(2 * FLOOR), GENEROUS_MS)).toBe(true);
    } finally {
      await quiet.stop();
    }
    // The server counts all those rows as changed since the ANALYZE (each backend reports its own,
    // up to seconds later): then none can be reported after the next ANALYZE and count against it.
    await eventually(async () => (await pg.stats(VERSIONS)).modSinceAnalyze >= 2 * FLOOR);

    const analyzed: string[] = [];
    const projector = await pg.startProjector({ analyze: { floor: FLOOR, onAnalyzed: (readModel) => analyzed.push(readModel) } });
    try {
      // One more event: the count it adds to is the server's, not zero.
      expect(await projector.waitFor(await pg.record(1), GENEROUS_MS)).toBe(true);
      await eventually(async () => analyzed.includes(EVENT_HISTORY_READ_MODEL));
      const after = await pg.stats(VERSIONS);
      expect(after.reltuples).toBeGreaterThan(before.reltuples);
      expect(after.modSinceAnalyze).toBeLessThan(FLOOR);
    } finally {
      await projector.stop();
    }
  });
});

describe('a failed ANALYZE (PostgreSQL)', () => {
  const pg = freshDatabase();

  it('reports a failed ANALYZE and goes on projecting', async () => {
    const failed: string[] = [];
    const projector = await pg.startProjector({ analyze: { floor: FLOOR, onFailed: (readModel) => failed.push(readModel) } }, [
      historyWithSpareTable(),
    ]);
    try {
      await pg.query(`DROP TABLE ${SPARE.name}`);
      expect(await projector.waitFor(await pg.record(FLOOR + 1), GENEROUS_MS)).toBe(true);
      await eventually(async () => failed.includes('history-with-spare-table'));
      // Still running: later events are projected.
      expect(await projector.waitFor(await pg.record(1), GENEROUS_MS)).toBe(true);
    } finally {
      await projector.stop();
    }
  });
});
