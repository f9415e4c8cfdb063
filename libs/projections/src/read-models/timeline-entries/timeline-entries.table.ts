import { DiplomaticEventFields, FactRelation } from '@dateline/domain';
import { declareTable } from '../../tables/table-declaration';
import { NAMES_CONFIG, SEARCH_CONFIG } from '../../tables/text-search';

/** The read model's name: its projection's, its checkpoint's and its position's. */
export const TIMELINE_READ_MODEL = 'timeline';

/**
 * One entry of one version of a diplomatic event, valid from recorded_from until recorded_to
 * (system time) and from published_from until published_to (editorial time): the fact itself
 * (`role` fact, `entry_id` its event id), or a date it is about (`role` about, `entry_id`
 * `<event id>/about/<index>`). Every entry of a version shares its fields.
 *
 * v3 (issue 19) keeps each entry ready to send: `entry`, its JSON exactly as the API answers it,
 * and `order_key`, its place under its heading, kept up to date as the facts of its day change
 * (docs/adr/0015-entries-ready-to-send.md). A read then sends stored text in stored order.
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
  /** Its place under its heading now (orderKeysWithinDay): a day's page is ordered by (sort_key, order_key). */
  order_key: string;
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
  /** The position of the event that closed it (an amendment or a retraction): a page pinned to a position reads the rows valid then. */
  position_to: number | null;
  /** The position of the last event that changed order_key after the row was written: a page pinned before it cannot trust the key. */
  rekeyed_position: number | null;
  /** What orders it under its heading besides its recording: its instant when known, and a fact's relations (null for none). */
  order_at: string | null;
  relations: FactRelation[] | null;
  fields: DiplomaticEventFields;
  /** The entry as the API answers it: JSON text, sent as stored. */
  entry: string;
}

/**
 * The days an entry can be on, as a range (what a range read overlaps, on a GiST index). Its
 * ends in either order: a range whose lower end is above its upper one is an error, and one such
 * row would fail every write of the table, not only its own read.
 */
export const POSSIBLE_DAYS = `daterange(least(earliest, latest), greatest(earliest, latest), '[]')`;

/** The names of a fact's version, as a jsonb array of strings: its participants, its place and its quotes' speakers. */
export const FACT_NAMES = `(jsonb_path_query_array(fields, '$.participants[*].name') || jsonb_path_query_array(fields, '$.location.name') || jsonb_path_query_array(fields, '$.quotes[*].speaker'))`;

/**
 * What a search matches in a fact's version (docs/search.md), weighted for ranking: its title
 * (A), its names (B), its summary (C), its quotes (D). Computed by PostgreSQL from the stored
 * `fields` into the generated column `search_vector`, so that ranking a match reads it instead
 * of parsing the text again; built only of immutable functions with an explicit configuration,
 * as a generated column must be.
 */
const FACT_SEARCH_VECTOR =
  `setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(fields->>'title', '')), 'A')` +
  ` || setweight(to_tsvector('${SEARCH_CONFIG}', ${FACT_NAMES}), 'B')` +
  ` || setweight(to_tsvector('${SEARCH_CONFIG}', coalesce(fields->>'summary', '')), 'C')` +
  ` || setweight(to_tsvector('${SEARCH_CONFIG}', jsonb_path_query_array(fields, '$.quotes[*].text')), 'D')`;

/**
 * A fact's names folded (lower case, no accents) as one text, for trigram likeness (the
 * generated column `search_names`): a tsvector stripped of its positions, as text
 * (`'volodymyr' 'zelenskyy'`), because the `unaccent` function itself is not immutable; its
 * dictionary in a text search configuration is.
 */
const FACT_NAMES_TEXT = `(strip(to_tsvector('${NAMES_CONFIG}', ${FACT_NAMES}))::text)`;

export const TIMELINE_ENTRIES = declareTable<EntryRow>()({
  // v3: entries ready to send, ordered (issue 19); v2 brought the placement day, sort key, about
  // entries and editorial time. A new table, so that a store holding the v2 table projects
  // afresh into this one at start (docs/operations.md).
  name: 'timeline_entries_v3',
  columns: {
    entry_id: { type: 'text' },
    event_id: { type: 'uuid' },
    version: { type: 'integer' },
    role: { type: 'text' },
    day: { type: 'date' },
    sort_key: { type: 'text', collate: 'C' },
    order_key: { type: 'text', collate: 'C' },
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
    position_to: { type: 'bigint', nullable: true },
    rekeyed_position: { type: 'bigint', nullable: true },
    order_at: { type: 'text', nullable: true },
    relations: { type: 'jsonb', nullable: true },
    fields: { type: 'jsonb' },
    entry: { type: 'text' },
  },
  primaryKey: ['entry_id', 'version'],
  // Search (docs/search.md, ADR 0017): computed by PostgreSQL from `fields`, never written.
  generated: {
    search_vector: { type: 'tsvector', expression: FACT_SEARCH_VECTOR },
    search_names: { type: 'text', expression: FACT_NAMES_TEXT },
  },
  indexes: [
    // A day's page now, in reading order, from any point (a page's keyset): a sort key starts with its day.
    // Also a heading's entries, when the order of its facts changes (the projection's own read).
    { on: ['sort_key', 'order_key', 'entry_id'], where: 'recorded_to IS NULL', readWhileProjecting: true },
    // The days with entries now (the reader page), as of a recorded instant, and as published at an editorial one.
    { on: ['day'], where: 'recorded_to IS NULL' },
    { on: ['day', 'recorded_from'] },
    { on: ['day', 'published_from'] },
    // As of an instant, a day's versions then, and every version of their headings (entriesOrderedHere):
    // the ordered index above holds only the open rows.
    { on: ['sort_key'] },
    // A range: everything whose possible days overlap it, now and as of an instant.
    { on: ['earliest', 'latest'], using: 'gist', expression: POSSIBLE_DAYS, where: 'recorded_to IS NULL' },
    { on: ['earliest', 'latest'], using: 'gist', expression: POSSIBLE_DAYS },
    // An event's current version (amendments, retractions, GET /diplomatic-events/:id), and a
    // version's entries (closing them, the live feed): the primary key is by entry. The
    // projection reads through both as it closes a version.
    { on: ['event_id'], where: 'recorded_to IS NULL', readWhileProjecting: true },
    { on: ['event_id', 'version'], readWhileProjecting: true },
    // The participant and storyId filters, and a story's linked events.
    { on: ['participants'], using: 'gin' },
    { on: ['story_ids'], using: 'gin' },
    // A page pinned to a position: the rows closed, or re-keyed, after it (few, when the position is recent).
    { on: ['position_to'], where: 'position_to IS NOT NULL' },
    { on: ['rekeyed_position'], where: 'rekeyed_position IS NOT NULL' },
    // What a commit changed, for the purge webhook: the rows it opened.
    { on: ['position'] },
    // Search (docs/search.md): the words of each fact's versions, and their names by likeness.
    // Every version, not only open rows: a page pinned to a position reads the versions valid then.
    { on: ['fields'], using: 'gin', expression: 'search_vector', where: "role = 'fact'" },
    { on: ['fields'], using: 'gin', expression: 'search_names', opclass: 'gin_trgm_ops', where: "role = 'fact'" },
  ],
});
