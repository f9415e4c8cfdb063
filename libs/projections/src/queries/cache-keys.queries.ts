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
  async changedBetween(after: number, upTo: number): Promise<string[]> {
    const changes = await this.changesBetween(after, upTo);
    return [...changes!.keys()].sort();
  }

  /**
   * The same keys, each with the earliest recorded instant (ms) of the changes that touched it,
   * Infinity where only the stored order of a heading changed: an `asOf` view of an instant
   * before that is untouched by them (the read cache keeps it, ADR 0006). With `limit`,
   * undefined when more than that many rows of a read model changed: then nearly everything
   * did, and the answer would cost more than it saves.
   */
  async changesBetween(after: number, upTo: number, limit?: number): Promise<ReadonlyMap<string, number> | undefined> {
    const [events, revisions] = await Promise.all([
      this.events.changesBetween(after, upTo, limit),
      this.revisions.changesBetween(after, upTo, limit),
    ]);
    if (!events || !revisions) return undefined;
    const keys = new Map<string, number>();
    const touch = (key: string, at = Infinity) => keys.set(key, Math.min(keys.get(key) ?? Infinity, at));
    for (const e of events) {
      for (const key of [CACHE_KEYS.day(e.day), CACHE_KEYS.event(e.eventId), ...e.storyIds.map(CACHE_KEYS.story)]) touch(key, e.changedAt);
    }
    for (const r of revisions) {
      touch(CACHE_KEYS.story(r.storyId), r.recordedAt);
      const day = r.publishedAt.slice(0, 10);
      for (const d of [addDays(day, -1), day, addDays(day, 1)]) touch(CACHE_KEYS.day(d), r.recordedAt);
    }
    if (keys.size > 0) touch(CACHE_KEYS.timeline, Math.min(...keys.values()));
    return keys;
  }
}
