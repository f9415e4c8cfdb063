import { Injectable } from '@nestjs/common';
import { addDays } from '@dateline/domain';
import { CACHE_KEYS } from '../pages/cache-keys';
import { EventHistoryQueries } from '../read-models/event-history/event-history.queries';
import { StoryRevisionsQueries } from '../read-models/story-revisions/story-revisions.queries';
import { TimelineEntriesQueries } from '../read-models/timeline-entries/timeline-entries.queries';

/** Which cached answers the read models' changes between two positions touch: what the purge webhook names. */
@Injectable()
export class CacheKeysQueries {
  readonly readModels: readonly string[];

  constructor(
    private readonly events: TimelineEntriesQueries,
    private readonly revisions: StoryRevisionsQueries,
    history: EventHistoryQueries,
  ) {
    this.readModels = [...events.readModels, ...revisions.readModels, ...history.readModels];
  }

  /**
   * The keys of the answers that changed after position `after`, up to `upTo`: the days whose
   * entries were written, closed or reordered (the old day of an amended fact too), their
   * stories and events; a revision's story and the days it can sit on in a reader's zone (its
   * UTC day and the days either side); `timeline` whenever anything did. Sorted, each once.
   */
  async changedBetween(after: number, upTo: number): Promise<string[]>;
  /**
   * The same, or undefined when more than `limit` rows of a read model changed: then nearly
   * everything did, and the answer would cost more than it saves.
   */
  async changedBetween(after: number, upTo: number, limit: number): Promise<string[] | undefined>;
  async changedBetween(after: number, upTo: number, limit?: number): Promise<string[] | undefined> {
    const [events, revisions] =
      limit === undefined
        ? await Promise.all([this.events.changedBetween(after, upTo), this.revisions.changedBetween(after, upTo)])
        : await Promise.all([this.events.changedBetween(after, upTo, limit), this.revisions.changedBetween(after, upTo, limit)]);
    if (!events || !revisions) return undefined;
    const keys = new Set<string>();
    for (const day of events.days) keys.add(CACHE_KEYS.day(day));
    for (const id of events.storyIds) keys.add(CACHE_KEYS.story(id));
    for (const id of events.eventIds) keys.add(CACHE_KEYS.event(id));
    for (const r of revisions) {
      keys.add(CACHE_KEYS.story(r.storyId));
      const day = r.publishedAt.slice(0, 10);
      for (const d of [addDays(day, -1), day, addDays(day, 1)]) keys.add(CACHE_KEYS.day(d));
    }
    if (keys.size > 0) keys.add(CACHE_KEYS.timeline);
    return [...keys].sort();
  }
}
