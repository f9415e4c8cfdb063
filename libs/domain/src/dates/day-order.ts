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
 * timed one follow the timed ones, as in v1. A topological order (Kahn's algorithm, always
 * taking the first ready entry by that key), so it is stable; relations to entries not in the
 * list and same-day relations order nothing, and a cycle (which the write side refuses) falls
 * back to the key.
 */
export function orderWithinDay<T extends OrderableEntry>(entries: readonly T[]): T[] {
  const index = new Map(entries.map((e, i) => [e.key, i]));
  const after = entries.map((): number[] => []);
  const waitingFor = entries.map(() => 0);
  const edge = (from: number | undefined, to: number | undefined): void => {
    if (from === undefined || to === undefined || from === to || after[from].includes(to)) return;
    after[from].push(to);
    waitingFor[to]++;
  };
  entries.forEach((e, i) => {
    for (const r of e.relations) {
      if (r.relation === 'before') edge(i, index.get(r.fact));
      else if (r.relation === 'after') edge(index.get(r.fact), i);
    }
  });
  const time = sortTimes(entries, after);
  // Timed (or sorting as timed) first, by instant; then the rest; the recording order breaks every tie.
  const key = (i: number): [number, number, number] => (time[i] === undefined ? [1, 0, i] : [0, time[i], i]);
  const less = (a: number, b: number): boolean => {
    const [x, y] = [key(a), key(b)];
    return x[0] !== y[0] ? x[0] < y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];
  };
  const done = entries.map(() => false);
  const out: T[] = [];
  while (out.length < entries.length) {
    let pick = -1;
    for (let i = 0; i < entries.length; i++) if (!done[i] && waitingFor[i] === 0 && (pick < 0 || less(i, pick))) pick = i;
    // Only a cycle leaves no entry ready: take the first by key and go on.
    if (pick < 0) for (let i = 0; i < entries.length; i++) if (!done[i] && (pick < 0 || less(i, pick))) pick = i;
    done[pick] = true;
    out.push(entries[pick]);
    for (const j of after[pick]) waitingFor[j]--;
  }
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
