import { Inject, Injectable } from '@nestjs/common';
import {
  AboutDateEntry,
  DiplomaticEventEntry,
  factKnowledge,
  FactDate,
  orderTimeline,
  TimelineFilter,
  timelineOrderKeys,
} from '@dateline/domain';
import { SQL_CLIENT } from '@dateline/event-store';
import type { SqlQueryable } from '@dateline/event-store';
import { cutWindow, PageWindow, StoredEntry, WHOLE_LIST } from '../../pages/page-window';
import { namedQuery } from '../../tables/named-statements';
import { EntryRow, POSSIBLE_DAYS, TIMELINE_ENTRIES, TIMELINE_READ_MODEL } from './timeline-entries.table';

/** Which versions a read sees: now, as recorded by `asOf` (system time), as published by `asPublished` (editorial time), or both. */
export interface VersionTime {
  readonly asOf?: string;
  readonly asPublished?: string;
}

export interface TimelineQuery extends TimelineFilter, VersionTime {
  readonly tz?: string;
  /**
   * `placed` (a day's page, the default): entries filed on a day from `from` to `to`.
   * `can-fall-in` (a range read): every entry whose date can fall in the range (whichFallIn),
   * also when it is filed on a day outside it ("on or before 16 May" for 10–12 May).
   */
  readonly match?: 'placed' | 'can-fall-in';
}

/** A diplomatic event as a story lists it: where it is placed and what its date knowledge says. */
export type LinkedEvent = Pick<DiplomaticEventEntry, 'id' | 'version' | 'title' | 'kind' | 'date' | 'heading' | 'sortKey' | 'dating'> & {
  readonly when: FactDate;
};

/** A diplomatic event's latest version (closed too, when retracted). */
export type LatestEntry = Pick<EntryRow, 'event_id' | 'version' | 'fields'> & { readonly firstRecordedAt: string };

/** The largest bigint: no position is above it. */
const MAX_POSITION = '9223372036854775807';
const T = TIMELINE_ENTRIES.name;
const iso = (v: Date | string) => new Date(v).toISOString();
const parseEntry = (json: string) => JSON.parse(json) as DiplomaticEventEntry | AboutDateEntry;

type PageRow = Pick<EntryRow, 'entry' | 'sort_key' | 'order_key' | 'story_ids'> & { day: Date | string };

/** The SQL condition of the versions a read sees, its parameters appended to `params`. */
export function versionCondition(q: VersionTime, params: unknown[]): string[] {
  const where: string[] = [];
  if (q.asOf) {
    const p = `$${params.push(q.asOf)}::timestamptz`;
    where.push(`recorded_from <= ${p} AND (recorded_to IS NULL OR recorded_to > ${p})`);
  }
  if (q.asPublished) {
    const p = `$${params.push(q.asPublished)}::timestamptz`;
    where.push(`published_from <= ${p} AND (published_to IS NULL OR published_to > ${p})`);
  }
  if (!q.asOf && !q.asPublished) where.push('recorded_to IS NULL');
  return where;
}

/**
 * The versions a read sees as they were at log position `at` (parameter `$at`): written by then,
 * and not yet closed then, or closed then but still seen at `asOf` or `asPublished`.
 */
function versionAt(q: VersionTime, at: string, params: unknown[]): string[] {
  const where = [`position <= ${at}`];
  const openThen = `position_to IS NULL OR position_to > ${at}`;
  if (q.asOf) {
    const p = `$${params.push(q.asOf)}::timestamptz`;
    where.push(`recorded_from <= ${p} AND (${openThen} OR recorded_to > ${p})`);
  }
  if (q.asPublished) {
    const p = `$${params.push(q.asPublished)}::timestamptz`;
    where.push(`published_from <= ${p} AND (${openThen} OR published_to > ${p})`);
  }
  if (!q.asOf && !q.asPublished) where.push(`(${openThen})`);
  return where;
}

