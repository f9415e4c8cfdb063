import Type, { type Static, type TSchema } from 'typebox';
import {
  DiplomaticEventAmendedData,
  DiplomaticEventRecordedData,
  DiplomaticEventRetractedData,
} from '../diplomatic-event/diplomatic-event.events';
import { FactCandidateAcceptedData, FactCandidateDismissedData } from '../fact-review/fact-review.events';
import { StoryCreatedData, StoryRevisedData } from '../story/story.events';
import type { DatelineEventType, EventOfType } from './dateline-event';
import { closedObject, instant, text } from './schema-parts';

const SCHEMAS = {
  StoryCreated: StoryCreatedData,
  StoryRevised: StoryRevisedData,
  DiplomaticEventRecorded: DiplomaticEventRecordedData,
  DiplomaticEventAmended: DiplomaticEventAmendedData,
  DiplomaticEventRetracted: DiplomaticEventRetractedData,
  FactCandidateAccepted: FactCandidateAcceptedData,
  FactCandidateDismissed: FactCandidateDismissedData,
} as const;

/**
 * The JSON Schema (draft 2020-12) of every event type's `data`, keyed by type: a type without
 * a schema does not compile, here (and only here: readers index it by any type). Each is the
 * TypeBox declaration the event's TypeScript type comes from, so schema and type cannot drift;
 * `upcast` checks stored data against them outside production, and they are the payloads of
 * the AsyncAPI document.
 */
export const EVENT_DATA_SCHEMAS: typeof SCHEMAS & { readonly [T in DatelineEventType]: TSchema } = SCHEMAS;

/** The TypeScript type each schema declares: the same as the event's data (a type test keeps them equal). */
export type EventDataOf<T extends DatelineEventType> = Static<(typeof EVENT_DATA_SCHEMAS)[T]>;

/** `EventOfType<T>['data']`, named for the places that hold data apart from its event. */
export type EventData<T extends DatelineEventType> = EventOfType<T>['data'];

export const EVENT_METADATA_SCHEMA = closedObject({
  editor: text(),
  correlationId: text(),
  causationId: Type.Optional(text()),
  idempotencyKey: Type.Optional(text()),
  recordedAt: instant(),
});
export type EventMetadata = Static<typeof EVENT_METADATA_SCHEMA>;
