import {
  compareEntries,
  diplomaticEventEntry,
  DiplomaticEventEntry,
  DiplomaticEventFields,
  isBoringRevision,
  revisionTimelineDate,
  StoryRevisionEntry,
  TimelineEntry,
  TimelineFilter,
} from '@dateline/domain';
import { SqlQueryable } from '@dateline/event-store';
import { RevisionRow } from '../projections/story-revisions.projection';
import { readModelPosition } from '../runner/checkpoints';

export interface TimelineQuery extends TimelineFilter {
  readonly asOf?: string;
  readonly tz?: string;
}

export interface StoryRevisionView {
  id: string;
  revision: number;
  slug: string;
  headline: string;
  body: string;
  editorsNote?: string;
  developing: boolean;
  byline?: string;
  tags: string[];
  kind: 'created' | 'update' | 'correction';
  changeNote?: string;
  editor?: string;
  recordedAt: string;
}

interface EntryRow {
  event_id: string;
  version: number;
  recorded_from: Date | string;
  recorded_to: Date | string | null;
  first_recorded_at: Date | string;
  fields: DiplomaticEventFields;
}

const iso = (v: Date | string) => new Date(v).toISOString();

/** Statement names by SQL text, for the whole process: a name must always mean the same text. */
const statementNames = new Map<string, string>();

/** The reader's questions, answered from the projections' tables with indexed lookups. */
export class ReadModelQueries {
  constructor(private readonly sql: SqlQueryable) {}

  /**
   * Every read here is a prepared statement, named after its text: PostgreSQL parses and plans
   * it once per connection instead of on every request (half of a timeline read's server CPU
   * was that, the queries themselves take microseconds). The texts come from fixed fragments,
   * so there are a few dozen at most. A rebuild's table swap makes PostgreSQL re-plan them.
   */
  private query<R>(text: string, params: unknown[]): Promise<{ rows: R[] }> {
    let name = statementNames.get(text);
    if (!name) {
      name = `dateline_read_${statementNames.size}`;
      statementNames.set(text, name);
    }
    return this.sql.query<R>(text, params, name);
  }

  position(): Promise<number> {
    return readModelPosition(this.sql);
  }

  /** Entries dated `from` to `to`, both included, as known now or at `asOf`. */
  async timeline(from: string, to: string, q: TimelineQuery = {}): Promise<TimelineEntry[]> {
    const [events, revisions] = await Promise.all([
      this.eventEntries(from, to, q),
      q.participant || q.kind ? [] : this.revisionEntries(from, to, q),
    ]);
    return [...events, ...revisions].sort((a, b) => (a.date === b.date ? compareEntries(a, b) : a.date < b.date ? -1 : 1));
  }