/** The range and filters of a timeline read, its parameters appended to `params`. */
function readCondition(from: string, to: string, q: TimelineQuery, params: unknown[]): string[] {
  let where: string[];
  if (q.match === 'can-fall-in') {
    const [f, t] = [`$${params.push(from)}::date`, `$${params.push(to)}::date`];
    // The overlap of the two spans, on the GiST index of POSSIBLE_DAYS, holds every row the exact
    // condition after it keeps: a btree on either end would read every row on one side of the range.
    where = [`${POSSIBLE_DAYS} && daterange(least(${f}, ${t}), greatest(${f}, ${t}), '[]')`, `latest >= ${f} AND earliest <= ${t}`];
  } else {
    // A sort key starts with its day, and '~' sorts after the '|' that ends it: the day's pages, on the ordered index.
    where = [`sort_key >= $${params.push(from)} AND sort_key < $${params.push(`${to}|~`)}`];
  }
  if (q.participant) where.push(`participants @> $${params.push(JSON.stringify([q.participant.trim().toLowerCase()]))}::jsonb`);
  if (q.kind) where.push(`kind = $${params.push(q.kind)}`);
  if (q.storyId) where.push(`story_ids @> $${params.push(JSON.stringify([q.storyId.toLowerCase()]))}::jsonb`);
  return where;
}

