import {
  applyChanges,
  DateKnowledgeV2,
  DiplomaticEventAmended,
  DiplomaticEventFields,
  DiplomaticEventRecorded,
  DiplomaticEventRetracted,
  editorialTime,
  entriesOf,
  entryDates,
  eventRoutes,
  factKnowledge,
  orderInputs,
  possibleDays,
} from '@dateline/domain';
import { SqlQueryable } from '@dateline/event-store';
import { Projection, ProjectionContext } from '../../projection';
import { insertRows } from '../../tables/insert-rows';
import { inJsonbOrder } from '../../tables/jsonb-order';
import { TableNames } from '../../tables/table-names';
import { updateRows } from '../../tables/update-rows';
import { HeadingOrder, OrderMember } from './heading-order';
import { EntryRow, TIMELINE_ENTRIES, TIMELINE_READ_MODEL } from './timeline-entries.table';

type Close = Pick<EntryRow, 'event_id' | 'version' | 'recorded_to' | 'published_to' | 'position_to'>;
type Rekey = Pick<EntryRow, 'entry_id' | 'version' | 'order_key' | 'rekeyed_position'>;

/** What the next version of an event builds on, and the heading its fact leaves. */
interface Current {
  readonly event_id: string;
  readonly fields: DiplomaticEventFields;
  readonly first_recorded_at: string;
  readonly sort_key: string;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/**
 * The bitemporal timeline of diplomatic events, placed (docs/dates.md). Each version of an event
 * makes one row for the fact and one per date it is about. An amendment closes the current
 * version's rows (recorded_to, published_to, position_to) and opens the next; a retraction only
 * closes them. "As of T" is then an indexed lookup: recorded_from <= T < recorded_to; "as
 * published at T" the same on published_from and published_to; "at position P" on position and
 * position_to.
 *
 * Each row keeps its entry's JSON as the API answers it and its order under its heading
 * (order_key), so that a read sends stored text in stored order. The keys of a heading change
 * only when a fact with relations comes or goes, or a fact of it is amended or retracted: then
 * the heading's open rows are ordered again, and those whose key changed are re-keyed
 * (docs/adr/0015-entries-ready-to-send.md).
 */
export class TimelineEntriesProjection implements Projection {
  readonly name = TIMELINE_READ_MODEL;
  readonly tables = [TIMELINE_ENTRIES];
  readonly routes = eventRoutes<ProjectionContext, Promise<void> | void>()({
    // Story revisions sit on the timeline too, but from their own read model (story-revisions).
    // A review's accepted fact is on the timeline from its own DiplomaticEventRecorded.
    ignore: ['StoryCreated', 'StoryRevised', 'FactCandidateAccepted', 'FactCandidateDismissed'],
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
  /** Stored rows whose order key changed in this batch, by `<entry id>/<version>`: the last change wins. */
  private rekeys = new Map<string, Rekey>();
  private headings = new HeadingOrder();
  /**
   * In a rebuild only (replayingFromEmpty), shared by its instances: the headings the replay has
   * written a row with relations to, in any version. A heading without one holds only facts whose
   * keys are their own alone (ADR 0015), so no key in it can change and its reorder needs no
   * query. The live projector leaves it undefined: it cannot know what its table holds without
   * asking. Without this, each amendment of a rebuild waited for a query of its heading, one
   * round trip after another, and held the next batch's staging back behind the commit.
   */
  private relatedHeadings?: Set<string>;

  replayingFromEmpty(notes: Map<string, unknown>): void {
    const key = `${this.name}:related-headings`;
    if (!notes.has(key)) notes.set(key, new Set<string>());
    this.relatedHeadings = notes.get(key) as Set<string>;
  }

  private async recorded(e: DiplomaticEventRecorded, c: ProjectionContext): Promise<void> {
    const { eventId, ...fields } = e.data;
    const rows = this.stage(eventId, 1, fields, c.recordedAt, c.recordedAt, editorialTime(e.data, c.recordedAt), c.position);
    // A fact related to nothing orders nothing else: its key, made alone, is its key among the others.
    if (rows[0].relations?.some((r) => r.relation !== 'same-day')) await this.reorder([rows[0].sort_key], c);
  }

  private async amended(e: DiplomaticEventAmended, c: ProjectionContext): Promise<void> {
    const current = await this.closeCurrent(e.data.eventId, editorialTime(e.data, c.recordedAt), c);
    const rows = this.stage(
      current.event_id,
      e.data.version,
      applyChanges(current.fields, e.data.changes),
      c.recordedAt,
      current.first_recorded_at,
      editorialTime(e.data, c.recordedAt),
      c.position,
    );
    // The facts related to this one move with it, where it was and where it is now.
    await this.reorder([current.sort_key, rows[0].sort_key], c);
  }

  private async retracted(e: DiplomaticEventRetracted, c: ProjectionContext): Promise<void> {
    // A retraction declares no editorial time: it is published when it is recorded.
    const current = await this.closeCurrent(e.data.eventId, c.recordedAt, c);
    await this.reorder([current.sort_key], c);
  }

  async flush(tx: SqlQueryable, t: TableNames): Promise<void> {
    const table = t[TIMELINE_ENTRIES.name];
    const { closes, inserts, rekeys } = this;
    this.reset();
    await updateRows(
      tx,
      TIMELINE_ENTRIES,
      table,
      { key: ['event_id', 'version'], set: ['recorded_to', 'published_to', 'position_to'] },
      closes,
    );
    await insertRows(tx, TIMELINE_ENTRIES, table, inserts);
    await updateRows(tx, TIMELINE_ENTRIES, table, { key: ['entry_id', 'version'], set: ['order_key', 'rekeyed_position'] }, [
      ...rekeys.values(),
    ]);
  }

  reset(): void {
    this.inserts = [];
    this.open = new Map();
    this.closes = [];
    this.rekeys = new Map();
    this.headings = new HeadingOrder();
  }

  private stage(
    eventId: string,
    version: number,
    written: DiplomaticEventFields,
    recordedFrom: string,
    firstRecordedAt: string,
    publishedFrom: string,
    position: number,
  ): EntryRow[] {
    // The same bytes whether the fields came from this event or from the table (an amendment of a stored version).
    const fields = inJsonbOrder(written);
    const knowledge = factKnowledge(fields);
    // The times as the API writes them (a read of timestamptz gives them so too).
    // Most often one instant three times (a first version published when recorded): parsed once.
    const recordedAt = iso(recordedFrom);
    const times = {
      recordedAt,
      firstRecordedAt: firstRecordedAt === recordedFrom ? recordedAt : iso(firstRecordedAt),
      publishedAt: publishedFrom === recordedFrom ? recordedAt : iso(publishedFrom),
    };
    const entries = entriesOf({ id: eventId, version, fields, times }, knowledge);
    const dates = entryDates(knowledge);
    const participants = participantKeys(fields);
    const storyIds = fields.storyIds.map((id) => id.toLowerCase());
    const knowledgeOf = (): DateKnowledgeV2 => knowledge;
    const rows = entries.map((entry, i): EntryRow => {
      const { earliest, latest } = possibleDays(dates[i]);
      const order = orderInputs(entry, knowledgeOf);
      // One literal of one shape, every field spelled out: spreads take V8's slow path, which
      // cost a tenth of a rebuild.
      return {
        entry_id: entry.id,
        event_id: eventId,
        version,
        role: entry.type === 'about-date' ? 'about' : 'fact',
        day: entry.date,
        sort_key: entry.sortKey,
        order_key: HeadingOrder.aloneKey(order),
        earliest: earliest ?? '-infinity',
        latest: latest ?? 'infinity',
        kind: fields.kind,
        participants,
        story_ids: storyIds,
        recorded_from: times.recordedAt,
        recorded_to: null,
        first_recorded_at: times.firstRecordedAt,
        published_from: times.publishedAt,
        published_to: null,
        position,
        position_to: null,
        rekeyed_position: null,
        order_at: order.at ?? null,
        relations: order.relations.length > 0 ? [...order.relations] : null,
        fields,
        entry: JSON.stringify(entry),
      };
    });
    this.inserts.push(...rows);
    this.open.set(eventId, rows);
    for (const row of rows) {
      this.headings.staged(row);
      // Noted at staging, whether or not the batch commits: more headings than needed only costs queries.
      if (row.relations !== null) this.relatedHeadings?.add(row.sort_key);
    }
    return rows;
  }

  /** Closes the event's open rows, staged in this batch or stored, and returns what the next version builds on. */
  private async closeCurrent(eventId: string, publishedTo: string, c: ProjectionContext): Promise<Current> {
    const staged = this.open.get(eventId);
    if (staged) {
      for (const row of staged) {
        row.recorded_to = c.recordedAt;
        row.published_to = publishedTo;
        row.position_to = c.position;
        this.headings.closed(row.sort_key, row.entry_id);
      }
      this.open.delete(eventId);
      const fact = staged[0];
      return { event_id: fact.event_id, fields: fact.fields, first_recorded_at: String(fact.first_recorded_at), sort_key: fact.sort_key };
    }
    const { rows } = await c.tx.query<
      Pick<EntryRow, 'entry_id' | 'event_id' | 'version' | 'role' | 'sort_key' | 'first_recorded_at' | 'fields'>
    >(
      `SELECT entry_id, event_id, version, role, sort_key, first_recorded_at, CASE WHEN role = 'fact' THEN fields END AS fields
         FROM ${c.tables[TIMELINE_ENTRIES.name]} WHERE event_id = $1 AND recorded_to IS NULL`,
      [eventId],
    );
    const fact = rows.find((r) => r.role === 'fact');
    if (!fact) throw new Error(`timeline: no open entry for diplomatic event ${eventId}`);
    this.closes.push({
      event_id: eventId,
      version: fact.version,
      recorded_to: c.recordedAt,
      published_to: publishedTo,
      position_to: c.position,
    });
    this.headings.closedStored(eventId, fact.version);
    for (const row of rows) this.headings.closed(row.sort_key, row.entry_id);
    return { event_id: fact.event_id, fields: fact.fields, first_recorded_at: iso(fact.first_recorded_at), sort_key: fact.sort_key };
  }

  /**
   * Orders these headings' open rows again, as they are after this event, and re-keys those
   * whose key changed: a staged row in place, a stored one by an update at flush. A row written
   * before this event that changes key records this event's position (rekeyed_position).
   */
  private async reorder(sortKeys: readonly string[], c: ProjectionContext): Promise<void> {
    for (const sortKey of new Set(sortKeys)) {
      if (this.relatedHeadings && !this.relatedHeadings.has(sortKey)) continue;
      const members = await this.headings.members(sortKey, (key) => this.loadHeading(key, c));
      for (const { member, key } of HeadingOrder.changed(members)) {
        member.order_key = key;
        if (member.row) {
          member.row.order_key = key;
          if (member.row.position !== c.position) member.row.rekeyed_position = c.position;
        } else {
          this.rekeys.set(`${member.entry_id}/${member.version}`, {
            entry_id: member.entry_id,
            version: member.version,
            order_key: key,
            rekeyed_position: c.position,
          });
        }
      }
    }
  }

  /** A heading's open rows as stored (before this batch's writes): what orders them. */
  private async loadHeading(sortKey: string, c: ProjectionContext): Promise<OrderMember[]> {
    const { rows } = await c.tx.query<
      Pick<EntryRow, 'entry_id' | 'event_id' | 'version' | 'first_recorded_at' | 'order_at' | 'relations' | 'order_key'>
    >(
      `SELECT entry_id, event_id, version, first_recorded_at, order_at, relations, order_key
         FROM ${c.tables[TIMELINE_ENTRIES.name]} WHERE sort_key = $1 AND recorded_to IS NULL`,
      [sortKey],
    );
    return rows.map((r) => ({
      entry_id: r.entry_id,
      event_id: r.event_id,
      version: r.version,
      key: r.entry_id,
      recording: `${iso(r.first_recorded_at)}|${r.entry_id}`,
      ...(r.order_at !== null ? { at: r.order_at } : {}),
      relations: r.relations ?? [],
      order_key: r.order_key,
    }));
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
