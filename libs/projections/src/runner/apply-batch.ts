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
 * `onStaged` is called once every projection has taken its staged rows to write them: from
 * then on they may stage the next batch.
 */
export async function applyBatch(batchTx: SqlQueryable, batch: readonly RecordedEvent[], targets: readonly BatchTarget[], onStaged?: () => void): Promise<void> {
  const tx = inOrder(batchTx);
  try {
    for (const recorded of batch) {
      for (const t of targets) {
        if (recorded.position <= t.after || !t.types.has(recorded.type)) continue;
        await t.projection.handle(toProjectedEvent(recorded, { tx, tables: t.tables }));
      }
    }
    // All flushes at once, their statements queued in order: PostgreSQL parses one table's rows
    // while Node serializes the next one's.
    const writes = targets.map((t) => t.projection.flush(tx, t.tables));
    onStaged?.();
    // All settled before a failure is thrown: the caller's ROLLBACK must not overtake a statement.
    const failed = (await Promise.allSettled(writes)).find((w) => w.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (err) {
    for (const t of targets) t.projection.reset();
    throw err;
  }
}

/** `tx` with its statements run one after another however they are called: a connection runs one at a time. */
function inOrder(tx: SqlQueryable): SqlQueryable {
  let last: Promise<unknown> = Promise.resolve();
  return {
    query: <R>(text: string, params?: unknown[]) => {
      const run = last.then(
        () => tx.query<R>(text, params),
        () => tx.query<R>(text, params),
      );
      last = run;
      return run;
    },
  };
}
