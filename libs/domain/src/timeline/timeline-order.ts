import { DateKnowledgeV2 } from '../dates/date-knowledge-v2';
import { KeyedOrderable, orderKeysWithinDay, orderWithinDay } from '../dates/day-order';
import { factKnowledge } from '../dates/fact-knowledge';
import { FactRelation } from '../dates/fact-relations';
import { DiplomaticEventEntry, StoryRevisionEntry, TimelineEntry } from './timeline-entry';

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
  const items = byRecording.map((e) => ({ e, ...orderInputs(e, knowledge) }));
  return orderWithinDay(items).map((x) => x.e);
}

/** What orders an entry under its heading: relations name fact ids, so a fact's key is its id; a revision's adds its number. */
export function orderInputs(e: TimelineEntry, knowledge: (e: DiplomaticEventEntry) => DateKnowledgeV2 = factKnowledge): KeyedOrderable {
  return { key: e.type === 'story-revision' ? `${e.id}#${e.revision}` : e.id, recording: recordingKey(e), ...timing(e, knowledge) };
}

/**
 * Each entry's order key under its heading: sorting entries by (headingSortKey, key) gives
 * orderTimeline's order. A story revision's is its recording key, as revisions follow no times
 * or relations; a fact's or about date's comes from orderKeysWithinDay over its heading's
 * entries (docs/adr/0015-entries-ready-to-send.md). The read model stores these keys.
 */
export function timelineOrderKeys<T extends TimelineEntry>(
  entries: readonly T[],
  knowledge: (e: DiplomaticEventEntry) => DateKnowledgeV2 = factKnowledge,
): Map<T, string> {
  const groups = new Map<string, T[]>();
  for (const e of entries) {
    const key = headingSortKey(e);
    const group = groups.get(key) ?? [];
    group.push(e);
    groups.set(key, group);
  }
  const out = new Map<T, string>();
  for (const group of groups.values()) {
    const inputs = group.map((e) => orderInputs(e, knowledge));
    const keys = orderKeysWithinDay(inputs);
    group.forEach((e, i) => out.set(e, e.type === 'story-revision' ? revisionOrderKey(e) : keys[i]));
  }
  return out;
}

/** A story revision's order key under its day: its publication, then its story and number (recording order). */
export function revisionOrderKey(e: Pick<StoryRevisionEntry, 'publishedAt' | 'id' | 'revision'>): string {
  return `${e.publishedAt}|${e.id}|${String(e.revision).padStart(10, '0')}`;
}

function timing(
  e: TimelineEntry,
  knowledge: (e: DiplomaticEventEntry) => DateKnowledgeV2,
): { at?: string; relations: readonly FactRelation[] } {
  if (e.type === 'story-revision') return { relations: [] };
  // No leading `...(cond ? { at } : {})`: on Node 20 an object that starts with a spread cost
  // ~0.5 µs more to build, for every entry ordered.
  if (e.type === 'about-date') return e.at ? { at: e.at, relations: [] } : { relations: [] };
  const k = knowledge(e);
  const at = k.when.precision === 'day' ? k.when.at : undefined;
  return at ? { at, relations: k.relations } : { relations: k.relations };
}

/** Recording order: when a fact was first recorded, a revision when it was published; the id breaks ties. */
function recordingKey(e: TimelineEntry): string {
  return e.type === 'story-revision' ? revisionOrderKey(e) : `${e.firstRecordedAt}|${e.id}`;
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
