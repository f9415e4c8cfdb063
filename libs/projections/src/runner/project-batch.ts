import { RecordedEvent, SqlQueryable } from '@dateline/event-store';
import { domainEvent, Projection, projectionContext } from '../projection';
import { TableNames } from '../tables/table-names';
import { applyBatch, BatchTarget, waitsBehind, wants } from './apply-batch';
import { blameDatabase, isEventFault, messageOf, sqlStateOf, StaleStaging } from './event-fault';
import { QuarantineEntry, recordQuarantine } from './quarantine';

export interface GuardedTarget extends BatchTarget {
  /** Updated as events are quarantined, so that later events of the stream wait behind them. */
  readonly blocked: Map<string, number>;
  /**
   * The instance that applies events one by one when the batch failed: `projection` itself in
   * the projector; another one in a rebuild, whose `projection` may be staging the next batch.
   */
  readonly isolated: Projection;
}

export interface ProjectBatchOptions {
  /** Where to record quarantined events: the live table, or a rebuild's. */
  readonly quarantineTable: string;
  readonly onStaged?: () => void;
  /** The commit of the batch before (a rebuild's pipeline): every statement of this batch waits for it. */
  readonly after?: Promise<void>;
  /** True when this batch was staged before an earlier one quarantined events (a rebuild's pipeline). */
  readonly isStale?: () => boolean;
}

/**
 * Applies a batch in the caller's transaction so that no event can stop it (ADR 0008). All
 * together first, as always; if that fails because of an event (event-fault.ts), back to a
 * savepoint and once more event by event, each projection's application of each event under a
 * savepoint of its own: the good events are applied (once: the first attempt was rolled back),
 * the failing ones quarantined with their error, and later events of their stream recorded as
 * waiting behind them. Any other failure is thrown, for the caller to retry the whole batch.
 * Answers what was quarantined, recorded in the same transaction.
 */
export async function projectBatch(
  tx: SqlQueryable,
  batch: readonly RecordedEvent[],
  targets: readonly GuardedTarget[],
  options: ProjectBatchOptions,
): Promise<QuarantineEntry[]> {
  const after = options.after;
  const view = after ? afterCommit(tx, after) : tx;
  // Straight on the transaction: the savepoint needs nothing of the batch before.
  await tx.query('SAVEPOINT dateline_batch');
  let quarantined: QuarantineEntry[];
  try {
    quarantined = await applyBatch(blameDatabase(view), batch, targets, options.onStaged);
    await after;
    if (options.isStale?.()) throw new StaleStaging();
  } catch (err) {
    if (!isEventFault(err)) throw err;
    await after;
    await tx.query('ROLLBACK TO SAVEPOINT dateline_batch');
    quarantined = await applyOneByOne(tx, batch, targets);
  }
  await recordQuarantine(tx, options.quarantineTable, quarantined);
  return quarantined;
}

async function applyOneByOne(
  tx: SqlQueryable,
  batch: readonly RecordedEvent[],
  targets: readonly GuardedTarget[],
): Promise<QuarantineEntry[]> {
  const quarantined: QuarantineEntry[] = [];
  for (const recorded of batch) {
    for (const t of targets) {
      if (!wants(t, recorded)) continue;
      const head = t.blocked.get(recorded.streamId);
      if (head !== undefined) {
        quarantined.push(waitsBehind(t.projection.name, recorded, head));
        continue;
      }
      const failure = await applyUnderSavepoint(tx, recorded, t.isolated, t.tables);
      if (failure) {
        t.blocked.set(recorded.streamId, recorded.position);
        quarantined.push({ projection: t.projection.name, recorded, ...failure });
      }
    }
  }
  return quarantined;
}

/**
 * Applies one event to one projection under a savepoint. Answers the error when the event is
 * at fault (its changes rolled back, the transaction usable); throws any other failure.
 */
export async function applyUnderSavepoint(
  tx: SqlQueryable,
  recorded: RecordedEvent,
  projection: Projection,
  tables: TableNames,
): Promise<{ error: string; sqlState?: string } | undefined> {
  await tx.query('SAVEPOINT dateline_event');
  try {
    const blamed = blameDatabase(tx);
    await projection.routes.route(domainEvent(recorded), projectionContext(recorded, blamed, tables));
    await projection.flush(blamed, tables);
    await tx.query('RELEASE SAVEPOINT dateline_event');
    return undefined;
  } catch (err) {
    projection.reset();
    if (!isEventFault(err)) throw err;
    await tx.query('ROLLBACK TO SAVEPOINT dateline_event');
    const sqlState = sqlStateOf(err);
    return { error: messageOf(err), ...(sqlState ? { sqlState } : {}) };
  }
}

/** `tx`, whose statements first wait for `committed`. */
export function afterCommit(tx: SqlQueryable, committed: Promise<void>): SqlQueryable {
  const copyFrom = tx.copyFrom?.bind(tx);
  return {
    query: async <R>(text: string, params?: unknown[]) => {
      await committed;
      return tx.query<R>(text, params);
    },
    ...(copyFrom
      ? {
          copyFrom: async (statement: string, data: string) => {
            await committed;
            return copyFrom(statement, data);
          },
        }
      : {}),
  };
}