/** Questions answered from timeline_entries alone, with indexed lookups. */
@Injectable()
export class TimelineEntriesQueries {
  /** The read models these answers come from: what a `minPosition` read of them waits for. */
  readonly readModels = [TIMELINE_READ_MODEL];

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlQueryable) {}

  /**
   * Diplomatic events and the dates they are about, placed on `from` to `to` (or that can fall
   * in it), in reading order, as stored: their JSON is sent as it is. A page of them: as the rows
   * were at the window's position, after its key, its limit and one more.
   *
   * Now, the stored order keys order them, on one indexed query. As of an instant (`asOf`,
   * `asPublished`), or at a position after which a key changed, the keys then are not stored:
   * the entries' headings are read whole and ordered here (docs/adr/0015-entries-ready-to-send.md).
   */
  async entries(from: string, to: string, q: TimelineQuery = {}, w: PageWindow = WHOLE_LIST): Promise<StoredEntry[]> {
    if (q.asOf || q.asPublished) return this.entriesOrderedHere(from, to, q, w);
    const params: unknown[] = [w.at];
    const read = readCondition(from, to, q, params);
    const after = w.after ? [`(sort_key, order_key) > ($${params.push(w.after.sortKey)}, $${params.push(w.after.orderKey)})`] : [];
    // The day as text: a driver reads a date back as a Date at local midnight.
    const columns = 'entry, sort_key, order_key, day::text AS day, story_ids';
    const limit = w.limit === undefined ? 'NULL' : `$${params.push(w.limit + 1)}::int`;
    const perDay = w.perDay && w.limit !== undefined;
    // The rows open now and written by then, and the few closed since: each arm on its own index,
    // each in reading order and cut to the limit, so that a page reads a page's worth of rows.
    const arm = (where: string[]) =>
      `(SELECT ${columns} FROM ${T} WHERE ${[...read, ...where, ...after].join(' AND ')}${perDay ? '' : ` ORDER BY sort_key, order_key LIMIT ${limit}`})`;
    // The closed arm's upper bound on position_to holds for every row: it is there for the generic
    // plan, which estimates `position_to > $1` alone as a third of the closed rows and walked a
    // crowded day's 1,300 rows through the sort-key index; as a range, the estimate is small and
    // the plan reads the few rows closed since through their own index (0.66 to 0.14 ms).
    const closedSince = ['position_to > $1', `position_to <= ${MAX_POSITION}`, 'position <= $1'];
    const arms = `${arm(['recorded_to IS NULL', 'position <= $1'])} UNION ALL ${arm(closedSince)}`;
    const page = perDay
      ? `SELECT * FROM (SELECT a.*, row_number() OVER (PARTITION BY day ORDER BY sort_key, order_key) AS n FROM (${arms}) a) d WHERE n <= ${limit}`
      : `SELECT * FROM (${arms}) a ORDER BY sort_key, order_key LIMIT ${limit}`;
    // A key changed after the position: the stored order is not that position's. Asked of the
    // rows open now and of those closed since apart, like the page, so that each arm has an index
    // bounded by the read: as one condition (open, or closed after the position) no index of the
    // read's range applied, and a prepared statement's generic plan scanned the table.
    const rekeyed = (open: string) =>
      `EXISTS (SELECT 1 FROM ${T} WHERE ${[...read, open, 'position <= $1', 'rekeyed_position > $1'].join(' AND ')})`;
    const moved = `SELECT ${rekeyed('recorded_to IS NULL')} OR ${rekeyed('position_to > $1')} AS moved`;
    // A day's or range's pages without a filter: PostgreSQL kept planning this statement for each
    // request (0.6 ms) to execute it in 0.06, while its generic plan reads the same index arms
    // bounded by the parameters (ADR 0018). With a filter, or per day, the best plan depends on
    // how common the value is, and a whole list (the export) was not shown to gain: those stay
    // planned each time.
    const genericPlan = w.limit !== undefined && q.match !== 'can-fall-in' && !perDay && !q.participant && !q.kind && !q.storyId;
    const { rows } = await namedQuery<PageRow & { moved: boolean; entry: string | null }>(
      this.sql,
      `SELECT m.moved, p.entry, p.sort_key, p.order_key, p.day, p.story_ids FROM (${moved}) m LEFT JOIN (${page}) p ON true ORDER BY p.sort_key, p.order_key`,
      params,
      { genericPlan },
    );
    if (rows[0]?.moved) return this.entriesOrderedHere(from, to, q, w);
    return rows.flatMap((r) => (r.entry === null ? [] : [storedEntry(r)]));
  }

  /**
   * The same read, ordered here: every open row then of each heading the read touches, ordered
   * as the projection orders them (timelineOrderKeys), then narrowed to what the read matches.
   * A filter or a range narrows a heading; it does not reorder it.
   */
  private async entriesOrderedHere(from: string, to: string, q: TimelineQuery, w: PageWindow): Promise<StoredEntry[]> {
    const params: unknown[] = [w.at];
    const seen = versionAt(q, '$1', params);
    const read = readCondition(from, to, q, params);
    const { rows } = await namedQuery<PageRow & { entry_id: string; version: number; shown: boolean }>(
      this.sql,
      `WITH hit AS (SELECT entry_id, version, sort_key FROM ${T} WHERE ${[...read, ...seen].join(' AND ')})
       SELECT entry, entry_id, sort_key, order_key, day::text AS day, story_ids, (entry_id, version) IN (SELECT entry_id, version FROM hit) AS shown
         FROM ${T} WHERE sort_key IN (SELECT sort_key FROM hit) AND ${seen.join(' AND ')}`,
      params,
    );
    const parsed = rows.map((r) => ({ r, e: parseEntry(r.entry) }));
    const keys = timelineOrderKeys(parsed.map((p) => p.e));
    const shown = parsed.flatMap(({ r, e }) => (r.shown ? [storedEntry({ ...r, order_key: keys.get(e)! })] : []));
    return cutWindow(shown, w);
  }

  /**
   * The newest `limit` days with an entry filed on them, newest first, between `from` and `to`,
   * as known now, at `asOf` or as published at `asPublished`.
   */
  async dates(q: VersionTime & { from?: string; to?: string; limit: number }): Promise<string[]> {
    const params: unknown[] = [q.from ?? '0001-01-01', q.to ?? '9999-12-31', q.limit];
    const where = ['day BETWEEN $1::date AND $2::date', ...versionCondition(q, params)];
    const { rows } = await namedQuery<{ d: Date | string }>(
      this.sql,
      // Grouped by the date, newest first on its index, so that the read stops after `limit` days
      // (DISTINCT of the text sorted every row of the range first, every row of the log when open).
      `SELECT day::text AS d FROM ${T} WHERE ${where.join(' AND ')} GROUP BY day ORDER BY day DESC LIMIT $3`,
      params,
    );
    return rows.map((r) => dayOf(r.d));
  }

  /** The version of every diplomatic event linked to the story, now or as published at `asPublished`, in timeline order. */
  async linkedTo(storyId: string, q: VersionTime = {}): Promise<LinkedEvent[]> {
    return (await this.linkedFacts(storyId, q)).map(linkedEvent);
  }

  /** linkedTo's facts whole, as timeline entries: the story page shows them. */
  async linkedFacts(storyId: string, q: VersionTime = {}): Promise<DiplomaticEventEntry[]> {
    const params: unknown[] = [JSON.stringify([storyId.toLowerCase()])];
    const where = [`story_ids @> $1::jsonb AND role = 'fact'`, ...versionCondition(q, params)];
    const { rows } = await namedQuery<Pick<EntryRow, 'entry'>>(
      this.sql,
      `SELECT entry FROM ${T} WHERE ${where.join(' AND ')} ORDER BY sort_key, order_key`,
      params,
    );
    const entries = rows.map((r) => parseEntry(r.entry));
    // Now, in the stored order; as published at an instant, in the order of the versions seen then.
    return (q.asOf || q.asPublished ? orderTimeline(entries) : entries).filter(
      (e): e is DiplomaticEventEntry => e.type === 'diplomatic-event',
    );
  }

  /**
   * Every fact whose latest version names the story, retracted ones too (`retracted`: a
   * retraction closed that version), in timeline order: what an editor of the story works on.
   * A fact amended out of the story is not listed, though its older versions name it.
   */
  async latestLinkedTo(storyId: string): Promise<{ entry: DiplomaticEventEntry; retracted: boolean }[]> {
    const { rows } = await namedQuery<Pick<EntryRow, 'event_id' | 'entry' | 'recorded_to'>>(
      this.sql,
      `SELECT event_id, entry, recorded_to FROM ${T} t
        WHERE t.story_ids @> $1::jsonb AND t.role = 'fact'
          AND NOT EXISTS (SELECT 1 FROM ${T} n WHERE n.entry_id = t.entry_id AND n.version > t.version)`,
      [JSON.stringify([storyId.toLowerCase()])],
    );
    const retracted = new Set(rows.filter((r) => r.recorded_to !== null).map((r) => r.event_id));
    // Retracted versions are closed, so the stored order keys of open rows do not cover them: order here.
    return orderTimeline(rows.map((r) => parseEntry(r.entry))).flatMap((e) =>
      e.type === 'diplomatic-event' ? [{ entry: e, retracted: retracted.has(e.id) }] : [],
    );
  }

  /**
   * The changes to facts of the story written by position `at` and before position `before`
   * (when given), newest first, at most `limit`: each fact version that names the story, at the
   * position that opened it, and the change that closed it (the next version: an amendment, or
   * a retraction), at the position that closed it. So a fact amended out of the story, or
   * retracted, shows that change in the story's feed too. A stream's versions count up by one,
   * so the change that closed version n is version n + 1.
   */
  async storyFactChanges(
    storyId: string,
    page: { at: number; before?: number; limit: number },
  ): Promise<{ eventId: string; version: number; position: number }[]> {
    const { rows } = await namedQuery<{ event_id: string; version: number; position: number | string }>(
      this.sql,
      `SELECT DISTINCT ON (position) event_id, version, position FROM (
         SELECT event_id, version, position FROM ${T}
          WHERE story_ids @> $1::jsonb AND role = 'fact' AND position <= $2 AND position < $3
         UNION ALL
         SELECT event_id, version + 1, position_to FROM ${T}
          WHERE story_ids @> $1::jsonb AND role = 'fact' AND position_to <= $2 AND position_to < $3
       ) c ORDER BY position DESC LIMIT $4`,
      [JSON.stringify([storyId.toLowerCase()]), page.at, page.before ?? Number.MAX_SAFE_INTEGER, page.limit],
    );
    return rows.map((r) => ({ eventId: r.event_id, version: r.version, position: Number(r.position) }));
  }

  /** The event's latest version written by position `at` (also when a retraction closed it); undefined for an unknown event. */
  async latest(eventId: string, at = Number.MAX_SAFE_INTEGER): Promise<LatestEntry | undefined> {
    const { rows } = await namedQuery<EntryRow>(
      this.sql,
      `SELECT event_id, version, first_recorded_at, fields FROM ${T}
        WHERE event_id = $1 AND role = 'fact' AND position <= $2 ORDER BY version DESC LIMIT 1`,
      [eventId, at],
    );
    const row = rows[0];
    return row && { event_id: row.event_id, version: row.version, fields: row.fields, firstRecordedAt: iso(row.first_recorded_at) };
  }

  /**
   * These versions of these events as timeline entries, keyed `<event id>/<version>`: the live
   * feed's amendments. Each version's entries: the fact, then the dates it is about.
   */
  async versions(
    keys: readonly { readonly eventId: string; readonly version: number }[],
  ): Promise<Map<string, (DiplomaticEventEntry | AboutDateEntry)[]>> {
    if (keys.length === 0) return new Map();
    const { rows } = await namedQuery<EntryRow>(
      this.sql,
      `SELECT t.event_id, t.version, t.entry
         FROM ${T} t JOIN unnest($1::uuid[], $2::integer[]) AS k(event_id, version) ON t.event_id = k.event_id AND t.version = k.version
        ORDER BY t.entry_id`,
      [keys.map((k) => k.eventId), keys.map((k) => k.version)],
    );
    const out = new Map<string, (DiplomaticEventEntry | AboutDateEntry)[]>();
    for (const r of rows) {
      const key = versionKey(r.event_id, r.version);
      out.set(key, [...(out.get(key) ?? []), parseEntry(r.entry)]);
    }
    return out;
  }

  /**
   * The rows opened, closed or re-keyed after position `after`, up to `upTo`: their days,
   * stories and events, and when the change happened in recorded time (`changedAt`, ms: the
   * opened version's recorded_from, the closing version's recorded_to; undefined when only the
   * stored order changed, which no `asOf` view reads). What a purge of cached answers names
   * (issue 19). With `limit`, undefined when more rows than that changed.
   */
  async changesBetween(after: number, upTo: number, limit?: number): Promise<EntryChange[] | undefined> {
    const { rows } = await namedQuery<{ day: Date | string; story_ids: string[]; event_id: string; changed_at: Date | string | null }>(
      this.sql,
      `SELECT day::text AS day, story_ids, event_id,
              least(CASE WHEN position > $1 AND position <= $2 THEN recorded_from END,
                    CASE WHEN position_to > $1 AND position_to <= $2 THEN recorded_to END) AS changed_at
         FROM ${T}
        WHERE (position > $1 AND position <= $2) OR (position_to > $1 AND position_to <= $2) OR (rekeyed_position > $1 AND rekeyed_position <= $2)
        ${limit === undefined ? '' : `LIMIT ${Math.floor(limit) + 1}`}`,
      [after, upTo],
    );
    if (limit !== undefined && rows.length > limit) return undefined;
    return rows.map((r) => ({
      day: dayOf(r.day),
      storyIds: r.story_ids,
      eventId: r.event_id,
      ...(r.changed_at === null ? {} : { changedAt: new Date(r.changed_at).getTime() }),
    }));
  }
}

/** A timeline row a commit changed (TimelineEntriesQueries.changesBetween). */
export interface EntryChange {
  readonly day: string;
  readonly storyIds: readonly string[];
  readonly eventId: string;
  readonly changedAt?: number;
}

function storedEntry(r: PageRow): StoredEntry {
  return { key: { sortKey: r.sort_key, orderKey: r.order_key }, date: dayOf(r.day), json: r.entry, storyIds: r.story_ids };
}

export const versionKey = (eventId: string, version: number): string => `${eventId.toLowerCase()}/${version}`;

/** A date column read back as text or as a Date, as YYYY-MM-DD. */
export function dayOf(v: Date | string): string {
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}

/** A linked fact as a story lists it. */
export function linkedEvent(e: DiplomaticEventEntry): LinkedEvent {
  return {
    id: e.id,
    version: e.version,
    title: e.title,
    kind: e.kind,
    date: e.date,
    heading: e.heading,
    sortKey: e.sortKey,
    dating: e.dating,
    when: factKnowledge(e).when,
  };
}
