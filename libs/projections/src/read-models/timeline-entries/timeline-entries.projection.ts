import {
  applyChanges,
  DiplomaticEventAmended,
  DiplomaticEventFields,
  DiplomaticEventRecorded,
  DiplomaticEventRetracted,
  editorialTime,
  entriesOf,
  entryDates,
  eventRoutes,
  factKnowledge,
  possibleDays,
} from '@dateline/domain';
import { SqlQueryable } from '@dateline/event-store';
import { Projection, ProjectionContext } from '../../projection';
import { insertRows } from '../../tables/insert-rows';
import { TableNames } from '../../tables/table-names';
import { updateRows } from '../../tables/update-rows';
import { EntryRow, TIMELINE_ENTRIES, TIMELINE_READ_MODEL } from './timeline-entries.table';

type Close = Pick<EntryRow, 'event_id' | 'version' | 'recorded_to' | 'published_to'>;

/** What the next version of an event builds on. */
interface Current {
  readonly event_id: string;
  readonly fields: DiplomaticEventFields;
  readonly first_recorded_at: string;
}

/**
 * The bitemporal timeline of diplomatic events, placed (docs/dates.md). Each version of an event
 * makes one row for the fact and one per date it is about. An amendment closes the current
 * version's rows (recorded_to, published_to) and opens the next; a retraction only closes them.
 * "As of T" is then an indexed lookup: recorded_from <= T < recorded_to; "as published at T"
 * the same on published_from and published_to.
 */
export class TimelineEntriesProjection implements Projection {
  readonly name = TIMELINE_READ_MODEL;
  readonly tables = [TIMELINE_ENTRIES];
  readonly routes = eventRoutes<ProjectionContext, Promise<void> | void>()({
    // Story revisions sit on the timeline too, but from their own read model (story-revisions).
    ignore: ['StoryCreated', 'StoryRevised'],
    handle: {
      DiplomaticEventRecorded: (e, c) => this.recorded(e, c),
      DiplomaticEventAmended: (e, c) => this.amended(e, c),
      DiplomaticEventRetracted: (e, c) => this.retracted(e, c),
    },
  });

  private inserts: EntryRow[] = [];
  /** The open rows of each event staged in this batch. */
  private open = new Map<string, EntryRow[]>();
  private closes: Close[] = [];

  private recorded(e: DiplomaticEventRecorded, c: ProjectionContext): void {
    const { eventId, ...fields } = e.data;
    this.stage(eventId, 1, fields, c.recordedAt, c.recordedAt, editorialTime(e.data, c.recordedAt), c.position);
  }

  private async amended(e: DiplomaticEventAmended, c: ProjectionContext): Promise<void> {
    const current = await this.closeCurrent(e.data.eventId, editorialTime(e.data, c.recordedAt), c);
    this.stage(
      current.event_id,
      e.data.version,
      applyChanges(current.fields, e.data.changes),
      c.recordedAt,
      current.first_recorded_at,
      editorialTime(e.data, c.recordedAt),
      c.position,
    );
  }

  private async retracted(e: DiplomaticEventRetracted, c: ProjectionContext): Promise<void> {
    // A retraction declares no editorial time: it is published when it is recorded.
    await this.closeCurrent(e.data.eventId, c.recordedAt, c);
  }

  async flush(tx: SqlQueryable, t: TableNames): Promise<void> {
    const table = t[TIMELINE_ENTRIES.name];
    const { closes, inserts } = this;
    this.reset();
    await updateRows(tx, TIMELINE_ENTRIES, table, { key: ['event_id', 'version'], set: ['recorded_to', 'published_to'] }, closes);
    await insertRows(tx, TIMELINE_ENTRIES, table, inserts);
  }

  reset(): void {
    this.inserts = [];
    this.open = new Map();
    this.closes = [];
  }

  private stage(
    eventId: string,
    version: number,
    fields: DiplomaticEventFields,
    recordedFrom: string,
    firstRecordedAt: string,
    publishedFrom: string,
    position: number,
  ): void {
    const knowledge = factKnowledge(fields);
    const times = { recordedAt: recordedFrom, firstRecordedAt, publishedAt: publishedFrom };
    const entries = entriesOf({ id: eventId, version, fields, times }, knowledge);
    const dates = entryDates(knowledge);
    const participants = participantKeys(fields);
    const storyIds = fields.storyIds.map((id) => id.toLowerCase());
    const rows = entries.map((entry, i): EntryRow => {
      const { earliest, latest } = possibleDays(dates[i]);
      // One literal of one shape, every field spelled out: spreads take V8's slow path, which
      // cost a tenth of a rebuild.
      return {
        entry_id: entry.id,
        event_id: eventId,
        version,
        role: entry.type === 'about-date' ? 'about' : 'fact',
        day: entry.date,
        sort_key: entry.sortKey,
        earliest: earliest ?? '-infinity',
        latest: latest ?? 'infinity',
        kind: fields.kind,
        participants,
        story_ids: storyIds,
        recorded_from: recordedFrom,
        recorded_to: null,
        first_recorded_at: firstRecordedAt,
        published_from: publishedFrom,
        published_to: null,
        position,
        fields,
      };
    });
    this.inserts.push(...rows);
    this.open.set(eventId, rows);
  }

  /** Closes the event's open rows, staged in this batch or stored, and returns what the next version builds on. */
  private async closeCurrent(eventId: string, publishedTo: string, c: ProjectionContext): Promise<Current> {
    const staged = this.open.get(eventId);
    if (staged) {
      for (const row of staged) {
        row.recorded_to = c.recordedAt;
        row.published_to = publishedTo;
      }
      this.open.delete(eventId);
      return { event_id: staged[0].event_id, fields: staged[0].fields, first_recorded_at: String(staged[0].first_recorded_at) };
    }
    const { rows } = await c.tx.query<Pick<EntryRow, 'event_id' | 'version' | 'first_recorded_at' | 'fields'>>(
      `SELECT event_id, version, first_recorded_at, fields FROM ${c.tables[TIMELINE_ENTRIES.name]}
        WHERE event_id = $1 AND recorded_to IS NULL AND role = 'fact'`,
      [eventId],
    );
    if (!rows[0]) throw new Error(`timeline: no open entry for diplomatic event ${eventId}`);
    this.closes.push({ event_id: eventId, version: rows[0].version, recorded_to: c.recordedAt, published_to: publishedTo });
    return { event_id: rows[0].event_id, fields: rows[0].fields, first_recorded_at: new Date(rows[0].first_recorded_at).toISOString() };
  }
}

/** What the participant filter matches: each name, lowercased, and each country code. */
export function participantKeys(fields: DiplomaticEventFields): string[] {
  const keys = new Set<string>();
  for (const p of fields.participants) {
    keys.add(p.name.trim().toLowerCase());
    if (p.country) keys.add(p.country.toLowerCase());
  }
  return [...keys];
}
