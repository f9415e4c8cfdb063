import { DateKnowledgeV2 } from '../dates/date-knowledge-v2';
import { orderWithinDay } from '../dates/day-order';
import { factKnowledge } from '../dates/fact-knowledge';
import { FactRelation } from '../dates/fact-relations';
import { DiplomaticEventEntry, TimelineEntry } from './timeline-entry';

/** Story revisions come after every heading of their day: the day's news first (issue 16). */
const REVISIONS_RANK = 9;

/** The key that puts an entry's heading in order across days: a revision's sorts after its day's facts. */
export function headingSortKey(e: TimelineEntry): string {
  return e.type === 'story-revision' ? `${e.date}|${REVISIONS_RANK}|` : e.sortKey;
}

/**
 * Timeline entries in reading order (docs/dates.md section 2): by day and heading; under a
 * heading, facts by local time when known, then as their relations say, then in recording
 * order; story revisions last on their day, by publication. An about entry sorts by its own
 * time when it has one and follows no relations: they are its fact's. `knowledge` reads a
 * fact's date knowledge (factKnowledge; a spec may hand it v2 knowledge directly).
 */
export function orderTimeline<T extends TimelineEntry>(
  entries: readonly T[],
  knowledge: (e: DiplomaticEventEntry) => DateKnowledgeV2 = factKnowledge,
): T[] {
  const groups = new Map<string, T[]>();
  for (const e of entries) {
    const key = headingSortKey(e);
    const group = groups.get(key) ?? [];
    group.push(e);
    groups.set(key, group);
  }
  return [...groups.keys()].sort(byString).flatMap((key) => orderGroup(groups.get(key)!, knowledge));
}

function orderGroup<T extends TimelineEntry>(group: readonly T[], knowledge: (e: DiplomaticEventEntry) => DateKnowledgeV2): T[] {
  const byRecording = [...group].sort((a, b) => byString(recordingKey(a), recordingKey(b)));
  // Relations name fact ids, so a fact's key is its id; a revision's adds its number.
  const items = byRecording.map((e) => ({ key: e.type === 'story-revision' ? `${e.id}#${e.revision}` : e.id, e, ...timing(e, knowledge) }));
  return orderWithinDay(items).map((x) => x.e);
}

function timing(
  e: TimelineEntry,
  knowledge: (e: DiplomaticEventEntry) => DateKnowledgeV2,
): { at?: string; relations: readonly FactRelation[] } {
  if (e.type === 'story-revision') return { relations: [] };
  if (e.type === 'about-date') return { ...(e.at ? { at: e.at } : {}), relations: [] };
  const k = knowledge(e);
  return { ...(k.when.precision === 'day' && k.when.at ? { at: k.when.at } : {}), relations: k.relations };
}

/** Recording order: when a fact was first recorded, a revision when it was published; the id breaks ties. */
function recordingKey(e: TimelineEntry): string {
  return e.type === 'story-revision' ? `${e.publishedAt}|${e.id}|${String(e.revision).padStart(10, '0')}` : `${e.firstRecordedAt}|${e.id}`;
}

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A string that orders entries by day and heading, then by recording order (a revision's by
 * publication): for a client that inserts live entries into a page already in reading order.
 * It knows no times or relations, which need the whole heading: orderTimeline does.
 */
export function entrySortKey(e: TimelineEntry): string {
  return `${headingSortKey(e)}|${recordingKey(e)}`;
}
