import { Inject, Injectable } from '@nestjs/common';
import {
  AboutDateEntry,
  diplomaticEventEntries,
  DiplomaticEventEntry,
  factKnowledge,
  FactDate,
  orderTimeline,
  TimelineFilter,
} from '@dateline/domain';
import { SQL_CLIENT } from '@dateline/event-store';
import type { SqlQueryable } from '@dateline/event-store';
import { namedQuery } from '../../tables/named-statements';
import { EntryRow, TIMELINE_ENTRIES, TIMELINE_READ_MODEL } from './timeline-entries.table';

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

const T = TIMELINE_ENTRIES.name;
const ENTRY_COLUMNS = 'entry_id, event_id, version, recorded_from, first_recorded_at, published_from, fields';
type EntryColumns = Pick<
  EntryRow,
  'entry_id' | 'event_id' | 'version' | 'recorded_from' | 'first_recorded_at' | 'published_from' | 'fields'
>;
const iso = (v: Date | string) => new Date(v).toISOString();

/** A row as its timeline entry: the entries of its version are made again from its fields, and the row's one picked. */
function entryOf(r: EntryColumns): DiplomaticEventEntry | AboutDateEntry {
  const entries = diplomaticEventEntries({
    id: r.event_id,
    version: r.version,
    fields: r.fields,
    times: { recordedAt: iso(r.recorded_from), firstRecordedAt: iso(r.first_recorded_at), publishedAt: iso(r.published_from) },
  });
  const entry = entries.find((e) => e.id === r.entry_id);
  if (!entry) throw new Error(`timeline: entry ${r.entry_id} is not one of version ${r.version} of ${r.event_id}; rebuild the read model`);
  return entry;
}

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

/** Questions answered from timeline_entries alone, with indexed lookups. */
@Injectable()
export class TimelineEntriesQueries {
  /** The read models these answers come from: what a `minPosition` read of them waits for. */
  readonly readModels = [TIMELINE_READ_MODEL];

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlQueryable) {}

  /**
   * Diplomatic events and the dates they are about, placed on `from` to `to` (or that can fall
   * in it), as known now, at `asOf` or as published at `asPublished`.
   */
  async entries(from: string, to: string, q: TimelineQuery = {}): Promise<(DiplomaticEventEntry | AboutDateEntry)[]> {
    const params: unknown[] = [from, to];
    const where = q.match === 'can-fall-in' ? ['latest >= $1::date AND earliest <= $2::date'] : ['day BETWEEN $1::date AND $2::date'];
    where.push(...versionCondition(q, params));
    if (q.participant) {
      params.push(JSON.stringify([q.participant.trim().toLowerCase()]));
      where.push(`participants @> $${params.length}::jsonb`);
    }
    if (q.kind) {
      params.push(q.kind);
      where.push(`kind = $${params.length}`);
    }
    if (q.storyId) {
      params.push(JSON.stringify([q.storyId.toLowerCase()]));
      where.push(`story_ids @> $${params.length}::jsonb`);
    }
    const { rows } = await namedQuery<EntryRow>(this.sql, `SELECT ${ENTRY_COLUMNS} FROM ${T} WHERE ${where.join(' AND ')}`, params);
    return rows.map(entryOf);
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
      `SELECT DISTINCT day::text AS d FROM ${T} WHERE ${where.join(' AND ')} ORDER BY d DESC LIMIT $3`,
      params,
    );
    return rows.map((r) => dayOf(r.d));
  }

  /** The version of every diplomatic event linked to the story, now or as published at `asPublished`, in timeline order. */
  async linkedTo(storyId: string, q: VersionTime = {}): Promise<LinkedEvent[]> {
    const params: unknown[] = [JSON.stringify([storyId.toLowerCase()])];
    const where = [`story_ids @> $1::jsonb AND role = 'fact'`, ...versionCondition(q, params)];
    const { rows } = await namedQuery<EntryRow>(this.sql, `SELECT ${ENTRY_COLUMNS} FROM ${T} WHERE ${where.join(' AND ')}`, params);
    return orderTimeline(rows.map(entryOf)).flatMap((e) =>
      e.type === 'diplomatic-event'
        ? [
            {
              id: e.id,
              version: e.version,
              title: e.title,
              kind: e.kind,
              date: e.date,
              heading: e.heading,
              sortKey: e.sortKey,
              dating: e.dating,
              when: factKnowledge(e).when,
            },
          ]
        : [],
    );
  }

  /**
   * Every fact whose latest version names the story, retracted ones too (`retracted`: a
   * retraction closed that version), in timeline order: what an editor of the story works on.
   * A fact amended out of the story is not listed, though its older versions name it.
   */
  async latestLinkedTo(storyId: string): Promise<{ entry: DiplomaticEventEntry; retracted: boolean }[]> {
    const { rows } = await namedQuery<EntryColumns & Pick<EntryRow, 'recorded_to'>>(
      this.sql,
      `SELECT ${ENTRY_COLUMNS}, recorded_to FROM ${T} t
        WHERE t.story_ids @> $1::jsonb AND t.role = 'fact'
          AND NOT EXISTS (SELECT 1 FROM ${T} n WHERE n.entry_id = t.entry_id AND n.version > t.version)`,
      [JSON.stringify([storyId.toLowerCase()])],
    );
    const retracted = new Set(rows.filter((r) => r.recorded_to !== null).map((r) => r.event_id));
    return orderTimeline(rows.map(entryOf)).flatMap((e) =>
      e.type === 'diplomatic-event' ? [{ entry: e, retracted: retracted.has(e.id) }] : [],
    );
  }

  /** The event's latest version, also when a retraction closed it; undefined for an unknown event. */
  async latest(eventId: string): Promise<LatestEntry | undefined> {
    const { rows } = await namedQuery<EntryRow>(
      this.sql,
      `SELECT event_id, version, recorded_from, recorded_to, first_recorded_at, fields FROM ${T}
        WHERE event_id = $1 AND role = 'fact' ORDER BY version DESC LIMIT 1`,
      [eventId],
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
      `SELECT t.entry_id, t.event_id, t.version, t.recorded_from, t.first_recorded_at, t.published_from, t.fields
         FROM ${T} t JOIN unnest($1::uuid[], $2::integer[]) AS k(event_id, version) ON t.event_id = k.event_id AND t.version = k.version
        ORDER BY t.entry_id`,
      [keys.map((k) => k.eventId), keys.map((k) => k.version)],
    );
    const out = new Map<string, (DiplomaticEventEntry | AboutDateEntry)[]>();
    for (const r of rows) {
      const key = versionKey(r.event_id, r.version);
      out.set(key, [...(out.get(key) ?? []), entryOf(r)]);
    }
    return out;
  }
}

export const versionKey = (eventId: string, version: number): string => `${eventId.toLowerCase()}/${version}`;

/** A date column read back as text or as a Date, as YYYY-MM-DD. */
export function dayOf(v: Date | string): string {
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}
