import Type, { type Static } from 'typebox';
import {
  calendarDate,
  closedObject,
  instant,
  laterVersion,
  nonEmptyText,
  nullableEach,
  oneOf,
  text,
  uuid,
} from '../catalogue/schema-parts';
import { DATE_CERTAINTIES, DATE_PRECISIONS } from '../values/date-knowledge';
import { FactProvenanceSchema } from '../fact-review/fact-provenance';
import { DiplomaticEventFieldsSchema, publishedAtSchema } from './diplomatic-event-fields';

/**
 * The data of `DiplomaticEventRecorded`: every field, with the event's id, its editorial time
 * when the editor gave one, and its provenance when it was accepted from a fact candidate
 * (issue 18): like the id, set once and never amended.
 */
export const DiplomaticEventRecordedData = closedObject({
  eventId: uuid(),
  ...DiplomaticEventFieldsSchema.properties,
  publishedAt: publishedAtSchema(),
  provenance: Type.Optional(FactProvenanceSchema),
});

/**
 * The date fields of a v1 amendment, as the v1→v2 upcaster keeps them: a v1 amendment changed
 * single date fields (`occurredAt: null`), which say what the date became only together with
 * the date before it, and an upcaster sees one event. applyChanges applies them to the date as
 * it stood. Only events stored at v1 carry it; no command makes it.
 */
export const V1DateChangesSchema = Type.ReadonlyObject(
  Type.Partial(
    Type.Object(
      nullableEach({
        occurredOn: calendarDate(),
        occurredUntil: calendarDate(),
        occurredAt: instant(),
        timezone: text(),
        datePrecision: oneOf(DATE_PRECISIONS),
        dateCertainty: oneOf(DATE_CERTAINTIES),
        dateText: text(),
      }),
    ),
  ),
  { additionalProperties: false },
);
export type V1DateChanges = Static<typeof V1DateChangesSchema>;

/**
 * What an amendment changes: changed fields only. A `null` value removes an optional field
 * (e.g. `summary`); `when` is replaced whole.
 */
export const AmendmentChangesSchema = Type.ReadonlyObject(
  Type.Partial(Type.Object({ ...nullableEach(DiplomaticEventFieldsSchema.properties), v1Dates: V1DateChangesSchema })),
  { additionalProperties: false },
);

/** The data of `DiplomaticEventAmended`, with the amendment's editorial time when the editor gave one. */
export const DiplomaticEventAmendedData = closedObject({
  eventId: uuid(),
  version: laterVersion(),
  changes: AmendmentChangesSchema,
  reason: nonEmptyText(),
  publishedAt: publishedAtSchema(),
});

/** The data of `DiplomaticEventRetracted`. */
export const DiplomaticEventRetractedData = closedObject({ eventId: uuid(), version: laterVersion(), reason: nonEmptyText() });

export type AmendmentChanges = Static<typeof AmendmentChangesSchema>;
/** What an editor's amendment may change: every field, not the v1 date changes of stored events. */
export type AmendmentInput = Omit<AmendmentChanges, 'v1Dates'>;

export interface DiplomaticEventRecorded {
  readonly type: 'DiplomaticEventRecorded';
  readonly data: Static<typeof DiplomaticEventRecordedData>;
}

export interface DiplomaticEventAmended {
  readonly type: 'DiplomaticEventAmended';
  readonly data: Static<typeof DiplomaticEventAmendedData>;
}

export interface DiplomaticEventRetracted {
  readonly type: 'DiplomaticEventRetracted';
  readonly data: Static<typeof DiplomaticEventRetractedData>;
}

export type DiplomaticEventEvent = DiplomaticEventRecorded | DiplomaticEventAmended | DiplomaticEventRetracted;
