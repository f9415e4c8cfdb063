import type { FactDate } from '@dateline/domain';
import type { Candidate } from '@dateline/fact-finder';
import { GoldFact, GoldSet } from './gold-sets';
import { matchByEvidence } from './match';

/** Precision, recall and F1 of one figure, with the counts they come from. */
export interface Figure {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Of the pairs (or quotations) found: the share where this field is right. The goals are on this. */
  readonly accuracy: number;
  readonly correct: number;
  readonly proposed: number;
  readonly expected: number;
  readonly matched: number;
}

export const FIELDS = ['date', 'status', 'attribution', 'participants', 'about', 'relations', 'quoteSpeakers'] as const;
export type Field = (typeof FIELDS)[number];

/** One wrong field of a found fact, or a fact missed or proposed in excess: what docs/fact-finder.md explains. */
export interface Miss {
  readonly fact?: string;
  readonly candidate?: string;
  readonly field: 'fact' | Field;
  readonly expected?: unknown;
  readonly got?: unknown;
}

export interface ArticleScore {
  readonly article: string;
  readonly facts: Figure;
  readonly fields: Readonly<Record<Field, Figure>>;
  readonly misses: readonly Miss[];
}

/**
 * Scores the candidates of one article against its gold set. Facts: a candidate that matches a
 * gold fact by evidence (match.ts) is found. Fields, on the pairs found: the date (precision and
 * days; certainty and wording are the editor's), the status, the attribution levels (as a set:
 * who is named is not scored), the participants (as a set of names), the about dates, the
 * relations (as ordered pairs of facts, both found) and the quotations' speakers (each gold
 * quotation matched to a proposed one by its words). A field's precision counts it over all
 * candidates, its recall over all gold facts, its accuracy over the pairs found.
 */
export function scoreArticle(gold: GoldSet, candidates: readonly Candidate[]): ArticleScore {
  const spans = candidates.map((c) => ({ ...c, start: c.evidence.start, end: c.evidence.end }));
  const pairs = matchByEvidence(spans, gold.facts);
  const misses: Miss[] = [];
  const matchedGold = new Set(pairs.map(([, g]) => g.key));
  const matchedCand = new Set(pairs.map(([c]) => c.id));
  for (const g of gold.facts) if (!matchedGold.has(g.key)) misses.push({ fact: g.key, field: 'fact', expected: g.evidence.quote });
  for (const c of candidates) if (!matchedCand.has(c.id)) misses.push({ candidate: c.id, field: 'fact', got: c.evidence.text });

  const facts = figure(pairs.length, candidates.length, gold.facts.length, pairs.length);
  const field = (name: Field, right: (c: Candidate, g: GoldFact) => boolean, show: (c: Candidate, g: GoldFact) => [unknown, unknown]) => {
    let correct = 0;
    for (const [c, g] of pairs) {
      if (right(c, g)) correct++;
      else {
        const [expected, got] = show(c, g);
        misses.push({ fact: g.key, candidate: c.id, field: name, expected, got });
      }
    }
    return figure(correct, candidates.length, gold.facts.length, pairs.length);
  };
  const levels = (s: readonly { attribution: string }[]) => [...new Set(s.map((x) => x.attribution))].sort();
  const names = (ps: readonly { name: string }[] | readonly string[]) =>
    [...new Set(ps.map((p) => (typeof p === 'string' ? p : p.name).toLowerCase()))].sort();
  const abouts = (as: readonly { date: FactDate }[]) => as.map((a) => dateKey(a.date)).sort();

  const fields: Record<Field, Figure> = {
    date: field(
      'date',
      (c, g) => dateKey(c.proposed.when) === dateKey(g.when),
      (c, g) => [dateKey(g.when), dateKey(c.proposed.when)],
    ),
    status: field(
      'status',
      (c, g) => c.proposed.status === g.status,
      (c, g) => [g.status, c.proposed.status],
    ),
    attribution: field(
      'attribution',
      (c, g) => same(levels(c.proposed.sources), levels(g.sources)),
      (c, g) => [levels(g.sources), levels(c.proposed.sources)],
    ),
    participants: field(
      'participants',
      (c, g) => same(names(c.proposed.participants), names(g.participants)),
      (c, g) => [names(g.participants), names(c.proposed.participants)],
    ),
    about: field(
      'about',
      (c, g) => same(abouts(c.proposed.about), abouts(g.about)),
      (c, g) => [abouts(g.about), abouts(c.proposed.about)],
    ),
    relations: relationFigure(pairs, candidates, gold, misses),
    quoteSpeakers: quoteFigure(candidates, gold, misses),
  };
  return { article: gold.article, facts, fields, misses };
}

