import { Injectable } from '@nestjs/common';
import { compareEntries, TimelineEntry } from '@dateline/domain';
import { StoryRevisionsQueries } from '../read-models/story-revisions/story-revisions.queries';
import { TimelineEntriesQueries, TimelineQuery } from '../read-models/timeline-entries/timeline-entries.queries';

/** The timeline as readers see it: diplomatic events (timeline entries) and story revisions together. */
@Injectable()
export class TimelineQueries {
  readonly readModels: readonly string[];

  constructor(
    private readonly events: TimelineEntriesQueries,
    private readonly revisions: StoryRevisionsQueries,
  ) {
    this.readModels = [...events.readModels, ...revisions.readModels];
  }

  /** Entries dated `from` to `to`, both included, as known now or at `asOf`. */
  async timeline(from: string, to: string, q: TimelineQuery = {}): Promise<TimelineEntry[]> {
    const [events, revisions] = await Promise.all([
      this.events.entries(from, to, q),
      // Story revisions have no participants or kind: a filter on either leaves only events.
      q.participant || q.kind ? [] : this.revisions.entries(from, to, q),
    ]);
    return [...events, ...revisions].sort((a, b) => (a.date === b.date ? compareEntries(a, b) : a.date < b.date ? -1 : 1));
  }

  /**
   * The newest `limit` dates that have entries, newest first, between `from` and `to` when
   * given, as known now or at `asOf`: what a reader's page of "days with news" shows.
   */
  async datesWithEntries(q: TimelineQuery & { from?: string; to?: string; limit: number }): Promise<string[]> {
    const [events, revisions] = await Promise.all([this.events.dates(q), this.revisions.dates(q)]);
    return [...new Set([...events, ...revisions])].sort().reverse().slice(0, q.limit);
  }
}
