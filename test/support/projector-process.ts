/**
 * The projector alone in a process, on PostgreSQL (DATABASE_URL), so that a test can SIGKILL it
 * at any point. Small batches (PROJECTOR_BATCH) make a kill land between batches and inside them.
 */
import 'reflect-metadata';
import { PgClient, PostgresEventStore } from '@dateline/event-store';
import { PROJECTION_CLASSES, Projector } from '@dateline/projections';

async function main(): Promise<void> {
  const sql = new PgClient(process.env.DATABASE_URL!, 4);
  const store = await PostgresEventStore.create(sql);
  const projector = new Projector(
    store,
    sql,
    PROJECTION_CLASSES.map((C) => new C()),
    {
      batchSize: Number(process.env.PROJECTOR_BATCH ?? 7),
      idlePollMs: 20,
      onError: (err) => console.error(err),
    },
  );
  await projector.start();
  console.log('projector: started');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
