import { IEventHandler } from '@nestjs/cqrs';
import { SqlQueryable } from '@dateline/event-store';
import { ProjectedEvent } from './projected-event';
import { TableNames } from './table-names';

/**
 * A read model fed from the log. Implementations are `@EventsHandler` classes: the projector
 * finds the event types they handle in that decorator's metadata, and calls them itself, in
 * log order, awaited (the EventBus of @nestjs/cqrs neither awaits handlers nor keeps order).
 *
 * Per batch: `handle` for each event stages changes in memory; `flush` writes them set-based
 * in the batch's transaction, together with the checkpoint. `flush` takes what was staged and
 * resets before its first await: a rebuild stages the next batch meanwhile.
 */
export interface Projection extends IEventHandler<ProjectedEvent> {
  readonly name: string;
  /** Logical names of the tables it owns. */
  readonly tables: readonly string[];
  /** CREATE statements for its tables and indexes, given their physical names. */
  schema(t: TableNames): string[];
  handle(event: ProjectedEvent): Promise<void> | void;
  flush(tx: SqlQueryable, t: TableNames): Promise<void>;
  /** Forgets what was staged (the batch failed). */
  reset(): void;
}
