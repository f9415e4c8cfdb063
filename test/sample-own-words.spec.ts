import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { EVENT_KINDS, factDateProblems, isBoringRevision, isCalendarDate, isCameoCode, isRfc3339Instant } from '@dateline/domain';

/**
 * The Istanbul sample (data/seed, issue 16) is our own retelling of a credited article: the
 * repository cannot hold the article, so these checks are what it can verify on its own. The
 * story's quotations must be the quotes of its fact list, every fact must fit the revision that
 * first reports it, the revisions' publication times must move forward, and a punctuation fix
 * must not be filed as a correction.
 */

type Day = { precision: 'day'; on: string; at?: string; timezone?: string };
type DateValue = Day | { precision: 'month' | 'year'; on: string } | { precision: 'period'; from: string; until: string };
type When = (DateValue | { precision: 'bounded'; onOrAfter?: string; onOrBefore?: string }) & {
  certainty: 'explicit' | 'inferred';
  wording?: string;
};
interface Quote {
  text: string;
  speaker: string;
  speakerInferred: boolean;
  context?: string;
}
interface Fact {
  key: string;
  from: [number, number][];
  revision: number;
  title: string;
  summary: string;
  kind: string;
  when: When;
  status: string;
  relations?: { relation: 'before' | 'after' | 'same-day'; fact: string }[];
  about?: { label: string; date: When }[];
  participants: { name: string; role?: string; country?: string }[];
  sources: { name?: string; attribution: string; wording?: string }[];
  quotes?: Quote[];
  cameoCode?: string;
  amendments?: { revision: number; reason: string; changes: Partial<Fact> }[];
}
interface FactList {
  source: { outlet: string; headline: string; author: string; published: string };
  revisions: { revision: number; publishedAt: string; kind: string; introduces: string[]; amends?: string[] }[];
  facts: Fact[];
  notes: string[];
}
interface Revision {
  headline: string;
  body: string;
  kind?: 'update' | 'correction';
  changeNote?: string;
  publishedAt: string;
}
interface SeedFile {
  story: { revisions: Revision[] };
  facts: string;
}

const seed = JSON.parse(readFileSync('data/seed/istanbul-talks.json', 'utf8')) as SeedFile;
const list = JSON.parse(readFileSync('data/seed/istanbul-facts.json', 'utf8')) as FactList;
const revisions = seed.story.revisions;
const facts = list.facts;

const STATUSES = ['happened', 'expected', 'cancelled', 'postponed', 'did-not-happen'];
const ATTRIBUTIONS = ['own-reporting', 'named-source', 'unnamed-source', 'reportedly', 'party-claim'];

/**
 * Quotation marks may be typographic or plain; apostrophes too. A quote's closing full stop or
 * comma is punctuation of the sentence around it.
 */
function normalised(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[.,]+$/, '')
    .trim();
}

/** The double-quoted passages of a text ("…" or “…”). */
function quotations(text: string): string[] {
  return [...text.replace(/[\u201c\u201d]/g, '"').matchAll(/"([^"]+)"/g)].map((m) => normalised(m[1]));
}

/** The earliest calendar date a `when` allows, or undefined for an open lower bound. */
function earliest(when: When): string | undefined {
  switch (when.precision) {
    case 'day':
      return when.on;
    case 'month':
      return `${when.on}-01`;
    case 'year':
      return `${when.on}-01-01`;
    case 'period':
      return when.from;
    case 'bounded':
      return when.onOrAfter;
  }
}

function datesOf(value: DateValue | When): string[] {
  switch (value.precision) {
    case 'day':
      return [value.on];
    case 'month':
      return [`${value.on}-01`];
    case 'year':
      return [`${value.on}-01-01`];
    case 'period':
      return [value.from, value.until];
    case 'bounded':
      return [value.onOrAfter, value.onOrBefore].filter((d): d is string => d !== undefined);
  }
}

/** The publication day in Kyiv (UTC+3 in May), the newsroom's own calendar. */
function kyivDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' }).format(new Date(instant));
}

