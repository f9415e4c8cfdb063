import { measureLag, type EventStore, type Lag } from '@dateline/event-store';
import type { RelayService } from '@dateline/kafka';
import type { DiplomaticEventEntry } from '@dateline/domain';
import type {
  DiplomaticEventQueries,
  DiplomaticEventView,
  FactCandidatesQueries,
  FactCandidateView,
  ProjectorRunner,
  ReadModelPositions,
  StoryListRow,
  StoryRevisionView,
  StoryRevisionsQueries,
  TimelineEntriesQueries,
} from '@dateline/projections';

/** A row of the desk's story list. */
export type DeskStoryRow = StoryListRow;

/** A fact of a story as the desk lists it: its latest version, and whether a retraction closed it. */
export interface DeskFactRow {
  readonly entry: DiplomaticEventEntry;
  readonly retracted: boolean;
}

/** Stories the list shows at most: the newest ones, or the best matches of a search. */
export const STORY_LIST_LIMIT = 200;

/**
 * Every read the desk makes, in one place: the same story-revision queries as GET /stories/:id and
 * its revisions, and the same positions a `minPosition` read waits for (docs/adr/0012-read-model-positions.md).
 */
export class DeskReads {
  constructor(
    private readonly revisionsQueries: StoryRevisionsQueries,
    private readonly positions: ReadModelPositions,
    private readonly runner: ProjectorRunner,
    private readonly store: EventStore,
    private readonly relay: RelayService,
    private readonly entries: TimelineEntriesQueries,
    private readonly facts: DiplomaticEventQueries,
    private readonly candidatesQueries: FactCandidatesQueries,
  ) {}

  /** A revision's fact candidates in the order of its text, each with its review (GET /stories/:id/fact-candidates?revision=). */
  async candidates(storyId: string, revision: number): Promise<FactCandidateView[]> {
    const rows = await this.candidatesQueries.page(storyId, { revision }, { at: Number.MAX_SAFE_INTEGER, limit: 10_000 });
    return rows.map((r) => r.candidate);
  }

  /** Waits until the fact candidates include `position` (a review's), so the panel after it shows it. */
  async candidatesCaughtUp(position: number, timeoutMs: number): Promise<void> {
    await this.positions.waitFor(this.candidatesQueries.readModels, position, timeoutMs);
  }

  /** Most recently updated first; `search` matches headline or slug, case-insensitively, as plain text. */
  stories(search?: string): Promise<DeskStoryRow[]> {
    return this.revisionsQueries.list({ search, limit: STORY_LIST_LIMIT });
  }

  story(id: string): Promise<StoryRevisionView | undefined> {
    return this.revisionsQueries.current(id);
  }

  revisions(id: string): Promise<StoryRevisionView[] | undefined> {
    return this.revisionsQueries.revisions(id);
  }

  revision(id: string, n: number): Promise<StoryRevisionView | undefined> {
    return this.revisionsQueries.revision(id, n);
  }

  /** The story's facts in timeline order, retracted ones too (the same rows as the story page's, plus those). */
  storyFacts(storyId: string): Promise<DeskFactRow[]> {
    return this.entries.latestLinkedTo(storyId);
  }

  /** A fact now, with its history: what GET /diplomatic-events/:id answers. */
  fact(id: string): Promise<DiplomaticEventView | undefined> {
    return this.facts.diplomaticEvent(id);
  }

  /** One version of a fact as it was recorded: what an editor's form started from. */
  async factVersion(id: string, version: number): Promise<DiplomaticEventEntry | undefined> {
    const found = await this.entries.versions([{ eventId: id, version }]);
    const fact = [...found.values()][0]?.[0];
    return fact?.type === 'diplomatic-event' ? fact : undefined;
  }

  /** Waits until the facts' read models (timeline and history) include `position`, or everything logged so far. */
  async factsCaughtUp(position: number | 'head', timeoutMs: number): Promise<void> {
    const to = position === 'head' ? await this.store.headPosition() : position;
    await this.positions.waitFor(this.facts.readModels, to, timeoutMs);
  }

  /**
   * Waits until story revisions include `position` (a write's), so the page after a save shows
   * it, and the fact candidates too, so the revision's candidates are there to review.
   */
  async caughtUp(position: number, timeoutMs: number): Promise<void> {
    await this.positions.waitFor([...this.revisionsQueries.readModels, ...this.candidatesQueries.readModels], position, timeoutMs);
  }

  /** Waits until story revisions include everything logged so far (a conflict's winning revision among it). */
  async caughtUpWithLog(timeoutMs: number): Promise<void> {
    await this.positions.waitFor(this.revisionsQueries.readModels, await this.store.headPosition(), timeoutMs);
  }

  projectionNames(): readonly string[] {
    return this.runner.names;
  }

  /** What GET /admin/status answers, plus the projections' lag in events and seconds. */
  async operations(): Promise<{
    head: number;
    readModels: { position: number; lag: Lag; role: string; projections: readonly string[] };
    relay: Awaited<ReturnType<RelayService['report']>>;
  }> {
    const [head, position, relay] = await Promise.all([this.store.headPosition(), this.positions.position(), this.relay.report()]);
    const lag = position >= head ? { events: 0, capped: false, seconds: 0 } : await measureLag(this.store, position);
    return { head, readModels: { position, lag, role: this.runner.role, projections: this.runner.names }, relay };
  }
}
