import { EventStore, RecordedEvent, SqlClient } from '@dateline/event-store';
import { Projection } from '../projection';
import { liveTables } from '../tables/table-names';
import { readCheckpoints } from './checkpoints';
import { applyUnderSavepoint } from './project-batch';
import { lockStreamQuarantine, QuarantinedEvent, removeFromQuarantine, updateQuarantineError } from './quarantine';

export class QuarantineNotFound extends Error {}
/** The event is not (or no longer) quarantined, or an earlier event of its stream must go first. */
export class QuarantineConflict extends Error {}

export interface RetryOutcome {
  /** The retried event and those that waited behind it and applied now, in log order: they left the quarantine. */
  readonly applied: readonly QuarantinedEvent[];
  /** Those behind it that still fail (the first with its own error) or wait. */
  readonly remaining: readonly QuarantinedEvent[];
}

/**
 * Re-applies a quarantined event to its projection's live tables now, then the events of its
 * stream that waited behind it, in log order, in one transaction (ADR 0008). Safe although it
 * comes after later events of other streams: every projection's rows for a stream are built
 * from that stream's events alone, and the stream's own later events waited. Holds the
 * checkpoint row's lock, which orders it with the projector's batches and a rebuild's swap.
 * If the event still fails, nothing changes and QuarantineConflict says why.
 */
export async function retryQuarantined(store: EventStore, sql: SqlClient, projection: Projection, position: number): Promise<RetryOutcome> {
  // The events first, outside the transaction: on PGlite the store shares its one connection.
  const before = await lockStreamQuarantine(sql, projection.name, position, false);
  const events = new Map<number, RecordedEvent>();
  for (const entry of before.target ? [before.target, ...before.following] : []) {
    const recorded = (await store.readAll(entry.position - 1, 1))[0];
    if (recorded?.position === entry.position) events.set(entry.position, recorded);
  }
  return sql.transaction(async (tx) => {
    await readCheckpoints(tx, [projection.name], true);
    const { target, earlier, following } = await lockStreamQuarantine(tx, projection.name, position);
    if (!target) throw new QuarantineNotFound(`no quarantined event at position ${position} for projection ${projection.name}`);
    if (target.status !== 'quarantined')
      throw new QuarantineConflict(
        `the event at position ${position} was skipped for projection ${projection.name}; a rebuild of the projection applies it again`,
      );
    if (earlier)
      throw new QuarantineConflict(
        `the event at position ${position} waits behind the quarantined event ${earlier.eventId} at position ${earlier.position} of stream ${earlier.streamId}: retry or skip that one first`,
      );

    const applied: QuarantinedEvent[] = [];
    const queue = [target, ...following];
    for (const [i, entry] of queue.entries()) {
      const recorded = events.get(entry.position);
      if (!recorded)
        throw new QuarantineConflict(
          `the event at position ${entry.position} could not be read from the log, or joined the quarantine meanwhile: try again`,
        );
      const failure = await applyUnderSavepoint(tx, recorded, projection, liveTables(projection.tables));
      if (failure) {
        // The retried event itself: throwing rolls everything back, the row keeps its record.
        if (i === 0)
          throw new QuarantineConflict(`the event at position ${position} still fails for projection ${projection.name}: ${failure.error}`);
        await updateQuarantineError(
          tx,
          projection.name,
          entry.position,
          failure.error,
          failure.sqlState,
          queue.slice(i + 1).map((e) => e.position),
        );
        return { applied, remaining: queue.slice(i) };
      }
      await removeFromQuarantine(tx, projection.name, entry.position);
      applied.push(entry);
    }
    return { applied, remaining: [] };
  });
}
