/**
 * Projection rebuild throughput against a plain SELECT of the log on the same server, in the
 * same run, at 100k and 1M events (goal of issue 19: at least 0.6 times the SELECT rate and 50,000 events/s).
 * Also against the raw limit (support/raw-load.ts): PostgreSQL alone loading and indexing the
 * rows the rebuild made, which no rebuild of these read models can beat on this server.
 *
 *   npx tsx bench/rebuild.bench.ts [--sizes 100000,1000000] [--quick]
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { PROJECTION_CLASSES, rebuildProjections, Table } from '@dateline/projections';
import { createTempDatabase, TEST_PG_ADMIN_URL } from '@dateline/event-store/testing';
import { describeMachine } from './machine';
import { cli, RunOptions, writeReport } from './support/bench-cli';
import { rawLoad } from './support/raw-load';
import { fillSyntheticLog } from './support/synthetic-log';

/** Goal (docs/benchmarks.md): rebuild ≥ 0.6 × the plain SELECT (issue 19; 0.5 before it), and ≥ 50,000 events/s. */
export const REBUILD_GOALS = { ratioToSelect: 0.6, eventsPerSec: 50_000 };

export interface RebuildOptions extends RunOptions {
  sizes?: number[];
  /** Also rebuild each projection alone (default: yes, except with quick). */
  perProjection?: boolean;
}

async function plainSelect(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const { rows } = await client.query('SELECT * FROM dateline_events ORDER BY position');
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return rows.length / seconds;
}

export async function run(options: RebuildOptions = {}) {
  const log = options.log ?? console.log;
  const sizes = options.sizes ?? (options.quick ? [50_000] : [100_000, 1_000_000]);
  const withPerProjection = options.perProjection ?? !options.quick;
  const results = [];
  for (const size of sizes) {
    const db = await createTempDatabase('dateline_bench');
    const sql = new PgClient(db.url, 4);
    try {
      const store = await PostgresEventStore.create(sql);
      const filling = performance.now();
      await fillSyntheticLog(sql, size);
      await sql.query('VACUUM ANALYZE dateline_events');
      log(`${size} events written in ${((performance.now() - filling) / 1000).toFixed(1)} s`);

      const selectRate = await plainSelect(db.url);
      const perProjection = [];
      if (withPerProjection) {
        for (const Projection of PROJECTION_CLASSES) {
          const p = await rebuildProjections(store, sql, [new Projection()], { batchSize: 5000 });
          perProjection.push({
            projection: p.projections[0],
            eventsPerSec: p.eventsPerSecond,
            ratioToSelect: +(p.eventsPerSecond / selectRate).toFixed(2),
          });
        }
      }
      const all = await rebuildProjections(
        store,
        sql,
        PROJECTION_CLASSES.map((P) => new P()),
        { batchSize: 5000 },
      );
      // The raw limit: PostgreSQL alone loading and indexing the rows this rebuild made.
      const raw = await rawLoad(
        db.url,
        PROJECTION_CLASSES.flatMap((P): readonly Table[] => new P().tables),
      );
      const rawEventsPerSec = Math.round(size / raw.seconds);
      const r = {
        events: size,
        plainSelectEventsPerSec: Math.round(selectRate),
        allProjectionsOnePass: {
          eventsPerSec: all.eventsPerSecond,
          ratioToSelect: +(all.eventsPerSecond / selectRate).toFixed(2),
          ratioToRawLoad: +(all.eventsPerSecond / rawEventsPerSec).toFixed(2),
        },
        rawLoad: { ...raw, eventsPerSec: rawEventsPerSec },
        perProjection,
      };
      results.push(r);
      log(
        `${size} events: plain SELECT ${r.plainSelectEventsPerSec}/s, rebuild ${all.eventsPerSecond}/s, ratio ${r.allProjectionsOnePass.ratioToSelect}; ` +
          `PostgreSQL alone loading its rows ${rawEventsPerSec}/s (${raw.loadSeconds} s load, ${raw.indexSeconds} s indexes), ratio ${r.allProjectionsOnePass.ratioToRawLoad}`,
      );
      await store.close();
    } finally {
      await sql.close();
      await db.drop();
    }
  }
  return {
    benchmark: 'rebuild',
    date: new Date().toISOString(),
    goals: REBUILD_GOALS,
    machine: await describeMachine(TEST_PG_ADMIN_URL),
    results,
  };
}

if (require.main === module) {
  cli(async () => {
    const { values } = parseArgs({ options: { sizes: { type: 'string' }, quick: { type: 'boolean', default: false } } });
    const report = await run({ quick: values.quick, sizes: values.sizes?.split(',').map(Number), log: (l) => console.log(l) });
    for (const r of report.results) console.log(JSON.stringify(r, null, 1));
    const file = `bench/results/${report.date.slice(0, 10)}-rebuild${values.quick ? '-quick' : ''}.json`;
    writeReport(file, report);
    console.log(`written to ${file}`);
  });
}