  private async eventEntries(from: string, to: string, q: TimelineQuery): Promise<DiplomaticEventEntry[]> {
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
    const { rows } = await this.query<EntryRow>(
      `SELECT event_id, version, recorded_from, first_recorded_at, fields FROM timeline_entries WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows.map((r) => diplomaticEventEntry(r.event_id, r.version, r.fields, iso(r.recorded_from), iso(r.first_recorded_at)));
  }

  private async revisionEntries(from: string, to: string, q: TimelineQuery): Promise<StoryRevisionEntry[]> {
    const tz = q.tz ?? 'UTC';
    const params: unknown[] = [from, to, tz];
    // The reader's days, as instants: from the start of `from` to the end of `to` in `tz`.
    const where = ['recorded_at >= ($1::date::timestamp AT TIME ZONE $3)', 'recorded_at < (($2::date + 1)::timestamp AT TIME ZONE $3)'];
    if (q.asOf) {
      params.push(q.asOf);
      where.push(`recorded_at <= $${params.length}::timestamptz`);
    }
    if (q.storyId) {
      params.push(q.storyId);
      where.push(`story_id = $${params.length}::uuid`);
    }
    const { rows } = await this.query<RevisionRow>(
      `SELECT story_id, revision, slug, headline, kind, change_note, editor, recorded_at FROM story_revisions WHERE ${where.join(' AND ')}`,
      params,
    );
    return rows.map((r) => toRevisionEntry(r, tz));
  }

  /**
   * The timeline changes the projections applied after position `after`, up to `upTo`, in log
   * order, at most `limit` of them: each new or amended entry in the version it got then, and
   * each retraction. A live feed asks this after every commit (see Projector.onCommitted).
   */
  async timelineChanges(after: number, upTo: number, opts: { tz?: string; limit?: number } = {}): Promise<TimelineChange[]> {
    const limit = opts.limit ?? 500;
    const [versions, revisions] = await Promise.all([
      this.query<{
        event_id: string;
        version: number;
        type: string;
        position: string | number;
        recorded_from: Date | string | null;
        first_recorded_at: Date | string | null;
        fields: DiplomaticEventFields | null;
      }>(
        `SELECT v.event_id, v.version, v.type, v.position, t.recorded_from, t.first_recorded_at, t.fields
           FROM diplomatic_event_versions v
           LEFT JOIN timeline_entries t ON t.event_id = v.event_id AND t.version = v.version
          WHERE v.position > $1 AND v.position <= $2 ORDER BY v.position LIMIT $3`,
        [after, upTo, limit],
      ),
      this.query<RevisionRow>(
        `SELECT story_id, revision, slug, headline, kind, change_note, editor, recorded_at, position
           FROM story_revisions WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
        [after, upTo, limit],
      ),
    ]);
    const changes: TimelineChange[] = [
      ...versions.rows.map((r): TimelineChange =>
        r.fields && r.recorded_from && r.first_recorded_at
          ? {
              change: 'entry',
              position: Number(r.position),
              entry: diplomaticEventEntry(r.event_id, r.version, r.fields, iso(r.recorded_from), iso(r.first_recorded_at)),
            }
          : { change: 'retracted', position: Number(r.position), id: r.event_id, version: r.version },
      ),
      ...revisions.rows.map((r): TimelineChange => ({
        change: 'entry',
        position: Number(r.position),
        entry: toRevisionEntry(r, opts.tz ?? 'UTC'),
      })),
    ];
    return changes.sort((a, b) => a.position - b.position).slice(0, limit);
  }

  /**
   * The newest `limit` dates that have entries, newest first, between `from` and `to` when
   * given, as known now or at `asOf`: what a reader's page of "days with news" shows.
   */
  async datesWithEntries(q: TimelineQuery & { from?: string; to?: string; limit: number }): Promise<string[]> {
    const tz = q.tz ?? 'UTC';
    const eventParams: unknown[] = [q.from ?? '0001-01-01', q.to ?? '9999-12-31', q.limit];
    const eventWhere = ['occurred_on BETWEEN $1::date AND $2::date'];
    if (q.asOf) {
      eventParams.push(q.asOf);
      eventWhere.push(`recorded_from <= $4::timestamptz AND (recorded_to IS NULL OR recorded_to > $4::timestamptz)`);
    } else {
      eventWhere.push('recorded_to IS NULL');
    }
    const revisionParams: unknown[] = [tz, q.limit];
    const revisionWhere: string[] = [];
    const day = `(recorded_at AT TIME ZONE $1)::date`;
    if (q.from) revisionWhere.push(`${day} >= $${revisionParams.push(q.from)}::date`);
    if (q.to) revisionWhere.push(`${day} <= $${revisionParams.push(q.to)}::date`);
    if (q.asOf) revisionWhere.push(`recorded_at <= $${revisionParams.push(q.asOf)}::timestamptz`);
    const toDate = (v: Date | string) => (typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10));
    const [events, revisions] = await Promise.all([
      this.query<{ d: Date | string }>(
        `SELECT DISTINCT occurred_on::text AS d FROM timeline_entries WHERE ${eventWhere.join(' AND ')} ORDER BY d DESC LIMIT $3`,
        eventParams,
      ),
      this.query<{ d: Date | string }>(
        `SELECT DISTINCT ${day}::text AS d FROM story_revisions ${revisionWhere.length ? `WHERE ${revisionWhere.join(' AND ')}` : ''} ORDER BY d DESC LIMIT $2`,
        revisionParams,
      ),
    ]);
    const dates = new Set([...events.rows, ...revisions.rows].map((r) => toDate(r.d)));
    return [...dates].sort().reverse().slice(0, q.limit);
  }

  /** Every revision of a story, oldest first, with full text; undefined for an unknown story. */
  async storyRevisions(storyId: string): Promise<StoryRevisionView[] | undefined> {
    const { rows } = await this.query<RevisionRow>('SELECT * FROM story_revisions WHERE story_id = $1 ORDER BY revision', [storyId]);
    return rows.length === 0 ? undefined : rows.map(toRevisionView);
  }

  /**
   * The story with this slug: the first one created with it, should a log from before slugs
   * were unique (docs/adr/0010-unique-slugs.md) hold several.
   */
  async storyIdBySlug(slug: string): Promise<string | undefined> {
    const { rows } = await this.query<{ story_id: string }>(
      'SELECT story_id FROM story_revisions WHERE slug = $1 AND revision = 1 ORDER BY position LIMIT 1',
      [slug],
    );
    return rows[0]?.story_id;
  }

  async storyRevision(storyId: string, revision: number): Promise<StoryRevisionView | undefined> {
    const { rows } = await this.query<RevisionRow>('SELECT * FROM story_revisions WHERE story_id = $1 AND revision = $2', [
      storyId,
      revision,
    ]);
    return rows[0] ? toRevisionView(rows[0]) : undefined;
  }

  async story(storyId: string): Promise<(StoryRevisionView & { createdAt: string; linkedEvents: LinkedEvent[] }) | undefined> {
    const { rows } = await this.query<RevisionRow & { created_at: Date | string }>(
      `SELECT r.*, (SELECT recorded_at FROM story_revisions WHERE story_id = $1 AND revision = 1) AS created_at
         FROM story_revisions r WHERE story_id = $1 ORDER BY revision DESC LIMIT 1`,
      [storyId],
    );
    if (!rows[0]) return undefined;
    const linked = await this.query<EntryRow>(
      'SELECT event_id, version, fields FROM timeline_entries WHERE story_ids @> $1::jsonb AND recorded_to IS NULL',
      [JSON.stringify([storyId.toLowerCase()])],
    );
    const linkedEvents = linked.rows
      .map((r) => ({
        id: r.event_id,
        version: r.version,
        title: r.fields.title,
        kind: r.fields.kind,
        occurredOn: r.fields.occurredOn,
        ...(r.fields.occurredUntil ? { occurredUntil: r.fields.occurredUntil } : {}),
        datePrecision: r.fields.datePrecision,
        dateCertainty: r.fields.dateCertainty,
      }))
      .sort((a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.title.localeCompare(b.title));
    return { ...toRevisionView(rows[0]), createdAt: iso(rows[0].created_at), linkedEvents };
  }

  /** A diplomatic event's latest version (also when retracted) and its history. */
  async diplomaticEvent(eventId: string): Promise<DiplomaticEventView | undefined> {
    const [latest, history] = await Promise.all([
      this.query<EntryRow>(
        'SELECT event_id, version, recorded_from, recorded_to, first_recorded_at, fields FROM timeline_entries WHERE event_id = $1 ORDER BY version DESC LIMIT 1',
        [eventId],
      ),
      this.query<{
        version: number;
        type: string;
        recorded_at: Date | string;
        editor: string | null;
        reason: string | null;
        changes: unknown;
      }>('SELECT version, type, recorded_at, editor, reason, changes FROM diplomatic_event_versions WHERE event_id = $1 ORDER BY version', [
        eventId,
      ]),
    ]);
    const row = latest.rows[0];
    if (!row || history.rows.length === 0) return undefined;
    const last = history.rows[history.rows.length - 1];
    return {
      id: eventId,
      version: last.version,
      status: last.type === 'DiplomaticEventRetracted' ? 'retracted' : 'active',
      ...row.fields,
      recordedAt: iso(row.first_recorded_at),
      updatedAt: iso(last.recorded_at),
      history: history.rows.map((h) => ({
        version: h.version,
        type: h.type,
        recordedAt: iso(h.recorded_at),
        ...(h.editor ? { editor: h.editor } : {}),
        ...(h.reason ? { reason: h.reason } : {}),
        ...(h.changes ? { changes: h.changes } : {}),
      })),
    };
  }
}