describe('the Istanbul sample, in our own words, against its fact list', () => {
  it('credits its source: outlet, headline, author and date', () => {
    expect(list.source).toEqual({
      outlet: 'The Kyiv Independent',
      headline: 'Ukraine and Russia hold first direct peace talks since 2022 in Istanbul',
      author: 'Kateryna Hodunova',
      published: '2025-05-16',
      note: expect.any(String),
    });
    expect(readFileSync('data/seed/README.md', 'utf8')).toContain('The Kyiv Independent');
  });

  it('every quotation in a headline or body is a quote of the fact list', () => {
    const quoted = facts.flatMap((f) => (f.quotes ?? []).map((q) => normalised(q.text)));
    const found = revisions.flatMap((r) => quotations(`${r.headline}\n${r.body}`));
    expect(found.length).toBeGreaterThan(5);
    const strays = found.filter((q) => !quoted.some((text) => text.includes(q)));
    expect(strays).toEqual([]);
  });

  it('every quote of a fact is in the body of the revision that reports the fact, and in every later one', () => {
    const missing = facts.flatMap((f) =>
      (f.quotes ?? []).flatMap((q) =>
        revisions
          .slice(f.revision - 1)
          .map((r, i) => ({ revision: f.revision + i, inBody: quotations(r.body).includes(normalised(q.text)) }))
          .filter((r) => !r.inBody)
          .map((r) => `${f.key}: "${q.text}" missing from revision ${r.revision}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('publication times are RFC 3339 instants that go forward, on 16 May 2025 in Kyiv, and none is in the future', () => {
    const times = revisions.map((r) => r.publishedAt);
    expect(times.every(isRfc3339Instant)).toBe(true);
    for (let i = 1; i < times.length; i++) expect(Date.parse(times[i])).toBeGreaterThan(Date.parse(times[i - 1]));
    expect(Date.parse(times.at(-1)!)).toBeLessThanOrEqual(Date.now());
    expect(times.map(kyivDate)).toEqual(times.map(() => '2025-05-16'));
    expect(list.revisions.map((r) => r.publishedAt)).toEqual(times);
  });

  it('each fact fits the revision that first reports it: no date it can have is after that revision was published', () => {
    const unfit = facts.flatMap((f) => {
      const published = revisions[f.revision - 1]?.publishedAt;
      if (published === undefined) return [`${f.key}: revision ${f.revision} does not exist`];
      const first = earliest(f.when);
      return first !== undefined && first > kyivDate(published) ? [`${f.key}: ${first} is after revision ${f.revision}`] : [];
    });
    expect(unfit).toEqual([]);
  });

  it('amendments come in later revisions than their fact, and the revision index lists what each revision brings', () => {
    for (const f of facts) for (const a of f.amendments ?? []) expect(a.revision).toBeGreaterThan(f.revision);
    for (const f of facts) for (const a of f.amendments ?? []) expect(a.revision).toBeLessThanOrEqual(revisions.length);
    expect(list.revisions.map((r) => r.introduces)).toEqual(
      revisions.map((_, i) => facts.filter((f) => f.revision === i + 1).map((f) => f.key)),
    );
    expect(list.revisions.map((r) => r.amends ?? [])).toEqual(
      revisions.map((_, i) => facts.filter((f) => (f.amendments ?? []).some((a) => a.revision === i + 1)).map((f) => f.key)),
    );
  });

  it("every fact uses the date model's words: kinds, statuses, attributions, dates and CAMEO codes that exist", () => {
    const keys = facts.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of facts) {
      expect({ key: f.key, kind: (EVENT_KINDS as readonly string[]).includes(f.kind) }).toEqual({ key: f.key, kind: true });
      expect(STATUSES).toContain(f.status);
      expect(['explicit', 'inferred']).toContain(f.when.certainty);
      // Each date is a v2 FactDate as the API takes it (docs/adr/0013-date-knowledge-v2.md).
      expect({ key: f.key, problems: [f.when, ...(f.about ?? []).map((a) => a.date)].flatMap((d) => factDateProblems(d, 'date')) }).toEqual(
        {
          key: f.key,
          problems: [],
        },
      );
      const dates = [...datesOf(f.when), ...(f.about ?? []).flatMap((a) => datesOf(a.date))];
      expect(dates.filter((d) => !isCalendarDate(d))).toEqual([]);
      expect(f.from.length).toBeGreaterThan(0);
      expect(f.sources.length).toBeGreaterThan(0);
      for (const s of f.sources) expect(ATTRIBUTIONS).toContain(s.attribution);
      if (f.cameoCode !== undefined) expect(isCameoCode(f.cameoCode)).toBe(true);
    }
  });

  it('relations name other facts of the list, and "before" and "after" never go round in a circle', () => {
    const keys = new Set(facts.map((f) => f.key));
    const later = new Map<string, string[]>([...keys].map((k) => [k, []]));
    for (const f of facts)
      for (const r of f.relations ?? []) {
        expect({ from: f.key, to: r.fact, known: keys.has(r.fact) && r.fact !== f.key }).toEqual({ from: f.key, to: r.fact, known: true });
        if (r.relation === 'before') later.get(f.key)!.push(r.fact);
        if (r.relation === 'after') later.get(r.fact)!.push(f.key);
      }
    const done = new Set<string>();
    const visit = (key: string, path: string[]): void => {
      if (path.includes(key)) throw new Error(`a circle of relations: ${[...path, key].join(' -> ')}`);
      if (done.has(key)) return;
      for (const next of later.get(key)!) visit(next, [...path, key]);
      done.add(key);
    };
    for (const key of keys) visit(key, []);
    expect(done.size).toBe(keys.size);
  });

  it('a revision that changes only spacing or punctuation is an update, and a correction says what it corrects', () => {
    for (let i = 1; i < revisions.length; i++) {
      const r = revisions[i];
      if (isBoringRevision(revisions[i - 1], r)) expect({ revision: i + 1, kind: r.kind }).toEqual({ revision: i + 1, kind: 'update' });
      if (r.kind === 'correction') expect(r.changeNote?.trim()).toBeTruthy();
    }
    // The sample shows a boring revision, so the check above is not vacuous.
    expect(revisions.some((r, i) => i > 0 && isBoringRevision(revisions[i - 1], r))).toBe(true);
  });

  it('the seed loads the fact list, and both files give each revision the same publication time', () => {
    expect(seed.facts).toBe('istanbul-facts.json');
    expect(list.revisions.map((r) => [r.revision, r.publishedAt])).toEqual(revisions.map((r, i) => [i + 1, r.publishedAt]));
    expect(Math.max(...facts.map((f) => f.revision))).toBeLessThanOrEqual(revisions.length);
  });
});
