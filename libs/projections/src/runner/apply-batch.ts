import { RecordedEvent, SqlQueryable } from '@dateline/event-store';
import { DatelineEvent } from '@dateline/domain';
import { domainEvent, Projection, projectionContext } from '../projection';
import { TableNames } from '../tables/table-names';
import { isAfterAbort } from './event-fault';
import { QuarantineEntry } from './quarantine';

export interface BatchTarget {
  readonly projection: Projection;
  readonly tables: TableNames;
  /** Events at or before this position are already in its tables. */
  readonly after: number;
  /**
   * Streams with a quarantined event for this projection, to that event's position: their later
   * events are not applied but recorded as waiting behind it (ADR 0008).
   */
  readonly blocked?: ReadonlyMap<string, number>;
}

/**
 * Hands each event to the projections that handle it, in log order, awaited, then lets each
 * write what it staged. Runs inside the caller's transaction; on failure the staging is reset.
 * `onStaged` is called once every projection has taken its staged rows to write them: from
 * then on they may stage the next batch. Answers the events that wait behind a quarantined one.
 */
export async function applyBatch(
  batchTx: SqlQueryable,
  batch: readonly RecordedEvent[],
  targets: readonly BatchTarget[],
  onStaged?: () => void,
): Promise<QuarantineEntry[]> {
  const tx = inOrder(batchTx);
  const waiting: QuarantineEntry[] = [];
  let handedOver = false;
  try {
    for (const recorded of batch) {
      // Upcast once, for the first projection that wants the event.
      let event: DatelineEvent | undefined;
      for (const t of targets) {
        if (!wants(t, recorded)) continue;
        const head = t.blocked?.get(recorded.streamId);
        if (head !== undefined) {
          waiting.push(waitsBehind(t.projection.name, recorded, head));
          continue;
        }
        event ??= domainEvent(recorded);
        await t.projection.routes.route(event, projectionContext(recorded, tx, t.tables));
      }
    }
    // All flushes at once, their statements queued in order: PostgreSQL parses one table's rows
    // while Node serializes the next one's.
    const writes = targets.map((t) => t.projection.flush(tx, t.tables));
    handedOver = true;
    onStaged?.();
    // All settled before a failure is thrown: the caller's ROLLBACK must not overtake a statement.
    const failures = (await Promise.allSettled(writes)).flatMap((w) => (w.status === 'rejected' ? [w.reason as unknown] : []));
    // The cause, not a statement that only failed because the transaction had already failed.
    if (failures.length > 0) throw failures.find((f) => !isAfterAbort(f)) ?? failures[0];
    return waiting;
  } catch (err) {
    // Once handed over, the projections may be staging the next batch: theirs to keep.
    if (!handedOver) for (const t of targets) t.projection.reset();
    throw err;
  }
}

/** Whether the target's projection still has to see this event: it is past its checkpoint and of a type it handles. */
export function wants(t: BatchTarget, recorded: RecordedEvent): boolean {
  return recorded.position > t.after && (t.projection.routes.handled as ReadonlySet<string>).has(recorded.type);
}

export function waitsBehind(projection: string, recorded: RecordedEvent, head: number): QuarantineEntry {
  return {
    projection,
    recorded,
    error: `waits behind the quarantined event at position ${head} of stream ${recorded.streamId}`,
    waitsBehind: head,
  };
}

/** `tx` with its statements run one after another however they are called: a connection runs one at a time. */
function inOrder(tx: SqlQueryable): SqlQueryable {
  let last: Promise<unknown> = Promise.resolve();
  const next = <T>(statement: () => Promise<T>): Promise<T> => {
    const run = last.then(statement, statement);
    last = run;
    return run;
  };
  const copyFrom = tx.copyFrom?.bind(tx);
  return {
    query: <R>(text: string, params?: unknown[]) => next(() => tx.query<R>(text, params)),
    ...(copyFrom ? { copyFrom: (statement: string, data: string) => next(() => copyFrom(statement, data)) } : {}),
  };
}
