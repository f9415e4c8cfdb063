/**
 * Projection rebuild throughput against a plain SELECT of the log on the same server, in the
 * same run, at 100k and 1M events (DESIGN: at least 0.5 times the SELECT rate).
 *
 *   npx tsx bench/rebuild.bench.ts [--sizes 100000,1000000]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { PROJECTION_CLASSES, rebuildProjections } from '@dateline/projections';
import { createTempDatabase } from '../test/support/temp-database';
import { describeMachine } from './machine';
import { fillSyntheticLog } from './support/synthetic-log';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '100000,1000000' } } });
const sizes = values.sizes!.split(',').map(Number);

async function plainSelect(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const { rows } = await client.query('SELECT * FROM dateline_events ORDER BY position');
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return rows.length / seconds;
}

async function main(): Promise<void> {
  const results = [];
  for (const size of sizes) {
    const db = await createTempDatabase('dateline_bench');
    const sql = new PgClient(db.url, 4);
    try {
      const store = await PostgresEventStore.create(sql);
      const filling = performance.now();
      await fillSyntheticLog(sql, size);
      await sql.query('VACUUM ANALYZE dateline_events');
      console.log(`${size} events written in ${((performance.now() - filling) / 1000).toFixed(1)} s`);

      const selectRate = await plainSelect(db.url);
      const perProjection = [];
      for (const Projection of PROJECTION_CLASSES) {
        const p = await rebuildProjections(store, sql, [new Projection()], { batchSize: 5000 });
        perProjection.push({ projection: p.projections[0], eventsPerSec: p.eventsPerSecond, ratioToSelect: +(p.eventsPerSecond / selectRate).toFixed(2) });
      }
      const all = await rebuildProjections(store, sql, PROJECTION_CLASSES.map((P) => new P()), { batchSize: 5000 });
      const r = {
        events: size,
        plainSelectEventsPerSec: Math.round(selectRate),
        allProjectionsOnePass: { eventsPerSec: all.eventsPerSecond, ratioToSelect: +(all.eventsPerSecond / selectRate).toFixed(2) },
        perProjection,
      };
      results.push(r);
      console.log(JSON.stringify(r, null, 1));
      await store.close();
    } finally {
      await sql.close();
      await db.drop();
    }
  }
  const report = { benchmark: 'rebuild', date: new Date().toISOString(), machine: await describeMachine(process.env.DATELINE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'), results };
  const file = `bench/results/${report.date.slice(0, 10)}-rebuild.json`;
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  console.log(`written to ${file}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
