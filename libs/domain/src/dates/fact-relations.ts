import { InvalidInput } from '../errors/domain-errors';
import { FactDate, possibleDays } from './fact-date';

/**
 * Order relative to another fact, as the text gives it: "earlier in the day" (before the
 * talks), "after the meeting started", "initially … later". Read as "this fact is <relation>
 * <fact>". `before` and `after` allow the same day: they order, they do not move a fact to
 * another day.
 */
export const FACT_RELATIONS = ['before', 'after', 'same-day'] as const;
export type FactRelationKind = (typeof FACT_RELATIONS)[number];

export interface FactRelation {
  readonly relation: FactRelationKind;
  /** The other fact's event id. */
  readonly fact: string;
}

/** A fact as the relation check sees it: its id, a name for messages, when it happened and its relations. */
export interface RelatedFact {
  readonly id: string;
  /** The fact's title, to name it in a problem. */
  readonly name?: string;
  readonly when?: FactDate;
  readonly relations: readonly FactRelation[];
}

/** Every problem of one fact's relations list on its own, named by its path, or []. */
export function relationsProblems(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [`${path} must be a list`];
  const seen = new Set<string>();
  return value.flatMap((item: unknown, i) => {
    const at = `${path}.${i}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return [`${at} must be an object with a relation and a fact`];
    const r = item as Record<string, unknown>;
    const out: string[] = [];
    for (const key of Object.keys(r)) if (key !== 'relation' && key !== 'fact') out.push(`${at}.${key} is not a field of a relation`);
    if (!(FACT_RELATIONS as readonly unknown[]).includes(r.relation))
      out.push(`${at}.relation must be one of ${FACT_RELATIONS.join(', ')}`);
    if (typeof r.fact !== 'string' || r.fact.trim() === '') out.push(`${at}.fact must be the id of another fact`);
    else if (seen.has(r.fact)) out.push(`${path} relates to ${r.fact} more than once`);
    else seen.add(r.fact);
    return out;
  });
}

/** At most this many contradictions are named in one answer: one wrong relation can contradict many facts at once. */
const MAX_CONTRADICTIONS = 10;

interface Edge {
  readonly from: string;
  readonly to: string;
  /** `before`/`after`; a same-day relation is an edge both ways that orders nothing. */
  readonly strict: boolean;
}

/**
 * What is wrong with the relations among a story's facts, or []: a relation to a fact not in
 * the list or to itself, a cycle (A before B and B before A, or longer), and an order the
 * dates contradict (A before B where A cannot be earlier than a day after B's last possible
 * day, or both times are known and A's is later). Transitive: A before B before C is checked
 * as A before C too. Each problem names the facts.
 */
export function storyRelationProblems(facts: readonly RelatedFact[]): string[] {
  const byId = new Map(facts.map((f) => [f.id, f]));
  const label = (id: string): string => {
    const name = byId.get(id)?.name;
    return name ? `"${name}" (${id})` : id;
  };
  const out: string[] = [];
  const edges: Edge[] = [];
  for (const f of facts) {
    for (const r of f.relations) {
      if (r.fact === f.id) out.push(`${label(f.id)} cannot be related to itself`);
      else if (!byId.has(r.fact)) out.push(`${label(f.id)} is related to ${r.fact}, which is not one of the story's facts`);
      else if (r.relation === 'before') edges.push({ from: f.id, to: r.fact, strict: true });
      else if (r.relation === 'after') edges.push({ from: r.fact, to: f.id, strict: true });
      else edges.push({ from: f.id, to: r.fact, strict: false }, { from: r.fact, to: f.id, strict: false });
    }
  }
  const next = new Map<string, Edge[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e]);
  const phrase = (path: readonly Edge[]): string =>
    path.map((e) => `${label(e.from)} ${e.strict ? 'before' : 'same day as'} ${label(e.to)}`).join(', ');

  // One message per knot: a before/after between two facts already named in a cycle adds nothing a reader can act on.
  const inCycle = new Set<string>();
  for (const e of edges.filter((x) => x.strict)) {
    if (inCycle.has(e.from) && inCycle.has(e.to)) continue;
    const back = pathBetween(e.to, e.from, next);
    if (!back) continue;
    const loop = [e, ...back];
    for (const step of loop) inCycle.add(step.from);
    out.push(`the relations form a cycle, so no order can hold them all: ${phrase(loop)}`);
  }
  if (inCycle.size > 0) return out;

  const contradictions: string[] = [];
  for (const a of facts) {
    for (const [b, paths] of reachable(a.id, next)) {
      const problem = orderProblem(byId.get(a.id)?.when, byId.get(b)?.when, paths);
      if (problem)
        contradictions.push(`${label(a.id)} comes before ${label(b)} (${phrase(problem.path)}), but ${problem.why(label(a.id), label(b))}`);
    }
  }
  out.push(...contradictions.slice(0, MAX_CONTRADICTIONS));
  if (contradictions.length > MAX_CONTRADICTIONS) out.push(`and ${contradictions.length - MAX_CONTRADICTIONS} more contradictions`);
  return out;
}

