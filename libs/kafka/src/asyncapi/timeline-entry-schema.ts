import { CAMEO_CODEBOOK, EVENT_DATA_SCHEMAS, RANGE_DATINGS } from '@dateline/domain';

type Schema = Record<string, unknown>;

/** A UUID, as the catalogue writes one; an about entry's id adds `/about/<index>`. */
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** The record key of `timeline-entries.v2`: the entry's id. */
export function timelineEntryKeySchema(): Schema {
  return {
    type: 'string',
    pattern: `^${UUID}(/about/(0|[1-9][0-9]*))?$`,
    description: 'The entry id: a diplomatic event id, or `<diplomatic event id>/about/<index>` for a date it is about.',
  };
}

/** The heading an entry is filed under on its day's page (libs/domain/src/dates/placement.ts). */
function headingSchema(date: Schema): Schema {
  const kind = (k: string, properties: Record<string, Schema>): Schema => ({
    type: 'object',
    additionalProperties: false,
    properties: { kind: { const: k }, ...properties },
    required: ['kind', ...Object.keys(properties)],
  });
  return {
    description: "The heading it is filed under on its day's page (docs/dates.md).",
    oneOf: [
      kind('day', { day: date }),
      kind('on-or-after', { day: date }),
      kind('between', { from: date, until: date }),
      kind('on-or-before', { day: date }),
      kind('month', { month: { type: 'string', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' } }),
      kind('year', { year: { type: 'string', pattern: '^[0-9]{4}$' } }),
    ],
  };
}

/**
 * JSON Schema of a record value on `timeline-entries.v2`: a `DiplomaticEventEntry` or an
 * `AboutDateEntry` (libs/domain/src/timeline/timeline-entry.ts). The fact's schema is built from
 * the catalogue's `DiplomaticEventRecorded` data schema, so a field added to the event shows up
 * here as well: the entry is the event's fields (without `eventId`, which becomes `id`) plus the
 * entry's own fields. Only those own fields are written out here.
 */
export function timelineEntrySchema(): Schema {
  const recorded = EVENT_DATA_SCHEMAS.DiplomaticEventRecorded;
  const { eventId, ...fields } = recorded.properties;
  const date = { type: 'string', format: 'date' };
  const instant = { type: 'string', format: 'date-time' };
  const plovers = [...new Set(CAMEO_CODEBOOK.map((c) => c.plover).filter((p): p is NonNullable<typeof p> => p !== null))].sort();
  const place = {
    date: { ...date, description: 'The day whose page shows it: where its date knowledge places it (docs/dates.md).' },
    heading: headingSchema(date),
    sortKey: { type: 'string', description: 'Orders entries across days and headings; equal under one heading of one day.' },
    dating: { type: 'string', enum: [...RANGE_DATINGS], description: 'How its date is known.' },
    recordedAt: { ...instant, description: 'When this version was recorded (system time).' },
    firstRecordedAt: { ...instant, description: 'When the event was first recorded (version 1).' },
    publishedAt: { ...instant, description: 'When the newsroom published this version (editorial time); recordedAt when it says none.' },
  };
  const placeRequired = ['date', 'heading', 'sortKey', 'dating', 'recordedAt', 'firstRecordedAt', 'publishedAt'];
  const fact = {
    type: 'object',
    title: 'Diplomatic event entry',
    description: 'A diplomatic event as the timeline shows it, in its current version, on the day it is placed.',
    additionalProperties: false,
    properties: {
      type: { const: 'diplomatic-event' },
      id: { ...eventId, description: 'The diplomatic event id: also the record key and ce_subject.' },
      version: { type: 'integer', minimum: 1, description: 'The version of the diplomatic event this entry shows (its stream version).' },
      ...fields,
      ...place,
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
    required: ['type', 'id', 'version', ...placeRequired, ...recorded.required.filter((r) => r !== 'eventId')],
  };
  const about = {
    type: 'object',
    title: 'About-date entry',
    description: 'A date a diplomatic event is about ("ceasefire proposed to start" on 12 May), as its own entry on that day.',
    additionalProperties: false,
    properties: {
      type: { const: 'about-date' },
      id: { ...timelineEntryKeySchema(), description: '`<diplomatic event id>/about/<index>`: also the record key.' },
      fact: { ...eventId, description: 'The diplomatic event that names the date: also ce_subject.' },
      version: { type: 'integer', minimum: 1, description: 'The version of that diplomatic event.' },
      factTitle: { type: 'string' },
      label: { type: 'string', minLength: 1, description: 'What happens on that date, in the reader’s words.' },
      at: { ...instant, description: 'The instant, when the date is a day with a known time.' },
      storyIds: fields.storyIds,
      ...place,
    },
    required: ['type', 'id', 'fact', 'version', 'factTitle', 'label', 'storyIds', ...placeRequired],
  };
  // if/then/else on `type` rather than oneOf: a consumer's validator then names the problems of
  // the one shape the record claims, not those of both.
  return {
    description: 'A timeline entry in its current version: a diplomatic event, or a date one is about (`type: about-date`).',
    if: { type: 'object', properties: { type: { const: 'about-date' } }, required: ['type'] },
    then: about,
    else: fact,
  };
}
