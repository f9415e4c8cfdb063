import { measureLag, type EventStore, type Lag, type SqlQueryable } from '@dateline/event-store';
import type { RelayService } from '@dateline/kafka';
import type { ProjectorService, StoryRevisionView } from '@dateline/projections';

/** A row of the desk's story list: each story as of its latest revision. */
export interface DeskStoryRow {
  readonly id: string;
  readonly slug: string;
  readonly headline: string;
  readonly revision: number;
  readonly developing: boolean;
  readonly updatedAt: string;
}

/** Stories the list shows at most: the newest ones, or the best matches of a search. */
export const STORY_LIST_LIMIT = 200;

/**
 * Every read the desk makes, in one place (the read side is being split into separate query and
 * position services: this is the one file to adapt). Stories are read through the same query calls
 * as GET /stories/:id and its revisions; only the list has SQL of its own, over the same read model,
 * because no API route lists stories yet.
 */
export class DeskReads {
  constructor(
    private readonly projector: ProjectorService,
    private readonly sql: SqlQueryable,
    private readonly store: EventStore,
    private readonly relay: RelayService,
  ) {}

  /** Most recently updated first; `search` matches headline or slug, case-insensitively, as plain text. */
  async stories(search?: string): Promise<DeskStoryRow[]> {
    const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const { rows } = await this.sql.query<{
      story_id: string;
      slug: string;
      headline: string;
      revision: number;
      developing: boolean;
      recorded_at: Date | string;
    }>(
      `SELECT * FROM (
         SELECT DISTINCT ON (story_id) story_id, slug, headline, revision, developing, recorded_at
           FROM story_revisions ORDER BY story_id, revision DESC) latest
        WHERE $1::text IS NULL OR headline ILIKE $1 OR slug ILIKE $1
        ORDER BY recorded_at DESC LIMIT ${STORY_LIST_LIMIT}`,
      [pattern],
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

  story(id: string): Promise<StoryRevisionView | undefined> {
    return this.projector.queries.story(id);
  }

  revisions(id: string): Promise<StoryRevisionView[] | undefined> {
    return this.projector.queries.storyRevisions(id);
  }

  revision(id: string, n: number): Promise<StoryRevisionView | undefined> {
    return this.projector.queries.storyRevision(id, n);
  }

  /** Waits until the read models include `position` (a write's), so the page after a save shows it. */
  async caughtUp(position: number, timeoutMs: number): Promise<void> {
    await this.projector.waitFor(position, timeoutMs);
  }

  /** Waits until the read models include everything logged so far (a conflict's winning revision among it). */
  async caughtUpWithLog(timeoutMs: number): Promise<void> {
    await this.projector.waitFor(await this.store.headPosition(), timeoutMs);
  }

  projectionNames(): string[] {
    return this.projector.names;
  }

  /** What GET /admin/status answers, plus the projections' lag in events and seconds. */
  async operations(): Promise<{
    head: number;
    readModels: { position: number; lag: Lag; role: string; projections: string[] };
    relay: Awaited<ReturnType<RelayService['report']>>;
  }> {
    const [head, position, relay] = await Promise.all([this.store.headPosition(), this.projector.position(), this.relay.report()]);
    const lag = position >= head ? { events: 0, capped: false, seconds: 0 } : await measureLag(this.store, position);
    return { head, readModels: { position, lag, role: this.projector.role, projections: this.projector.names }, relay };
  }
}
