import { DatelineEvent, EventRoutes, upcast } from '@dateline/domain';
import { RecordedEvent, SqlQueryable } from '@dateline/event-store';
import { Table } from './tables/table-declaration';
import { TableNames } from './tables/table-names';

/** What a projection's handler gets beside the event: where it sits in the log, and the batch it belongs to. */
export interface ProjectionContext {
  readonly position: number;
  readonly recordedAt: string;
  readonly editor: string | undefined;
  /** The batch's transaction: read what the batch has not staged yet. */
  readonly tx: SqlQueryable;
  /** The physical tables to write: the live ones, or a rebuild's fresh ones. */
  readonly tables: TableNames;
}

/** What a projection's handlers answer: nothing, once the event's changes are staged. */
export type ProjectionRoutes = EventRoutes<ProjectionContext, Promise<void> | void>;

/**
 * A read model fed from the log. The projector calls it itself, in log order, awaited
 * (docs/architecture.md section 6, rule 4), through `routes`: a handler per event type and a
 * named list of the types it ignores, so that a new event type does not compile until each
 * projection handles or ignores it.
 *
 * Per batch: the handlers stage changes in memory; `flush` writes them set-based in the
 * batch's transaction, together with the checkpoint. `flush` takes what was staged and resets
 * before its first await: a rebuild stages the next batch meanwhile.
 */
export interface Projection {
  /** Also the read model's name: its checkpoint row, its position, the admin routes and metrics use it. */
  readonly name: string;
  /** Its tables, declared once (tables/table-declaration.ts). */
  readonly tables: readonly Table[];
  readonly routes: ProjectionRoutes;
  flush(tx: SqlQueryable, t: TableNames): Promise<void>;
  /** Forgets what was staged (the batch failed). */
  reset(): void;
  /**
   * Called by a rebuild on each instance it uses, before it replays the log from the start into
   * empty tables, with one `notes` map shared by those instances. In a replay the tables hold
   * nothing but what the replay wrote, so what a projection notes there about its writes can
   * spare it queries of its own tables. Optional; the live projector never calls it.
   */
  replayingFromEmpty?(notes: Map<string, unknown>): void;
}

/** A new, empty instance of the same projection: for a rebuild or a retry, while the live one stages the projector's batches. */
export function freshCopy(projection: Projection): Projection {
  return new (projection.constructor as new () => Projection)();
}

/** The domain event a logged event is, upcast to the current schema version. */
export function domainEvent(recorded: RecordedEvent): DatelineEvent {
  return upcast(recorded.type, recorded.schemaVersion, recorded.data);
}

export function projectionContext(recorded: RecordedEvent, tx: SqlQueryable, tables: TableNames): ProjectionContext {
  return {
    position: recorded.position,
    recordedAt: String(recorded.metadata.recordedAt),
    editor: recorded.metadata.editor as string | undefined,
    tx,
    tables,
  };
}
