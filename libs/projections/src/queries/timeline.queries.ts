import { Injectable } from '@nestjs/common';
import { orderTimeline, TimelineEntry } from '@dateline/domain';
import { StoryRevisionsQueries } from '../read-models/story-revisions/story-revisions.queries';
import { TimelineEntriesQueries, TimelineQuery } from '../read-models/timeline-entries/timeline-entries.queries';

/** The timeline as readers see it: diplomatic events, the dates they are about, and story revisions together. */
@Injectable()
export class TimelineQueries {
  readonly readModels: readonly string[];

  constructor(
    private readonly events: TimelineEntriesQueries,
    private readonly revisions: StoryRevisionsQueries,
  ) {
    this.readModels = [...events.readModels, ...revisions.readModels];
  }

  /**
   * Entries filed on `from` to `to` (or, with `match: 'can-fall-in'`, every fact that can fall
   * in it), both included, as known now, at `asOf` or as published at `asPublished`, in reading
   * order (orderTimeline).
   */
  async timeline(from: string, to: string, q: TimelineQuery = {}): Promise<TimelineEntry[]> {
    const [events, revisions] = await Promise.all([
      this.events.entries(from, to, q),
      // Story revisions have no participants or kind: a filter on either leaves only events.
      q.participant || q.kind ? [] : this.revisions.entries(from, to, q),
    ]);
    return orderTimeline<TimelineEntry>([...events, ...revisions]);
  }

  /**
   * The newest `limit` dates that have entries, newest first, between `from` and `to` when
   * given, as known now, at `asOf` or as published at `asPublished`: what a reader's page of
   * "days with news" shows.
   */
  async datesWithEntries(q: TimelineQuery & { from?: string; to?: string; limit: number }): Promise<string[]> {
    const [events, revisions] = await Promise.all([this.events.dates(q), this.revisions.dates(q)]);
    return [...new Set([...events, ...revisions])].sort().reverse().slice(0, q.limit);
  }
}
