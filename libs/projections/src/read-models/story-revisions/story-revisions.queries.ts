import { Inject, Injectable } from '@nestjs/common';
import { revisionOrderKey, StoryRevisionEntry } from '@dateline/domain';
import { SQL_CLIENT } from '@dateline/event-store';
import type { SqlQueryable } from '@dateline/event-store';
import { isRevisionKey, PageWindow, revisionSortKey, StoredEntry, WHOLE_LIST } from '../../pages/page-window';
import { namedQuery } from '../../tables/named-statements';
import { StoryRevisionView, toRevisionEntry, toRevisionView } from './story-revision.view';
import { RevisionRow, STORY_REVISIONS, STORY_REVISIONS_READ_MODEL } from './story-revisions.table';

const T = STORY_REVISIONS.name;
const ENTRY_COLUMNS = 'story_id, revision, slug, headline, kind, change_note, editor, recorded_at, published_at';

/** A revision on the timeline, at its position in the log: what the live feed sends. */
export interface PositionedRevisionEntry {
  readonly position: number;
  readonly entry: StoryRevisionEntry;
}

/** A row of a story list: each story as of its latest revision. */
export interface StoryListRow {
  readonly id: string;
  readonly slug: string;
  readonly headline: string;
  readonly revision: number;
  readonly developing: boolean;
  readonly updatedAt: string;
}

