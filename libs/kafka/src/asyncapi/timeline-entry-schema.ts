import { CAMEO_CODEBOOK, DiplomaticEventRecordedV1Data } from '@dateline/domain';

type Schema = Record<string, unknown>;

/**
 * JSON Schema of a `DiplomaticEventEntry` (libs/domain/src/timeline/timeline-entry.ts), the value
 * of each record on `timeline-entries.v1`. It is built from the catalogue's
 * `DiplomaticEventRecorded` data schema, so a field added to the event shows up here as well:
 * the entry is the event's fields (without `eventId`, which becomes `id`) plus the entry's own
 * fields. Only those own fields are written out here.
 */
export function timelineEntrySchema(): Schema {
  // The entry still has the v1 fields (v1FieldsOf) until the timeline topic moves to v2 (issue 16).
  const recorded = DiplomaticEventRecordedV1Data;
  const { eventId, ...fields } = recorded.properties;
  const instant = { type: 'string', format: 'date-time' };
  const plovers = [...new Set(CAMEO_CODEBOOK.map((c) => c.plover).filter((p): p is NonNullable<typeof p> => p !== null))].sort();
  return {
    type: 'object',
    description: 'A diplomatic event as the timeline shows it, in its current version.',
    additionalProperties: false,
    properties: {
      type: { const: 'diplomatic-event' },
      id: { ...eventId, description: 'The diplomatic event id: also the record key and ce_subject.' },
      version: { type: 'integer', minimum: 1, description: 'The version of the diplomatic event this entry shows (its stream version).' },
      date: { ...fields.occurredOn, description: 'The day the timeline shows the entry on: occurredOn.' },
      recordedAt: { ...instant, description: 'When this version was recorded.' },
      firstRecordedAt: { ...instant, description: 'When the event was first recorded (version 1).' },
      ...fields,
      cameo: {
        type: 'object',
        description: 'The CAMEO 1.1b3 name of cameoCode and its PLOVER category; present only with cameoCode.',
        additionalProperties: false,
        properties: {
          name: { type: 'string' },
          plover: { anyOf: [{ type: 'string', enum: plovers }, { type: 'null' }] },
        },
        required: ['name', 'plover'],
      },
    },
    required: ['type', 'id', 'version', 'date', 'recordedAt', 'firstRecordedAt', ...recorded.required.filter((r) => r !== 'eventId')],
  };
}
