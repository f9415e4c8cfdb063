import { Instant } from '../values/instant';
import { FactRelation } from './fact-relations';

/** What ordering within a day needs of an entry: a key, its instant when known, and its relations to other facts. */
export interface OrderableEntry {
  /** Unique in the list; the id that relations name (a fact id). */
  readonly key: string;
  readonly at?: Instant;
  readonly relations: readonly FactRelation[];
}

/**
 * Orders the entries of one heading: by instant when known, then as the relations say, then in
 * the order given, which is the recording order (docs/dates.md). An entry without a time that
 * must come before a timed one sorts as if at that time: "earlier in the day, before the talks"
 * comes before the talks, not after every timed fact. Entries without a time and not before a
 * timed one follow the timed ones, as in v1.
 *
 * A topological order that moves as little as it can: entries are taken by that key, and each
 * brings the entries that must precede it just before itself, so an entry unrelated to the
 * others keeps its place. Relations to entries not in the list and same-day relations order
 * nothing; a cycle (which the write side refuses) is broken where the walk meets it.
 */
export function orderWithinDay<T extends OrderableEntry>(entries: readonly T[]): T[] {
  return walkWithinDay(entries).steps.map((s) => entries[s.index]);
}

/** What orders an entry within its heading, for a key: `recording` is its recording order as text (first recorded, then id). */
export interface KeyedOrderable extends OrderableEntry {
  readonly recording: string;
}

/**
 * Each entry's order key within its heading (same index as `entries`): sorting by these keys,
 * as strings, gives orderWithinDay's order. A key is `<root>␠<step>`: the entry whose visit
 * (in orderWithinDay's walk) put it out, by that entry's sort time and recording order, and its
 * place in that visit. So an entry's key depends only on the entries it is related to, directly
 * or through others: a fact recorded without relations, or related to nothing on its day,
 * changes no other entry's key. The read model stores the keys, and re-keys only the facts
 * related to one that changed (docs/adr/0015-entries-ready-to-send.md).
 */
export function orderKeysWithinDay(entries: readonly KeyedOrderable[]): string[] {
  const byRecording = entries.map((_, i) => i).sort((a, b) => byText(entries[a].recording, entries[b].recording));
  const sorted = byRecording.map((i) => entries[i]);
  const { steps, time } = walkWithinDay(sorted);
  const keys = new Array<string>(entries.length);
  const rootKeys = new Map<number, string>();
  for (const s of steps) {
    let root = rootKeys.get(s.root);
    if (root === undefined) {
      const t = time[s.root];
      // Timed (or sorting as timed) first, by instant, then the rest; recording order breaks ties, as in the walk.
      root = t === undefined ? `1|${sorted[s.root].recording}` : `0${encodeTime(t)}|${sorted[s.root].recording}`;
      rootKeys.set(s.root, root);
    }
    // A space sorts before every character a recording holds: a root whose recording is a prefix of another's comes first, as in the walk.
    keys[byRecording[s.index]] = `${root} ${String(s.step).padStart(6, '0')}`;
  }
  return keys;
}

/** An instant in ms as fixed-width digits that sort as the instants do (years 1000 to 9999 are negative and positive ms). */
function encodeTime(ms: number): string {
  return String(ms + 1e14).padStart(15, '0');
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Step {
  /** The entry put out. */
  readonly index: number;
  /** The entry whose visit put it out. */
  readonly root: number;
  /** Its place in that visit, from 0. */
  readonly step: number;
}

/**
 * The topological walk of orderWithinDay: entries taken by their sort key, each bringing the
 * entries that must precede it just before itself. Answers the entries in order, each with the
 * root whose visit put it out, and every entry's sort time.
 */
function walkWithinDay(entries: readonly OrderableEntry[]): { steps: Step[]; time: (number | undefined)[] } {
  const index = new Map(entries.map((e, i) => [e.key, i]));
  const before = entries.map((): number[] => []);
  const after = entries.map((): number[] => []);
  const edge = (from: number | undefined, to: number | undefined): void => {
    if (from === undefined || to === undefined || from === to || after[from].includes(to)) return;
    after[from].push(to);
    before[to].push(from);
  };
  entries.forEach((e, i) => {
    for (const r of e.relations) {
      if (r.relation === 'before') edge(i, index.get(r.fact));
      else if (r.relation === 'after') edge(index.get(r.fact), i);
    }
  });
  const time = sortTimes(entries, after);
  // Timed (or sorting as timed) first, by instant; then the rest; the recording order breaks every tie.
  const byKey = (a: number, b: number): number => {
    const [ta, tb] = [time[a], time[b]];
    if (ta !== undefined && tb !== undefined && ta !== tb) return ta - tb;
    if ((ta === undefined) !== (tb === undefined)) return ta === undefined ? 1 : -1;
    return a - b;
  };
  const state = entries.map((): 'new' | 'visiting' | 'done' => 'new');
  const steps: Step[] = [];
  let root = 0;
  let step = 0;
  const visit = (i: number): void => {
    if (state[i] !== 'new') return;
    state[i] = 'visiting';
    [...before[i]].sort(byKey).forEach(visit);
    state[i] = 'done';
    steps.push({ index: i, root, step: step++ });
  };
  entries
    .map((_, i) => i)
    .sort(byKey)
    .forEach((i) => {
      root = i;
      step = 0;
      visit(i);
    });
  return { steps, time };
}

/** Each entry's own instant in ms, or for one without, the earliest instant of the entries it must precede. */
function sortTimes(entries: readonly OrderableEntry[], after: readonly number[][]): (number | undefined)[] {
  const memo = new Map<number, number | undefined>();
  const visiting = new Set<number>();
  const of = (i: number): number | undefined => {
    if (memo.has(i)) return memo.get(i);
    const own = entries[i].at;
    if (own !== undefined) return Date.parse(own);
    if (visiting.has(i)) return undefined;
    visiting.add(i);
    const later = after[i].map(of).filter((t): t is number => t !== undefined);
    visiting.delete(i);
    const t = later.length > 0 ? Math.min(...later) : undefined;
    memo.set(i, t);
    return t;
  };
  return entries.map((_, i) => of(i));
}
