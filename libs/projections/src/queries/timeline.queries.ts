import { Injectable } from '@nestjs/common';
import { EARLIEST_DATE, LATEST_DATE, TimelineEntry } from '@dateline/domain';
import { comparePageKeys, cutWindow, PageKey, PageWindow, StoredEntry, WHOLE_LIST } from '../pages/page-window';
import { StoryRevisionsQueries } from '../read-models/story-revisions/story-revisions.queries';
import { TimelineEntriesQueries, TimelineQuery } from '../read-models/timeline-entries/timeline-entries.queries';

/** A page of the timeline: its entries in reading order, and where the next page starts when there is one. */
export interface TimelinePage {
  readonly entries: readonly StoredEntry[];
  /** The last entry's key, when more entries follow: the next page starts after it. */
  readonly next?: PageKey;
  /** With `perDay`: for each day with more entries than the limit, where its next page starts. */
  readonly nextByDay: ReadonlyMap<string, PageKey>;
}

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
   * order (orderTimeline), as stored: a page of them, as the read models were at the window's
   * position, so that pages read while writes go on never skip or repeat an entry.
   */
  async page(from: string, to: string, q: TimelineQuery = {}, w: PageWindow = WHOLE_LIST): Promise<TimelinePage> {
    const [events, revisions] = await Promise.all([
      this.events.entries(from, to, q, w),
      // Story revisions have no participants or kind: a filter on either leaves only events.
      q.participant || q.kind ? [] : this.revisions.entries(from, to, q, w),
    ]);
    // Each list is in reading order with at most one more than the window: merged, cut again.
    const merged = cutWindow([...events, ...revisions], w);
    if (w.limit === undefined) return { entries: merged, nextByDay: new Map() };
    if (!w.perDay) {
      const entries = merged.slice(0, w.limit);
      return { entries, ...(merged.length > w.limit ? { next: entries[entries.length - 1].key } : {}), nextByDay: new Map() };
    }
    const byDay = new Map<string, StoredEntry[]>();
    for (const e of merged) {
      const list = byDay.get(e.date);
      if (list) list.push(e);
      else byDay.set(e.date, [e]);
    }
    const nextByDay = new Map<string, PageKey>();
    const entries: StoredEntry[] = [];
    for (const [day, list] of byDay) {
      entries.push(...list.slice(0, w.limit));
      if (list.length > w.limit) nextByDay.set(day, list[w.limit - 1].key);
    }
    return { entries: entries.sort((a, b) => comparePageKeys(a.key, b.key)), nextByDay };
  }

  /**
   * A story's timeline: every entry of the story, on every day, in the timeline's reading order
   * (oldest day first; within a day as the global timeline orders it, the story's revisions after
   * its facts), a page of them as `page` reads it.
   */
  storyPage(storyId: string, w: PageWindow): Promise<TimelinePage> {
    return this.page(EARLIEST_DATE, LATEST_DATE, { storyId }, w);
  }

  /** The whole timeline of `from` to `to` as entries (the reader page, the exports): page's entries, parsed. */
  async timeline(from: string, to: string, q: TimelineQuery = {}): Promise<TimelineEntry[]> {
    return (await this.page(from, to, q)).entries.map((e) => JSON.parse(e.json) as TimelineEntry);
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