export type TimelineChange =
  | { readonly change: 'entry'; readonly position: number; readonly entry: TimelineEntry }
  | { readonly change: 'retracted'; readonly position: number; readonly id: string; readonly version: number };

function toRevisionEntry(r: RevisionRow, tz: string): StoryRevisionEntry {
  return {
    type: 'story-revision',
    id: r.story_id,
    slug: r.slug,
    revision: r.revision,
    date: revisionTimelineDate(iso(r.recorded_at), tz),
    recordedAt: iso(r.recorded_at),
    headline: r.headline,
    kind: r.kind,
    ...(r.change_note ? { changeNote: r.change_note } : {}),
    ...(r.editor ? { editor: r.editor } : {}),
  };
}

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

export type DiplomaticEventView = DiplomaticEventFields & {
  id: string;
  version: number;
  status: 'active' | 'retracted';
  recordedAt: string;
  updatedAt: string;
  history: { version: number; type: string; recordedAt: string; editor?: string; reason?: string; changes?: unknown }[];
};

function toRevisionView(r: RevisionRow): StoryRevisionView {
  return {
    id: r.story_id,
    revision: r.revision,
    slug: r.slug,
    headline: r.headline,
    body: r.body,
    ...(r.editors_note !== null ? { editorsNote: r.editors_note } : {}),
    developing: r.developing,
    ...(r.byline !== null ? { byline: r.byline } : {}),
    tags: r.tags,
    kind: r.kind,
    ...(r.change_note !== null ? { changeNote: r.change_note } : {}),
    ...(r.editor !== null ? { editor: r.editor } : {}),
    recordedAt: iso(r.recorded_at),
  };
}

/** Revision summaries for the history list, each flagged when it only touched punctuation or spacing. */
export function summarizeRevisions(revisions: StoryRevisionView[]) {
  return revisions.map((r, i) => ({
    revision: r.revision,
    recordedAt: r.recordedAt,
    ...(r.editor ? { editor: r.editor } : {}),
    kind: r.kind,
    ...(r.changeNote ? { changeNote: r.changeNote } : {}),
    headline: r.headline,
    boring: i > 0 && isBoringRevision(revisions[i - 1], r),
  }));
}