/** Throws InvalidInput (a 400) naming every problem of storyRelationProblems. */
export function checkStoryRelations(facts: readonly RelatedFact[]): void {
  const problems = storyRelationProblems(facts);
  if (problems.length > 0) throw new InvalidInput(problems);
}

/** The shortest path from one fact to another, and the shortest among those with a before/after on them. */
interface Paths {
  readonly any: Edge[];
  readonly strict?: Edge[];
}

/** Why `a` cannot come before `b` by their dates, with the path that says it does; undefined when it can. */
function orderProblem(
  a: FactDate | undefined,
  b: FactDate | undefined,
  paths: Paths,
): { path: Edge[]; why: (la: string, lb: string) => string } | undefined {
  if (!a || !b) return undefined;
  const earliestA = possibleDays(a).earliest;
  const latestB = possibleDays(b).latest;
  if (earliestA && latestB && earliestA > latestB)
    return { path: paths.any, why: (la, lb) => `${la} happened on ${earliestA} or later and ${lb} on ${latestB} or earlier` };
  // Only an order with a before/after in it says which time comes first; "same day as" alone does not.
  if (paths.strict && a.precision === 'day' && b.precision === 'day' && a.at && b.at && Date.parse(a.at) >= Date.parse(b.at))
    return { path: paths.strict, why: (la, lb) => `${la} is at ${a.at} and ${lb} at ${b.at}` };
  return undefined;
}

/** The edges of a shortest path from `from` to `to`, or undefined. */
function pathBetween(from: string, to: string, next: ReadonlyMap<string, readonly Edge[]>): Edge[] | undefined {
  return reachable(from, next).get(to)?.any;
}

/**
 * Every other fact reachable from `start` through at least one edge, with its paths. A
 * breadth-first walk over (fact, has the path a before/after yet) finds both shortest paths.
 */
function reachable(start: string, next: ReadonlyMap<string, readonly Edge[]>): Map<string, Paths> {
  const seen = new Map<string, Edge[]>();
  const queue: [string, boolean, Edge[]][] = [[start, false, []]];
  for (let i = 0; i < queue.length; i++) {
    const [node, strict, path] = queue[i];
    for (const e of next.get(node) ?? []) {
      const s = strict || e.strict;
      const key = `${s ? 1 : 0}${e.to}`;
      if (e.to === start || seen.has(key)) continue;
      const to = [...path, e];
      seen.set(key, to);
      queue.push([e.to, s, to]);
    }
  }
  const out = new Map<string, Paths>();
  for (const [key, path] of seen) {
    const id = key.slice(1);
    const strict = key[0] === '1';
    const had = out.get(id);
    const any = had && had.any.length <= path.length ? had.any : path;
    out.set(id, { any, ...(strict ? { strict: path } : had?.strict ? { strict: had.strict } : {}) });
  }
  return out;
}
