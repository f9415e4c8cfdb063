import { StoryRevisionEntry } from '@dateline/domain';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';

/**
 * One line of a day's "story updates" strip: a story and its latest change that day. Revisions
 * are news about the coverage, not news: they follow the day's facts in one line per story, and
 * the story's page keeps the full list (docs/adr/0005-reader-page.md, "The reader sees news first").
 */
export interface StoryUpdateView {
  /** Stable per story and day, so a live revision replaces its story's line. */
  readonly domId: string;
  readonly date: string;
  readonly storyId: string;
  readonly headline: string;
  readonly href: string;
  readonly kind: StoryRevisionEntry['kind'];
  readonly kindLabel: string;
  readonly revision: number;
  /** When the newsroom published the revision (editorial time): the line's time and its order. */
  readonly publishedAt: string;
  /** "14:50 UTC". */
  readonly timeLabel: string;
  readonly changeNote?: string;
  /** How many revisions of the story this day has; the line shows the latest. */
  readonly count: number;
}

export function storyUpdateDomId(storyId: string, date: string): string {
  return `updates-${storyId}-${date}`;
}

/** One line per story, in the order of their latest change; `revisions` are one day's. */
export function storyUpdates(revisions: readonly StoryRevisionEntry[], m: Messages = messagesFor()): StoryUpdateView[] {
  const byStory = new Map<string, StoryRevisionEntry[]>();
  for (const r of revisions) byStory.set(r.id, [...(byStory.get(r.id) ?? []), r]);
  return [...byStory.values()]
    .map((rs) => {
      const latest = rs.reduce((a, b) => (b.revision > a.revision ? b : a));
      return storyUpdateView(latest, rs.length, m);
    })
    .sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : a.publishedAt > b.publishedAt ? 1 : 0));
}

export function storyUpdateView(r: StoryRevisionEntry, count = 1, m: Messages = messagesFor()): StoryUpdateView {
  return {
    domId: storyUpdateDomId(r.id, r.date),
    date: r.date,
    storyId: r.id,
    headline: r.headline,
    href: `/stories/${r.id}#revision-${r.revision}`,
    kind: r.kind,
    kindLabel: m.updates.kinds[r.kind],
    revision: r.revision,
    publishedAt: r.publishedAt,
    timeLabel: m.dates.timeUtc(r.publishedAt),
    ...(r.changeNote ? { changeNote: r.changeNote } : {}),
    count,
  };
}
