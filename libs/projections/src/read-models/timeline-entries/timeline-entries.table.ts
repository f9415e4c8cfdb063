import { DiplomaticEventFields } from '@dateline/domain';
import { declareTable } from '../../tables/table-declaration';

/** The read model's name: its projection's, its checkpoint's and its position's. */
export const TIMELINE_READ_MODEL = 'timeline';

/**
 * One entry of one version of a diplomatic event, valid from recorded_from until recorded_to
 * (system time) and from published_from until published_to (editorial time): the fact itself
 * (`role` fact, `entry_id` its event id), or a date it is about (`role` about, `entry_id`
 * `<event id>/about/<index>`). Every entry of a version shares its fields.
 */
export interface EntryRow {
  entry_id: string;
  event_id: string;
  version: number;
  role: 'fact' | 'about';
  /** The placement's day: the page that shows it (docs/dates.md). */
  day: string;
  /** The placement's sort key: heading order across days. */
  sort_key: string;
  /** The first and last day it can be on: what a range read matches; `-infinity`/`infinity` for an open bound. */
  earliest: string;
  latest: string;
  kind: string;
  /** What the participant filter matches (participantKeys). */
  participants: string[];
  /** Lowercased, for the storyId filter. */
  story_ids: string[];
  /** ISO strings when staged; drivers read timestamptz back as a Date. */
  recorded_from: string | Date;
  recorded_to: string | Date | null;
  first_recorded_at: string | Date;
  /** Editorial time: when the newsroom published this version, and the next one (or the retraction). */
  published_from: string | Date;
  published_to: string | Date | null;
  position: number;
  fields: DiplomaticEventFields;
}

export const TIMELINE_ENTRIES = declareTable<EntryRow>()({
  // v2: placement day, sort key, about entries and editorial time; a new table so that a store
  // holding the v1 table projects afresh into this one at start (docs/operations.md).
  name: 'timeline_entries_v2',
  columns: {
    entry_id: { type: 'text' },
    event_id: { type: 'uuid' },
    version: { type: 'integer' },
    role: { type: 'text' },
    day: { type: 'date' },
    sort_key: { type: 'text' },
    earliest: { type: 'date' },
    latest: { type: 'date' },
    kind: { type: 'text' },
    participants: { type: 'jsonb' },
    story_ids: { type: 'jsonb' },
    recorded_from: { type: 'timestamptz' },
    recorded_to: { type: 'timestamptz', nullable: true },
    first_recorded_at: { type: 'timestamptz' },
    published_from: { type: 'timestamptz' },
    published_to: { type: 'timestamptz', nullable: true },
    position: { type: 'bigint' },
    fields: { type: 'jsonb' },
  },
  primaryKey: ['entry_id', 'version'],
  indexes: [
    // A day's page now, as of a recorded instant, and as published at an editorial one.
    { on: ['day'], where: 'recorded_to IS NULL' },
    { on: ['day', 'recorded_from'] },
    { on: ['day', 'published_from'] },
    // A range: everything that can fall in it (latest >= from, then earliest <= to).
    { on: ['latest'], where: 'recorded_to IS NULL' },
    { on: ['latest', 'recorded_from'] },
    // An event's current version (amendments, retractions, GET /diplomatic-events/:id), and a
    // version's entries (closing them, the live feed): the primary key is by entry.
    { on: ['event_id'], where: 'recorded_to IS NULL' },
    { on: ['event_id', 'version'] },
    // The participant and storyId filters, and a story's linked events.
    { on: ['participants'], using: 'gin' },
    { on: ['story_ids'], using: 'gin' },
  ],
});
