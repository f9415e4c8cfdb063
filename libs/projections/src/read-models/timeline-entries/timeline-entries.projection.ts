import {
  applyChanges,
  DiplomaticEventAmended,
  DiplomaticEventFields,
  DiplomaticEventRecorded,
  DiplomaticEventRetracted,
  eventRoutes,
  v1DatesOf,
} from '@dateline/domain';
import { SqlQueryable } from '@dateline/event-store';
import { Projection, ProjectionContext } from '../../projection';
import { insertRows } from '../../tables/insert-rows';
import { TableNames } from '../../tables/table-names';
import { updateRows } from '../../tables/update-rows';
import { EntryRow, TIMELINE_ENTRIES, TIMELINE_READ_MODEL } from './timeline-entries.table';

type Close = Pick<EntryRow, 'event_id' | 'version' | 'recorded_to'>;

/**
 * The bitemporal timeline of diplomatic events. Each amendment closes the current row
 * (recorded_to) and opens the next; a retraction only closes it. "As of T" is then an indexed
 * lookup: recorded_from <= T < recorded_to.
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
  /** The open row of each event staged in this batch. */
  private open = new Map<string, EntryRow>();
  private closes: Close[] = [];

  private recorded(e: DiplomaticEventRecorded, c: ProjectionContext): void {
    const { eventId, ...fields } = e.data;
    this.stage(eventId, 1, fields, c.recordedAt, c.recordedAt, c.position);
  }

  private async amended(e: DiplomaticEventAmended, c: ProjectionContext): Promise<void> {
    const current = await this.closeCurrent(e.data.eventId, c);
    this.stage(
      current.event_id,
      e.data.version,
      applyChanges(current.fields, e.data.changes),
      c.recordedAt,
      current.first_recorded_at,
      c.position,
    );
  }

  private async retracted(e: DiplomaticEventRetracted, c: ProjectionContext): Promise<void> {
    await this.closeCurrent(e.data.eventId, c);
  }

  async flush(tx: SqlQueryable, t: TableNames): Promise<void> {
    const table = t[TIMELINE_ENTRIES.name];
    const { closes, inserts } = this;
    this.reset();
    await updateRows(tx, TIMELINE_ENTRIES, table, { key: ['event_id', 'version'], set: ['recorded_to'] }, closes);
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
    position: number,
  ): void {
    // One literal of one shape, every field spelled out: spreads take V8's slow path, which
    // cost a tenth of a rebuild.
    const row: EntryRow = {
      event_id: eventId,
      version,
      occurred_on: v1DatesOf(fields.when).occurredOn,
      kind: fields.kind,
      participants: participantKeys(fields),
      story_ids: fields.storyIds.map((id) => id.toLowerCase()),
      recorded_from: recordedFrom,
      recorded_to: null,
      first_recorded_at: firstRecordedAt,
      position,
      fields,
    };
    this.inserts.push(row);
    this.open.set(row.event_id, row);
  }

  /** Closes the event's open row, staged in this batch or stored, and returns what the next version builds on. */
  private async closeCurrent(
    eventId: string,
    c: ProjectionContext,
  ): Promise<{ event_id: string; fields: DiplomaticEventFields; first_recorded_at: string }> {
    const staged = this.open.get(eventId);
    if (staged) {
      staged.recorded_to = c.recordedAt;
      this.open.delete(eventId);
      return { event_id: staged.event_id, fields: staged.fields, first_recorded_at: String(staged.first_recorded_at) };
    }
    const { rows } = await c.tx.query<Pick<EntryRow, 'event_id' | 'version' | 'first_recorded_at' | 'fields'>>(
      `SELECT event_id, version, first_recorded_at, fields FROM ${c.tables[TIMELINE_ENTRIES.name]} WHERE event_id = $1 AND recorded_to IS NULL`,
      [eventId],
    );
    if (!rows[0]) throw new Error(`timeline: no open entry for diplomatic event ${eventId}`);
    this.closes.push({ event_id: eventId, version: rows[0].version, recorded_to: c.recordedAt });
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
