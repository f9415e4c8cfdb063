import { Injectable } from '@nestjs/common';
import { DiplomaticEventEntry, StoryRevisionEntry } from '@dateline/domain';
import { EventHistoryQueries, PositionedHistoryItem } from '../read-models/event-history/event-history.queries';
import { StoryRevisionsQueries } from '../read-models/story-revisions/story-revisions.queries';
import { TimelineEntriesQueries, versionKey } from '../read-models/timeline-entries/timeline-entries.queries';

/** What happened to a fact in one change: it was recorded, amended or retracted. */
export type FactChangeKind = 'recorded' | 'amended' | 'retracted';

/** One change to a diplomatic event, as a feed shows it. */
export interface FactFeedChange {
  readonly kind: 'fact';
  readonly change: FactChangeKind;
  /** The log position of the change: feeds are newest first by it. */
  readonly position: number;
  readonly eventId: string;
  /** The stream version the change made (a retraction has one of its own). */
  readonly version: number;
  readonly recordedAt: string;
  /** Editorial time: the version's publishedAt; a retraction is published when it is recorded. */
  readonly publishedAt: string;
  readonly editor?: string;
  /** An amendment's reason, or a retraction's public note. */
  readonly reason?: string;
  /** The fields an amendment changed, in the event's order. */
  readonly changedFields: readonly string[];
  /** The fact as the change left it; for a retraction, the version it retracted. */
  readonly fact: DiplomaticEventEntry;
}

/** One story revision (its creation, an update or a correction), as a feed shows it. */
export interface RevisionFeedChange {
  readonly kind: 'revision';
  readonly position: number;
  readonly revision: StoryRevisionEntry;
}

export type FeedChange = FactFeedChange | RevisionFeedChange;

/** A page of changes, newest first, and the position the next page starts before, when there is one. */
export interface FeedPage {
  readonly changes: readonly FeedChange[];
  readonly nextBefore?: number;
}

const CHANGE_KINDS: Readonly<Record<string, FactChangeKind>> = {
  DiplomaticEventRecorded: 'recorded',
  DiplomaticEventAmended: 'amended',
  DiplomaticEventRetracted: 'retracted',
};

/**
 * The Atom and JSON feeds' changes (docs/feeds.md): every change to the timeline, or to one
 * story and its facts, newest first, one item per change. Which facts changed, and why, comes
 * from the event history; what a fact said then, from the timeline's versions; story changes
 * from the story revisions. Every read is bounded by the position `at`, which all three read
 * models have reached (ReadModelPositions gives the smallest), so no change is half there.
 */
@Injectable()
export class FeedQueries {
  readonly readModels: readonly string[];

  constructor(
    private readonly history: EventHistoryQueries,
    private readonly events: TimelineEntriesQueries,
    private readonly revisions: StoryRevisionsQueries,
  ) {
    this.readModels = [...history.readModels, ...events.readModels, ...revisions.readModels];
  }

  /** The newest `limit` changes written by `at` and before `before`, to anything (no `storyId`) or to one story and its facts. */
  async changes(q: { at: number; before?: number; limit: number; storyId?: string }): Promise<FeedPage> {
    const page = { at: q.at, ...(q.before !== undefined ? { before: q.before } : {}), limit: q.limit + 1 };
    const [factChanges, revisions] = await Promise.all([
      q.storyId ? this.storyFactChanges(q.storyId, page) : this.history.newest(page),
      this.revisions.newest({ ...page, ...(q.storyId ? { storyId: q.storyId } : {}) }),
    ]);
    const merged = [
      ...factChanges.map((h) => ({ position: h.position, fact: h })),
      ...revisions.map((r) => ({ position: r.position, revision: r.entry })),
    ].sort((a, b) => b.position - a.position);
    const shown = merged.slice(0, q.limit);
    const facts = await this.factVersions(shown.flatMap((c) => ('fact' in c ? [c.fact] : [])));
    const changes = shown.flatMap((c): FeedChange[] => {
      if ('revision' in c) return [{ kind: 'revision', position: c.position, revision: c.revision }];
      const change = factChange(c.fact, facts);
      return change ? [change] : [];
    });
    return { changes, ...(merged.length > q.limit ? { nextBefore: shown[shown.length - 1].position } : {}) };
  }

  /** The story's fact changes, with their history (type, reason, editor). */
  private async storyFactChanges(storyId: string, page: { at: number; before?: number; limit: number }): Promise<PositionedHistoryItem[]> {
    const keys = await this.events.storyFactChanges(storyId, page);
    const items = await this.history.versions(keys);
    return items.sort((a, b) => b.position - a.position);
  }

  /** The fact entry each change shows: the version it made, or the version a retraction retracted. */
  private async factVersions(items: readonly PositionedHistoryItem[]): Promise<Map<string, DiplomaticEventEntry>> {
    const versions = await this.events.versions(items.map((h) => ({ eventId: h.eventId, version: shownVersion(h) })));
    const facts = new Map<string, DiplomaticEventEntry>();
    for (const [key, entries] of versions) {
      const fact = entries.find((e): e is DiplomaticEventEntry => e.type === 'diplomatic-event');
      if (fact) facts.set(key, fact);
    }
    return facts;
  }
}

function shownVersion(h: PositionedHistoryItem): number {
  return h.type === 'DiplomaticEventRetracted' ? h.version - 1 : h.version;
}

/**
 * The feed's view of one change; undefined when the timeline has no entry of the version it
 * shows (a fact the timeline's projection quarantined: the feeds show what the timeline shows).
 */
function factChange(h: PositionedHistoryItem, facts: ReadonlyMap<string, DiplomaticEventEntry>): FactFeedChange | undefined {
  const fact = facts.get(versionKey(h.eventId, shownVersion(h)));
  const change = CHANGE_KINDS[h.type];
  if (!fact || !change) return undefined;
  // A v1 amendment's date fields (v1Dates) changed the date: readers know that field as `when`.
  const changed = Object.keys((h.changes ?? {}) as Record<string, unknown>).map((f) => (f === 'v1Dates' ? 'when' : f));
  return {
    kind: 'fact',
    change,
    position: h.position,
    eventId: h.eventId,
    version: h.version,
    recordedAt: h.recordedAt,
    publishedAt: change === 'retracted' ? h.recordedAt : fact.publishedAt,
    ...(h.editor ? { editor: h.editor } : {}),
    ...(h.reason ? { reason: h.reason } : {}),
    changedFields: [...new Set(changed)],
    fact,
  };
}