/** Questions answered from story_revisions alone, with indexed lookups. */
@Injectable()
export class StoryRevisionsQueries {
  /** The read models these answers come from: what a `minPosition` read of them waits for. */
  readonly readModels = [STORY_REVISIONS_READ_MODEL];

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlQueryable) {}

  /**
   * Revisions published on the reader's days `from` to `to` (both included, in `tz`), as known
   * now, as recorded by `asOf`, or as published by `asPublished`, in reading order (by day, then
   * publication): a page of them, as written by the window's position, after its key, its limit
   * and one more.
   */
  async entries(
    from: string,
    to: string,
    q: { asOf?: string; asPublished?: string; tz?: string; storyId?: string } = {},
    w: PageWindow = WHOLE_LIST,
  ): Promise<StoredEntry[]> {
    const tz = q.tz ?? 'UTC';
    const params: unknown[] = [from, to, tz, w.at];
    const day = '(published_at AT TIME ZONE $3)::date';
    // The reader's days, as instants: from the start of `from` to the end of `to` in `tz`. A revision never changes once written.
    const where = [
      'published_at >= ($1::date::timestamp AT TIME ZONE $3)',
      'published_at < (($2::date + 1)::timestamp AT TIME ZONE $3)',
      'position <= $4',
    ];
    where.push(...revisionTime(q, params));
    if (q.storyId) where.push(`story_id = $${params.push(q.storyId)}::uuid`);
    // Reading order is the day, then the publication to the millisecond (as the API writes it), story and number.
    const order = `${day}, date_trunc('milliseconds', published_at), story_id, revision`;
    if (w.after && isRevisionKey(w.after)) {
      const [publishedAt, storyId, revision] = w.after.orderKey.split('|');
      where.push(
        `(${order}) > ($${params.push(w.after.sortKey.slice(0, 10))}::date, $${params.push(publishedAt)}::timestamptz, $${params.push(storyId)}::uuid, $${params.push(Number(revision))}::int)`,
      );
    } else if (w.after) {
      // After a fact: its day's revisions follow every fact of that day.
      where.push(`${day} >= $${params.push(w.after.sortKey.slice(0, 10))}::date`);
    }
    const limit = w.limit === undefined || w.perDay ? 'NULL' : `$${params.push(w.limit + 1)}::int`;
    const { rows } = await namedQuery<RevisionRow>(
      this.sql,
      `SELECT ${ENTRY_COLUMNS} FROM ${T} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit}`,
      params,
    );
    const entries = rows.map((r): StoredEntry => {
      const entry = toRevisionEntry(r, tz);
      return {
        key: { sortKey: revisionSortKey(entry.date), orderKey: revisionOrderKey(entry) },
        date: entry.date,
        json: JSON.stringify(entry),
        storyIds: [entry.id.toLowerCase()],
      };
    });
    return w.perDay && w.limit !== undefined ? perDay(entries, w.limit + 1) : entries;
  }

  /**
   * Revisions written after position `after`, up to `upTo`: their stories, publication instants
   * and recording instants (what a purge names). With `limit`, undefined when there are more than that many.
   */
  async changesBetween(
    after: number,
    upTo: number,
    limit?: number,
  ): Promise<{ storyId: string; publishedAt: string; recordedAt: number }[] | undefined> {
    const { rows } = await namedQuery<Pick<RevisionRow, 'story_id' | 'published_at' | 'recorded_at'>>(
      this.sql,
      `SELECT story_id, published_at, recorded_at FROM ${T} WHERE position > $1 AND position <= $2 ${limit === undefined ? '' : `LIMIT ${Math.floor(limit) + 1}`}`,
      [after, upTo],
    );
    if (limit !== undefined && rows.length > limit) return undefined;
    return rows.map((r) => ({
      storyId: r.story_id,
      publishedAt: new Date(r.published_at).toISOString(),
      recordedAt: new Date(r.recorded_at).getTime(),
    }));
  }

  /** The newest `limit` reader's days (in `tz`) with a revision, newest first, between `from` and `to`, as known now or at `asOf`. */
  async dates(q: { from?: string; to?: string; asOf?: string; asPublished?: string; tz?: string; limit: number }): Promise<string[]> {
    const params: unknown[] = [q.tz ?? 'UTC', q.limit];
    const where: string[] = [];
    const day = `(published_at AT TIME ZONE $1)::date`;
    if (q.from) where.push(`${day} >= $${params.push(q.from)}::date`);
    if (q.to) where.push(`${day} <= $${params.push(q.to)}::date`);
    where.push(...revisionTime(q, params));
    const { rows } = await namedQuery<{ d: Date | string }>(
      this.sql,
      `SELECT DISTINCT ${day}::text AS d FROM ${T} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d DESC LIMIT $2`,
      params,
    );
    return rows.map((r) => (typeof r.d === 'string' ? r.d.slice(0, 10) : r.d.toISOString().slice(0, 10)));
  }

  /** Revisions applied after position `after`, up to `upTo`, in log order, at most `limit`. */
  async changes(after: number, upTo: number, limit: number, tz = 'UTC'): Promise<PositionedRevisionEntry[]> {
    const { rows } = await namedQuery<RevisionRow>(
      this.sql,
      `SELECT ${ENTRY_COLUMNS}, position FROM ${T} WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
      [after, upTo, limit],
    );
    return rows.map((r) => ({ position: Number(r.position), entry: toRevisionEntry(r, tz) }));
  }

  /**
   * The newest revisions (of one story, or of all) written by position `at` and before position
   * `before` (when given), newest first, at most `limit`: the feeds' page of story changes.
   */
  async newest(page: { at: number; before?: number; limit: number; storyId?: string }): Promise<PositionedRevisionEntry[]> {
    const params: unknown[] = [page.at, page.before ?? Number.MAX_SAFE_INTEGER, page.limit];
    // One story's on its key (a few rows, sorted), all stories' on the position index: two texts, two plans.
    const story = page.storyId ? ` AND story_id = $${params.push(page.storyId)}::uuid` : '';
    const { rows } = await namedQuery<RevisionRow>(
      this.sql,
      `SELECT ${ENTRY_COLUMNS}, position FROM ${T} WHERE position <= $1 AND position < $2${story} ORDER BY position DESC LIMIT $3`,
      params,
    );
    return rows.map((r) => ({ position: Number(r.position), entry: toRevisionEntry(r, 'UTC') }));
  }

  /** Every revision of a story (published by `asPublished` when given), oldest first, with full text; undefined for none. */
  async revisions(storyId: string, q: { asPublished?: string } = {}): Promise<StoryRevisionView[] | undefined> {
    const params: unknown[] = [storyId];
    const where = ['story_id = $1', ...revisionTime(q, params)];
    const { rows } = await namedQuery<RevisionRow>(this.sql, `SELECT * FROM ${T} WHERE ${where.join(' AND ')} ORDER BY revision`, params);
    return rows.length === 0 ? undefined : rows.map(toRevisionView);
  }

  /**
   * A page of a story's revisions (published by `asPublished` when given), oldest first, as
   * written by position `at`: those after revision `after`, at most `limit` and one more, and
   * the revision `after` itself as `previous` (what the first one's `boring` compares with).
   * Undefined when the story has no revision then.
   */
  async revisionsPage(
    storyId: string,
    q: { asPublished?: string },
    page: { at: number; after?: number; limit: number },
  ): Promise<{ previous?: StoryRevisionView; revisions: StoryRevisionView[] } | undefined> {
    const params: unknown[] = [storyId, page.at, page.after ?? 1, page.limit + (page.after === undefined ? 1 : 2)];
    const where = ['story_id = $1', 'position <= $2', 'revision >= $3', ...revisionTime(q, params)];
    const { rows } = await namedQuery<RevisionRow>(
      this.sql,
      `SELECT * FROM ${T} WHERE ${where.join(' AND ')} ORDER BY revision LIMIT $4`,
      params,
    );
    const views = rows.map(toRevisionView);
    if (page.after === undefined) return views.length === 0 ? undefined : { revisions: views };
    const [first, ...rest] = views;
    if (first?.revision === page.after) return { previous: first, revisions: rest };
    // The revision the cursor names is not there (not published by asPublished): the page starts after it all the same.
    return views.length === 0 && !(await this.current(storyId)) ? undefined : { revisions: views.slice(0, page.limit + 1) };
  }

  async revision(storyId: string, revision: number): Promise<StoryRevisionView | undefined> {
    const { rows } = await namedQuery<RevisionRow>(this.sql, `SELECT * FROM ${T} WHERE story_id = $1 AND revision = $2`, [
      storyId,
      revision,
    ]);
    return rows[0] ? toRevisionView(rows[0]) : undefined;
  }

  /**
   * The story's current revision (or the one current as published at `asPublished`), when it
   * was created and when its first revision was published; undefined for an unknown story, or
   * one not yet published then.
   */
  async current(
    storyId: string,
    q: { asPublished?: string } = {},
  ): Promise<(StoryRevisionView & { createdAt: string; firstPublishedAt: string }) | undefined> {
    const { rows } = await namedQuery<RevisionRow & { created_at: Date | string; first_published_at: Date | string }>(
      this.sql,
      `SELECT r.*, f.recorded_at AS created_at, f.published_at AS first_published_at
         FROM ${T} r JOIN ${T} f ON f.story_id = r.story_id AND f.revision = 1
        WHERE r.story_id = $1 AND ($2::timestamptz IS NULL OR r.published_at <= $2::timestamptz) ORDER BY r.revision DESC LIMIT 1`,
      [storyId, q.asPublished ?? null],
    );
    const row = rows[0];
    return (
      row && {
        ...toRevisionView(row),
        createdAt: new Date(row.created_at).toISOString(),
        firstPublishedAt: new Date(row.first_published_at).toISOString(),
      }
    );
  }

  /**
   * Each story's slug and current headline, by id (lowercased): what a link to a story says. One
   * query for the stories of a page's entries; an unknown id is left out.
   */
  async headlines(storyIds: readonly string[]): Promise<Map<string, { slug: string; headline: string }>> {
    const ids = [...new Set(storyIds.map((id) => id.toLowerCase()))];
    if (ids.length === 0) return new Map();
    const { rows } = await namedQuery<Pick<RevisionRow, 'story_id' | 'slug' | 'headline'>>(
      this.sql,
      `SELECT DISTINCT ON (story_id) story_id, slug, headline FROM ${T} WHERE story_id = ANY($1::uuid[]) ORDER BY story_id, revision DESC`,
      [ids],
    );
    return new Map(rows.map((r) => [r.story_id.toLowerCase(), { slug: r.slug, headline: r.headline }]));
  }

  /**
   * The story with this slug: the first one created with it, should a log from before slugs
   * were unique (docs/adr/0010-unique-slugs.md) hold several.
   */
  async storyIdBySlug(slug: string): Promise<string | undefined> {
    const { rows } = await namedQuery<{ story_id: string }>(
      this.sql,
      `SELECT story_id FROM ${T} WHERE slug = $1 AND revision = 1 ORDER BY position LIMIT 1`,
      [slug],
    );
    return rows[0]?.story_id;
  }

  /**
   * Stories as of their latest revision, most recently updated first, at most `limit`;
   * `search` matches headline or slug, case-insensitively, as plain text (LIKE wildcards escaped).
   */
  async list(q: { search?: string; limit: number }): Promise<StoryListRow[]> {
    const pattern = q.search ? `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    // Only the columns a list row shows: the bodies (a few KB per revision) stay in the database.
    const { rows } = await namedQuery<Pick<RevisionRow, 'story_id' | 'slug' | 'headline' | 'revision' | 'developing' | 'recorded_at'>>(
      this.sql,
      `SELECT * FROM (
         SELECT DISTINCT ON (story_id) story_id, slug, headline, revision, developing, recorded_at
           FROM ${T} ORDER BY story_id, revision DESC) latest
        WHERE $1::text IS NULL OR headline ILIKE $1 OR slug ILIKE $1
        ORDER BY recorded_at DESC LIMIT $2`,
      [pattern, q.limit],
    );
    return rows.map((r) => ({
      id: r.story_id,
      slug: r.slug,
      headline: r.headline,
      revision: r.revision,
      developing: r.developing,
      updatedAt: new Date(r.recorded_at).toISOString(),
    }));
  }
}

/** The condition of the revisions a read sees: recorded by `asOf`, published by `asPublished`, or all. */
function revisionTime(q: { asOf?: string; asPublished?: string }, params: unknown[]): string[] {
  const where: string[] = [];
  if (q.asOf) where.push(`recorded_at <= $${params.push(q.asOf)}::timestamptz`);
  if (q.asPublished) where.push(`published_at <= $${params.push(q.asPublished)}::timestamptz`);
  return where;
}

/** At most `n` entries of each day, in the order given. */
function perDay(entries: readonly StoredEntry[], n: number): StoredEntry[] {
  const counts = new Map<string, number>();
  return entries.filter((e) => {
    const count = (counts.get(e.date) ?? 0) + 1;
    counts.set(e.date, count);
    return count <= n;
  });
}