/** "day 2025-05-16", "bounded ..2025-05-16", "year 2022": what a date says, without certainty, wording or zone. */
export function dateKey(d: FactDate): string {
  switch (d.precision) {
    case 'day':
      return `day ${d.on}`;
    case 'month':
    case 'year':
      return `${d.precision} ${d.on}`;
    case 'period':
      return `period ${d.from}..${d.until}`;
    case 'bounded':
      return `bounded ${d.onOrAfter ?? ''}..${d.onOrBefore ?? ''}`;
  }
}

/**
 * Relations as ordered pairs between gold facts: (a, b) for "a before b" and "b after a" alike,
 * both orders for same-day. A candidate relation counts when both its ends are found facts.
 */
function relationFigure(pairs: readonly [Candidate, GoldFact][], candidates: readonly Candidate[], gold: GoldSet, misses: Miss[]): Figure {
  const goldOf = new Map(pairs.map(([c, g]) => [c.id, g.key]));
  const key = (from: string, relation: string, to: string): string[] =>
    relation === 'before' ? [`${from} < ${to}`] : relation === 'after' ? [`${to} < ${from}`] : [`${from} = ${to}`, `${to} = ${from}`];
  const expected = new Set(gold.facts.flatMap((g) => g.relations.flatMap((r) => key(g.key, r.relation, r.fact))));
  const proposed = new Set<string>();
  let unresolved = 0;
  for (const c of candidates)
    for (const r of c.proposed.relations) {
      const from = goldOf.get(c.id);
      const to = goldOf.get(r.fact);
      if (from && to) for (const k of key(from, r.relation, to)) proposed.add(k);
      else unresolved++;
    }
  const correct = [...proposed].filter((k) => expected.has(k)).length;
  for (const k of expected) if (!proposed.has(k)) misses.push({ field: 'relations', expected: k });
  for (const k of proposed) if (!expected.has(k)) misses.push({ field: 'relations', got: k });
  return figure(correct, proposed.size + unresolved, expected.size, proposed.size);
}

/** Each gold quotation to the proposed one with most words in common (at least half of them); right when the speaker is. */
function quoteFigure(candidates: readonly Candidate[], gold: GoldSet, misses: Miss[]): Figure {
  const proposed = candidates.flatMap((c) => c.proposed.quotes.map((q) => ({ ...q, candidate: c.id })));
  const expected = gold.facts.flatMap((g) => g.quotes.map((q) => ({ ...q, fact: g.key })));
  const used = new Set<number>();
  let correct = 0;
  let matched = 0;
  for (const q of expected) {
    let best = -1;
    let score = 0;
    proposed.forEach((p, i) => {
      if (used.has(i)) return;
      const s = wordOverlap(q.text, p.text);
      if (s > score) [best, score] = [i, s];
    });
    if (best < 0 || score < 0.5) {
      misses.push({ fact: q.fact, field: 'quoteSpeakers', expected: `${q.speaker}: ${q.text}`, got: 'quotation not proposed' });
      continue;
    }
    used.add(best);
    matched++;
    const p = proposed[best];
    if (p.speaker === q.speaker) correct++;
    else misses.push({ fact: q.fact, candidate: p.candidate, field: 'quoteSpeakers', expected: q.speaker, got: p.speaker });
    if (p.speakerInferred !== q.speakerInferred)
      misses.push({
        fact: q.fact,
        candidate: p.candidate,
        field: 'quoteSpeakers',
        expected: `inferred ${q.speakerInferred}`,
        got: `inferred ${p.speakerInferred}`,
      });
  }
  return figure(correct, proposed.length, expected.length, matched);
}

function wordOverlap(a: string, b: string): number {
  const wa = new Set(a.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  const wb = new Set(b.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []);
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.max(wa.size, wb.size, 1);
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function figure(correct: number, proposed: number, expected: number, matched: number): Figure {
  const precision = ratio(correct, proposed);
  const recall = ratio(correct, expected);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : round((2 * precision * recall) / (precision + recall)),
    accuracy: ratio(correct, matched),
    correct,
    proposed,
    expected,
    matched,
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : round(a / b);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
