import { RecordedEvent, SqlQueryable } from '@dateline/event-store';
import { toProjectedEvent } from '../projected-event';
import { Projection } from '../projection';
import { TableNames } from '../table-names';

export interface BatchTarget {
  readonly projection: Projection;
  readonly types: ReadonlySet<string>;
  readonly tables: TableNames;
  /** Events at or before this position are already in its tables. */
  readonly after: number;
}

/**
 * Hands each event to the projections that handle it, in log order, awaited, then lets each
 * write what it staged. Runs inside the caller's transaction; on failure the staging is reset.
 */
export async function applyBatch(tx: SqlQueryable, batch: readonly RecordedEvent[], targets: readonly BatchTarget[]): Promise<void> {
  try {
    for (const recorded of batch) {
      for (const t of targets) {
        if (recorded.position <= t.after || !t.types.has(recorded.type)) continue;
        await t.projection.handle(toProjectedEvent(recorded, { tx, tables: t.tables }));
      }
    }
    for (const t of targets) await t.projection.flush(tx, t.tables);
  } catch (err) {
    for (const t of targets) t.projection.reset();
    throw err;
  }
}
