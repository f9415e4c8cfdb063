import { Injectable } from '@nestjs/common';
import { TimelineEntry } from '@dateline/domain';
import { EventHistoryQueries } from '../read-models/event-history/event-history.queries';
import { StoryRevisionsQueries } from '../read-models/story-revisions/story-revisions.queries';
import { TimelineEntriesQueries, versionKey } from '../read-models/timeline-entries/timeline-entries.queries';

export type TimelineChange =
  | { readonly change: 'entry'; readonly position: number; readonly entry: TimelineEntry }
  | { readonly change: 'retracted'; readonly position: number; readonly id: string; readonly version: number };

/** What the live feed (GET /timeline/stream) sends: every change to the timeline, in log order. */
@Injectable()
export class TimelineChangesQueries {
  readonly readModels: readonly string[];

  constructor(
    private readonly history: EventHistoryQueries,
    private readonly events: TimelineEntriesQueries,
    private readonly revisions: StoryRevisionsQueries,
  ) {
    this.readModels = [...history.readModels, ...events.readModels, ...revisions.readModels];
  }

  /**
   * The timeline changes applied after position `after`, up to `upTo`, in log order, at most
   * `limit` of them (more when the last position made several entries): each new or amended
   * entry in the version it got then (a fact and the dates it is about), and each retraction.
   * The event history says which diplomatic events changed; a version with no timeline entry
   * is a retraction.
   */
  async changes(after: number, upTo: number, opts: { tz?: string; limit?: number } = {}): Promise<TimelineChange[]> {
    const limit = opts.limit ?? 500;
    const [versions, revisions] = await Promise.all([
      this.history.changes(after, upTo, limit),
      this.revisions.changes(after, upTo, limit, opts.tz ?? 'UTC'),
    ]);
    const entries = await this.events.versions(versions);
    const changes: TimelineChange[] = [
      ...versions.flatMap((v): TimelineChange[] => {
        const made = entries.get(versionKey(v.eventId, v.version));
        return made
          ? made.map((entry): TimelineChange => ({ change: 'entry', position: v.position, entry }))
          : [{ change: 'retracted', position: v.position, id: v.eventId, version: v.version }];
      }),
      ...revisions.map((r): TimelineChange => ({ change: 'entry', position: r.position, entry: r.entry })),
    ];
    const sorted = changes.sort((a, b) => a.position - b.position);
    // A version's entries (the fact and its about dates) share a position: never cut between them,
    // or a feed resuming after that position would miss the rest.
    const cut = sorted.findIndex((c, i) => i >= limit && c.position !== sorted[limit - 1].position);
    return cut === -1 ? sorted : sorted.slice(0, cut);
  }
}
