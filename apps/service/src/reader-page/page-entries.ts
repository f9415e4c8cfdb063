import { DiplomaticEventEntry, TimelineEntry } from '@dateline/domain';
import { StoredEntry, StoryRevisionsQueries, TimelineEntriesQueries } from '@dateline/projections';

/**
 * Each entry's place on a page, by the key the page's view finds it by: a fact's id, an about
 * date's key, `<story>#<revision>`. Takes the entries parsed: the page has parsed them already,
 * and parsing each again per day cost the reader page as much as the first parse.
 */
export function entryOrder(entries: readonly TimelineEntry[]): Map<string, number> {
  return new Map(entries.map((e, i) => [e.type === 'story-revision' ? `${e.id}#${e.revision}` : e.id, i]));
}

/** The parsed entries filed on `day`, in the page's order: `parsed` holds `stored`'s entries parsed, index for index. */
export function parsedOnDay(stored: readonly StoredEntry[], parsed: readonly TimelineEntry[], day: string): TimelineEntry[] {
  return parsed.filter((_, i) => stored[i].date === day);
}

/**
 * The facts behind the dates-they-are-about listed on a page, when the fact itself is not on it
 * (the ceasefire proposal of 16 May names 12 May): a page words a named date from its fact, and
 * places the fact itself only where the page shows it.
 */
export async function factsNamedOnly(queries: TimelineEntriesQueries, entries: readonly TimelineEntry[]): Promise<DiplomaticEventEntry[]> {
  const present = new Set(entries.filter((e) => e.type === 'diplomatic-event').map((e) => e.id));
  const keys = new Map<string, { eventId: string; version: number }>();
  for (const e of entries)
    if (e.type === 'about-date' && !present.has(e.fact)) keys.set(`${e.fact}/${e.version}`, { eventId: e.fact, version: e.version });
  const versions = await queries.versions([...keys.values()]);
  return [...versions.values()].map(([fact]) => fact).filter((e): e is DiplomaticEventEntry => e?.type === 'diplomatic-event');
}

/** The stories the entries belong to: what their links name. */
export function storyIdsOf(entries: readonly TimelineEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => (e.type === 'story-revision' ? [e.id] : e.type === 'diplomatic-event' ? e.storyIds : [])))];
}

/**
 * What a page of stored entries shows besides them: the facts behind its named dates
 * (factsNamedOnly) and the headlines of the stories its entries link to. The story timeline
 * page and the embed both need it.
 */
export async function pageContext(
  entries: TimelineEntriesQueries,
  revisions: StoryRevisionsQueries,
  page: readonly StoredEntry[],
): Promise<{ namedOnly: DiplomaticEventEntry[]; storyNames: Map<string, { slug: string; headline: string }> }> {
  const listed = page.map((e) => JSON.parse(e.json) as TimelineEntry);
  const [namedOnly, storyNames] = await Promise.all([factsNamedOnly(entries, listed), revisions.headlines(storyIdsOf(listed))]);
  return { namedOnly, storyNames };
}
