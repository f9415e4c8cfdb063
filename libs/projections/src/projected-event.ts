import { IEvent } from '@nestjs/cqrs';
import {
  DatelineEvent,
  DatelineEventType,
  DiplomaticEventAmended,
  DiplomaticEventRecorded,
  DiplomaticEventRetracted,
  StoryCreated,
  StoryRevised,
  upcast,
} from '@dateline/domain';
import { RecordedEvent, SqlQueryable } from '@dateline/event-store';
import { TableNames } from './table-names';

/** What a projection handler may use while it handles one event of a batch. */
export interface BatchContext {
  /** The batch's transaction: read what the batch has not staged yet. */
  readonly tx: SqlQueryable;
  /** The physical tables to write: the live ones, or a rebuild's fresh ones. */
  readonly tables: TableNames;
}

/**
 * An event from the log as the projections see it: the upcast domain event, where it sits in
 * the log, and its metadata. One subclass per event type, so that `@EventsHandler` can name
 * the types a projection handles.
 */
export abstract class ProjectedEvent<E extends DatelineEvent = DatelineEvent> implements IEvent {
  constructor(
    readonly event: E,
    readonly recorded: RecordedEvent,
    readonly context: BatchContext,
  ) {}

  get position(): number {
    return this.recorded.position;
  }

  get recordedAt(): string {
    return String(this.recorded.metadata.recordedAt);
  }

  get editor(): string | undefined {
    return this.recorded.metadata.editor as string | undefined;
  }
}

export class StoryCreatedEvent extends ProjectedEvent<StoryCreated> {}
export class StoryRevisedEvent extends ProjectedEvent<StoryRevised> {}
export class DiplomaticEventRecordedEvent extends ProjectedEvent<DiplomaticEventRecorded> {}
export class DiplomaticEventAmendedEvent extends ProjectedEvent<DiplomaticEventAmended> {}
export class DiplomaticEventRetractedEvent extends ProjectedEvent<DiplomaticEventRetracted> {}

type ProjectedEventClass = new (event: never, recorded: RecordedEvent, context: BatchContext) => ProjectedEvent;

export const PROJECTED_EVENT_CLASSES: Record<DatelineEventType, ProjectedEventClass> = {
  StoryCreated: StoryCreatedEvent,
  StoryRevised: StoryRevisedEvent,
  DiplomaticEventRecorded: DiplomaticEventRecordedEvent,
  DiplomaticEventAmended: DiplomaticEventAmendedEvent,
  DiplomaticEventRetracted: DiplomaticEventRetractedEvent,
};

export function toProjectedEvent(recorded: RecordedEvent, context: BatchContext): ProjectedEvent {
  const event = upcast(recorded.type, recorded.schemaVersion, recorded.data);
  const Class = PROJECTED_EVENT_CLASSES[event.type];
  return new Class(event as never, recorded, context);
}
