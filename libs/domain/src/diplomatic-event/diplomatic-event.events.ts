import Type, { type Static } from 'typebox';
import { closedObject, laterVersion, nonEmptyText, nullableEach, uuid } from '../catalogue/schema-parts';
import { DiplomaticEventFieldsSchema } from './diplomatic-event-fields';

/** The data of `DiplomaticEventRecorded`: every field, with the event's id. */
export const DiplomaticEventRecordedData = closedObject({ eventId: uuid(), ...DiplomaticEventFieldsSchema.properties });

/**
 * What an amendment changes: changed fields only. A `null` value removes an optional field
 * (e.g. `occurredUntil` when a span narrows to a day).
 */
export const AmendmentChangesSchema = Type.ReadonlyObject(Type.Partial(Type.Object(nullableEach(DiplomaticEventFieldsSchema.properties))), {
  additionalProperties: false,
});

/** The data of `DiplomaticEventAmended`. */
export const DiplomaticEventAmendedData = closedObject({
  eventId: uuid(),
  version: laterVersion(),
  changes: AmendmentChangesSchema,
  reason: nonEmptyText(),
});

/** The data of `DiplomaticEventRetracted`. */
export const DiplomaticEventRetractedData = closedObject({ eventId: uuid(), version: laterVersion(), reason: nonEmptyText() });

export type AmendmentChanges = Static<typeof AmendmentChangesSchema>;

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
