import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { PROJECTION_CLASSES, rebuildProjections } from '@dateline/projections';
import { Log } from './bench-cli';
import { fillSyntheticLog } from './synthetic-log';

/**
 * A benchmark's store: `events` synthetic events (over `days` days) written into the database
 * behind `sql`, every read model rebuilt from them, then VACUUM ANALYZE, so that the reads are
 * planned with statistics, as autovacuum would give them. Logs how long each step took.
 */
export async function projectedSyntheticLog(sql: PgClient, events: number, log: Log, days?: number): Promise<{ sampleDate: string }> {
  const store = await PostgresEventStore.create(sql);
  try {
    let t = performance.now();
    const { sampleDate } = await fillSyntheticLog(sql, events, days);
    log(`${events} events written in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    t = performance.now();
    await rebuildProjections(
      store,
      sql,
      PROJECTION_CLASSES.map((P) => new P()),
    );
    await sql.query('VACUUM ANALYZE');
    log(`read models built in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    return { sampleDate };
  } finally {
    await store.close();
  }
}
