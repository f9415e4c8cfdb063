import Type, { type Static } from 'typebox';
import { calendarDate, closedObject, instant, nonEmptyText, oneOf, readonlyArray, text, uuid } from '../catalogue/schema-parts';
import { DATE_CERTAINTIES, DATE_PRECISIONS } from '../values/date-knowledge';
import { EVENT_KINDS } from '../values/event-kind';
import { ParticipantSchema, PlaceSchema, QuoteSchema } from './diplomatic-event-parts';

/**
 * Schema version 1 of a diplomatic event's fields, as events stored before issue 16 hold them.
 * Kept, frozen, for the v1→v2 upcasters (event-upcasters.ts) and for the test that checks the
 * committed v1 log (test/fixtures/v1-log.json) against it; nothing writes it any more.
 */
export const SourceV1Schema = closedObject({
  name: text(),
  url: Type.Optional(text()),
  /** The report hedges this fact ("reportedly", "citing a source"). */
  hedged: Type.Boolean(),
  note: Type.Optional(text()),
});

export const DiplomaticEventFieldsV1Schema = closedObject({
  title: nonEmptyText(),
  kind: oneOf(EVENT_KINDS),
  occurredOn: calendarDate(),
  occurredUntil: Type.Optional(calendarDate()),
  occurredAt: Type.Optional(instant()),
  timezone: Type.Optional(text()),
  datePrecision: oneOf(DATE_PRECISIONS),
  dateCertainty: oneOf(DATE_CERTAINTIES),
  dateText: Type.Optional(text()),
  summary: Type.Optional(text()),
  location: Type.Optional(PlaceSchema),
  participants: readonlyArray(ParticipantSchema),
  sources: readonlyArray(SourceV1Schema),
  quotes: readonlyArray(QuoteSchema),
  cameoCode: Type.Optional(text({ pattern: '^\\d{2,4}$' })),
  storyIds: readonlyArray(uuid()),
});
export type DiplomaticEventFieldsV1 = Static<typeof DiplomaticEventFieldsV1Schema>;
export type SourceV1Fields = Static<typeof SourceV1Schema>;

/** `DiplomaticEventRecorded` v1 data. */
export const DiplomaticEventRecordedV1Data = closedObject({ eventId: uuid(), ...DiplomaticEventFieldsV1Schema.properties });
export type DiplomaticEventRecordedV1 = Static<typeof DiplomaticEventRecordedV1Data>;

/** `DiplomaticEventAmended` v1 data: v1 fields that changed, null removing an optional one. */
export const DiplomaticEventAmendedV1Data = closedObject({
  eventId: uuid(),
  version: Type.Integer({ minimum: 2 }),
  changes: Type.ReadonlyObject(
    Type.Partial(
      Type.Object(
        Object.fromEntries(
          Object.entries(DiplomaticEventFieldsV1Schema.properties).map(([key, schema]) => [key, Type.Union([schema, Type.Null()])]),
        ),
      ),
    ),
    { additionalProperties: false },
  ),
  reason: nonEmptyText(),
});
/** The changes of a v1 amendment, typed by hand: the schema above only checks them. */
export type AmendmentChangesV1 = { readonly [K in keyof DiplomaticEventFieldsV1]?: DiplomaticEventFieldsV1[K] | null };
export interface DiplomaticEventAmendedV1 {
  readonly eventId: string;
  readonly version: number;
  readonly changes: AmendmentChangesV1;
  readonly reason: string;
}
