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
  const out: T[] = [];
  const visit = (i: number): void => {
    if (state[i] !== 'new') return;
    state[i] = 'visiting';
    [...before[i]].sort(byKey).forEach(visit);
    state[i] = 'done';
    out.push(entries[i]);
  };
  entries
    .map((_, i) => i)
    .sort(byKey)
    .forEach(visit);
  return out;
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
