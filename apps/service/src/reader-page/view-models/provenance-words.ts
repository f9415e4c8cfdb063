import { FactProvenance } from '@dateline/domain';
import { messagesFor } from '../messages/catalogue';
import type { Messages } from '../messages/messages';

/** The editorial time (an instant) of a story revision, when the page knows it: `<story id>/<revision>` → publishedAt. */
export type RevisionTimes = ReadonlyMap<string, string>;

export const revisionTimeKey = (storyId: string, revision: number): string => `${storyId.toLowerCase()}/${revision}`;

/**
 * Where a fact accepted from a fact candidate came from, for readers: "From the story of 16 May
 * 2025, paragraph 4" (the day the revision was published, editorial time, UTC), or "From revision
 * 3 of the story, paragraph 4" where the page does not know that day (a live update).
 */
export function provenanceWords(p: FactProvenance | undefined, times: RevisionTimes, m: Messages = messagesFor()): string | undefined {
  if (!p) return undefined;
  const publishedAt = times.get(revisionTimeKey(p.storyId, p.revision));
  const story = publishedAt ? m.entry.storyOfDay(m.dates.calendarDate(publishedAt.slice(0, 10))) : m.entry.revisionOfStory(p.revision);
  return m.entry.provenance(story, p.paragraph);
}

/** The story revision a provenance points at, on the reader page. */
export const provenanceHref = (p: FactProvenance): string => `/stories/${p.storyId}#revision-${p.revision}`;
