/**
 * Where an entry sits in reading order: its heading's sort key (a story revision's is
 * `<day>|9|`, after every heading of its day), then its order key under that heading
 * (timelineOrderKeys). Unique among the entries of one read: a page's cursor points after one.
 */
export interface PageKey {
  readonly sortKey: string;
  readonly orderKey: string;
}

/** A timeline entry as stored: its place, its day, its JSON as the API answers it, and its stories. */
export interface StoredEntry {
  readonly key: PageKey;
  /** The day whose page shows it. */
  readonly date: string;
  /** The entry's JSON text: sent as it is. */
  readonly json: string;
  /** The stories it belongs to, lowercased (an answer's Surrogate-Key names them). */
  readonly storyIds: readonly string[];
}

/**
 * Which part of a list a read answers: the rows valid at log position `at` (so that pages read
 * while writes go on never skip or repeat an entry), after `after`, at most `limit` and one
 * more, which says whether there is a next page. `perDay`: the limit holds for each day.
 */
export interface PageWindow {
  readonly at: number;
  readonly after?: PageKey;
  /** Undefined: every entry. */
  readonly limit?: number;
  readonly perDay?: boolean;
}

/** A window with no pin, cursor or limit: the whole list as it is now. */
export const WHOLE_LIST: PageWindow = { at: Number.MAX_SAFE_INTEGER };

/** Reading order of two page keys, compared as JavaScript compares strings (and as SQL does under the C collation). */
export function comparePageKeys(a: PageKey, b: PageKey): number {
  if (a.sortKey !== b.sortKey) return a.sortKey < b.sortKey ? -1 : 1;
  return a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0;
}

/** The revision heading's sort key on a day: after every heading of facts (headingSortKey). */
export const revisionSortKey = (day: string): string => `${day}|9|`;

/** Whether a key is a story revision's (see revisionSortKey). */
export const isRevisionKey = (key: PageKey): boolean => key.sortKey.endsWith('|9|');

/** Entries in reading order, at most `limit` per window (per day with perDay) plus one that says there is more. */
export function cutWindow(entries: readonly StoredEntry[], w: PageWindow): StoredEntry[] {
  const after = w.after;
  const sorted = [...entries].filter((e) => !after || comparePageKeys(e.key, after) > 0).sort((a, b) => comparePageKeys(a.key, b.key));
  if (w.limit === undefined) return sorted;
  if (!w.perDay) return sorted.slice(0, w.limit + 1);
  const counts = new Map<string, number>();
  return sorted.filter((e) => {
    const n = (counts.get(e.date) ?? 0) + 1;
    counts.set(e.date, n);
    return n <= w.limit! + 1;
  });
}
