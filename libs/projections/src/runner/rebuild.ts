import { EventStore, SqlClient } from '@dateline/event-store';
import { Projection } from '../projection';
import { liveTables, nextTables } from '../table-names';
import { applyBatch } from './apply-batch';
import { CHECKPOINTS_TABLE, ensureSchema, readCheckpoints } from './checkpoints';
import { handledTypes } from './handled-types';

export interface RebuildProgress {
  readonly projection: string;
  readonly processed: number;
  readonly total: number;
  readonly position: number;
  readonly eventsPerSecond: number;
  readonly etaSeconds: number | null;
}

export interface RebuildOptions {
  readonly batchSize?: number;
  readonly onProgress?: (p: RebuildProgress) => void;
  /** Build the fresh tables but do not swap them in (tests compare them with the live ones). */
  readonly swap?: boolean;
}

/**
 * Rebuilds one projection blue/green: replays the whole log into fresh `__next` tables,
 * committing in chunks (a long transaction would hold back every log reader, ADR 0001), then
 * swaps them in atomically with the checkpoint. Readers keep reading the old tables meanwhile;
 * the live projector, ordered with the swap by the checkpoint row's lock, carries on from the
 * swapped-in checkpoint.
 */
export async function rebuildProjection(store: EventStore, sql: SqlClient, projection: Projection, options: RebuildOptions = {}): Promise<RebuildProgress> {
  const batchSize = options.batchSize ?? 5000;
  const tables = nextTables(projection.tables);
  const target = { projection, types: handledTypes(projection), tables, after: 0 };
  await ensureSchema(sql, [projection]);
  await sql.transaction(async (tx) => {
    for (const t of Object.values(tables)) await tx.query(`DROP TABLE IF EXISTS ${t}`);
    for (const statement of projection.schema(tables)) await tx.query(statement);
  });

  const total = await store.countEvents();
  const started = Date.now();
  let processed = 0;
  let position = 0;
  const progress = (): RebuildProgress => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? processed / seconds : 0;
    return { projection: projection.name, processed, total: Math.max(total, processed), position, eventsPerSecond: Math.round(rate), etaSeconds: rate > 0 ? Math.max(0, (total - processed) / rate) : null };
  };

  const catchUp = async () => {
    for (;;) {
      const batch = await store.readAll(position, batchSize);
      if (batch.length === 0) return;
      await sql.transaction((tx) => applyBatch(tx, batch, [target]));
      position = batch[batch.length - 1].position;
      processed += batch.length;
      options.onProgress?.(progress());
    }
  };
  await catchUp();
  if (options.swap === false) return progress();

  await sql.transaction(async (tx) => {
    await readCheckpoints(tx, [projection.name], true);
    for (const [logical, next] of Object.entries(tables)) {
      const live = liveTables([logical])[logical];
      await tx.query(`ALTER TABLE ${live} RENAME TO ${live}__old`);
      await tx.query(`ALTER TABLE ${next} RENAME TO ${live}`);
      await tx.query(`DROP TABLE ${live}__old`);
    }
    await tx.query(`UPDATE ${CHECKPOINTS_TABLE} SET position = $1 WHERE projection = $2`, [position, projection.name]);
  });
  return progress();
}
