import { Inject, Injectable } from '@nestjs/common';
import { diplomaticEventEntry, DiplomaticEventEntry, TimelineFilter, v1DatesOf } from '@dateline/domain';
import { SQL_CLIENT } from '@dateline/event-store';
import type { SqlQueryable } from '@dateline/event-store';
import { namedQuery } from '../../tables/named-statements';
import { EntryRow, TIMELINE_ENTRIES, TIMELINE_READ_MODEL } from './timeline-entries.table';

export interface TimelineQuery extends TimelineFilter {
  readonly asOf?: string;
  readonly tz?: string;
}

/** A diplomatic event as a story lists it. */
export interface LinkedEvent {
  id: string;
  version: number;
  title: string;
  kind: string;
  occurredOn: string;
  occurredUntil?: string;
  datePrecision: 'day' | 'span';
  dateCertainty: 'explicit' | 'inferred';
}

/** A diplomatic event's latest version (closed too, when retracted). */
export type LatestEntry = Pick<EntryRow, 'event_id' | 'version' | 'fields'> & { readonly firstRecordedAt: string };

const T = TIMELINE_ENTRIES.name;
const iso = (v: Date | string) => new Date(v).toISOString();
const entryOf = (r: Pick<EntryRow, 'event_id' | 'version' | 'fields' | 'recorded_from' | 'first_recorded_at'>): DiplomaticEventEntry =>
  diplomaticEventEntry(r.event_id, r.version, r.fields, iso(r.recorded_from), iso(r.first_recorded_at));

/** Questions answered from timeline_entries alone, with indexed lookups. */
@Injectable()
export class TimelineEntriesQueries {
  /** The read models these answers come from: what a `minPosition` read of them waits for. */
  readonly readModels = [TIMELINE_READ_MODEL];

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlQueryable) {}

  /** Diplomatic events dated `from` to `to`, both included, as known now or at `asOf`. */
  async entries(from: string, to: string, q: TimelineQuery = {}): Promise<DiplomaticEventEntry[]> {
    const params: unknown[] = [from, to];
    const where = ['occurred_on BETWEEN $1::date AND $2::date'];
    if (q.asOf) {
      params.push(q.asOf);
      where.push(
        `recorded_from <= $${params.length}::timestamptz AND (recorded_to IS NULL OR recorded_to > $${params.length}::timestamptz)`,
      );
    } else {
      where.push('recorded_to IS NULL');
    }
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
    const { rows } = await namedQuery<EntryRow>(
      this.sql,
      `SELECT event_id, version, recorded_from, first_recorded_at, fields FROM ${T} WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows.map(entryOf);
  }

  /** The newest `limit` dates with a diplomatic event, newest first, between `from` and `to`, as known now or at `asOf`. */
  async dates(q: { from?: string; to?: string; asOf?: string; limit: number }): Promise<string[]> {
    const params: unknown[] = [q.from ?? '0001-01-01', q.to ?? '9999-12-31', q.limit];
    const where = ['occurred_on BETWEEN $1::date AND $2::date'];
    if (q.asOf) {
      params.push(q.asOf);
      where.push(`recorded_from <= $4::timestamptz AND (recorded_to IS NULL OR recorded_to > $4::timestamptz)`);
    } else {
      where.push('recorded_to IS NULL');
    }
    const { rows } = await namedQuery<{ d: Date | string }>(
      this.sql,
      `SELECT DISTINCT occurred_on::text AS d FROM ${T} WHERE ${where.join(' AND ')} ORDER BY d DESC LIMIT $3`,
      params,
    );
    return rows.map((r) => dayOf(r.d));
  }

  /** The current version of every diplomatic event linked to the story, by date then title. */
  async linkedTo(storyId: string): Promise<LinkedEvent[]> {
    const { rows } = await namedQuery<EntryRow>(
      this.sql,
      `SELECT event_id, version, fields FROM ${T} WHERE story_ids @> $1::jsonb AND recorded_to IS NULL`,
      [JSON.stringify([storyId.toLowerCase()])],
    );
    return rows
      .map((r) => ({ r, d: v1DatesOf(r.fields.when) }))
      .map(({ r, d }) => ({
        id: r.event_id,
        version: r.version,
        title: r.fields.title,
        kind: r.fields.kind,
        occurredOn: d.occurredOn,
        ...(d.occurredUntil ? { occurredUntil: d.occurredUntil } : {}),
        datePrecision: d.datePrecision,
        dateCertainty: d.dateCertainty,
      }))
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.title.localeCompare(b.title));
  }

  /** The event's latest version, also when a retraction closed it; undefined for an unknown event. */
  async latest(eventId: string): Promise<LatestEntry | undefined> {
    const { rows } = await namedQuery<EntryRow>(
      this.sql,
      `SELECT event_id, version, recorded_from, recorded_to, first_recorded_at, fields FROM ${T} WHERE event_id = $1 ORDER BY version DESC LIMIT 1`,
      [eventId],
    );
    const row = rows[0];
    return row && { event_id: row.event_id, version: row.version, fields: row.fields, firstRecordedAt: iso(row.first_recorded_at) };
  }

  /** These versions of these events as timeline entries, keyed `<event id>/<version>`: the live feed's amendments. */
  async versions(keys: readonly { readonly eventId: string; readonly version: number }[]): Promise<Map<string, DiplomaticEventEntry>> {
    if (keys.length === 0) return new Map();
    const { rows } = await namedQuery<EntryRow>(
      this.sql,
      `SELECT t.event_id, t.version, t.recorded_from, t.first_recorded_at, t.fields
         FROM ${T} t JOIN unnest($1::uuid[], $2::integer[]) AS k(event_id, version) ON t.event_id = k.event_id AND t.version = k.version`,
      [keys.map((k) => k.eventId), keys.map((k) => k.version)],
    );
    return new Map(rows.map((r) => [versionKey(r.event_id, r.version), entryOf(r)]));
  }
}

export const versionKey = (eventId: string, version: number): string => `${eventId.toLowerCase()}/${version}`;

/** A date column read back as text or as a Date, as YYYY-MM-DD. */
export function dayOf(v: Date | string): string {
  return typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);
}
