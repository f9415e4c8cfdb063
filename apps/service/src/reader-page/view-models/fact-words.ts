import {
  aboutWords,
  attributionWords,
  DiplomaticEventFields,
  FactDate,
  factDateWords,
  factKnowledge,
  FactStatus,
  statusWords,
  timingWords,
} from '@dateline/domain';
import { safeHttpUrl } from '../html';

/**
 * How one fact is dated and whom it rests on, in the reader's words. Learned only through
 * `factKnowledge` and said only with the domain's wording functions (docs/dates.md section 4),
 * so that every output (page, stream, JSON-LD, TimelineJS) says the same and none of them reads
 * the stored fields, which are moving from v1 to v2.
 */
export interface FactWords {
  /** "on 16 May 2025 at 10:30 (Europe/Istanbul)", "on or before 16 May 2025", "in 2022 (inferred)". */
  readonly when: string;
  /** A valid `<time datetime>` when the date names one instant, day, month or year; absent for bounds and periods. */
  readonly datetime?: string;
  /** Less than a day stated by the text: shown in italics, and said in words too. */
  readonly uncertain: boolean;
  readonly status: FactStatus;
  /** "expected", "cancelled", "did not happen"; absent for a fact that happened. */
  readonly statusWords?: string;
  /** One phrase per source that needs one: "according to Sky News", "reportedly", "Moscow claims". */
  readonly attributions: readonly string[];
  /** "earlier in the day, before the talks", "before the negotiations". */
  readonly timing?: string;
  /** "proposed start of the unconditional ceasefire on 12 May 2025". */
  readonly about: readonly string[];
  /** Each source with its phrase (absent for the newsroom's own reporting) and the article's own words for it. */
  readonly sources: readonly SourceWords[];
}

export interface SourceWords {
  readonly name?: string;
  /** An http(s) link only. */
  readonly url?: string;
  readonly attribution?: string;
  readonly wording?: string;
  readonly note?: string;
}

/** A fact's id and fields, as every entry and story listing has them. */
export type FactFields = DiplomaticEventFields & { readonly id: string };

/** `titles` names the other facts a relation points at ("before <title>"); a fact not in it is left out of the words. */
export function factWords(fact: FactFields, titles: ReadonlyMap<string, string>): FactWords {
  const k = factKnowledge(fact);
  const status = statusWords(k.status);
  const timing = timingWords(k.when, k.relations, (id) => titles.get(id));
  const datetime = machineDate(k.when);
  return {
    when: factDateWords(k.when),
    ...(datetime ? { datetime } : {}),
    uncertain: k.when.precision !== 'day' || k.when.certainty === 'inferred',
    status: k.status,
    ...(status ? { statusWords: status } : {}),
    attributions: k.sources.map(attributionWords).filter((w): w is string => w !== undefined),
    ...(timing ? { timing } : {}),
    about: k.about.map(aboutWords),
    sources: k.sources.map((s) => {
      const [attribution, url] = [attributionWords(s), safeHttpUrl(s.url)];
      // Set one by one (same keys, same order): an object built of spreads alone cost ~0.7 µs
      // on Node 20, for every source of every fact on a page.
      const words: { -readonly [K in keyof SourceWords]: SourceWords[K] } = {};
      if (s.name) words.name = s.name;
      if (url) words.url = url;
      if (attribution) words.attribution = attribution;
      if (s.wording) words.wording = s.wording;
      if (s.note) words.note = s.note;
      return words;
    }),
  };
}

/** Titles by fact id, for `factWords`' relation phrases. */
export function titlesOf(facts: readonly FactFields[]): Map<string, string> {
  return new Map(facts.map((f) => [f.id, f.title]));
}

/** What HTML's `<time datetime>` can hold of a date without claiming more than it says. */
export function machineDate(d: FactDate): string | undefined {
  switch (d.precision) {
    case 'day':
      return d.at ?? d.on;
    case 'month':
    case 'year':
      return d.on;
    case 'period':
    case 'bounded':
      return undefined;
  }
}

/** "Expected", "Did not happen": a status as a label. */
export function statusLabel(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A date a fact names, said on its own: the fact's status, timing and sources stay with the fact. */
export function aboutDateWords(d: FactDate): FactWords {
  const datetime = machineDate(d);
  return {
    when: factDateWords(d),
    ...(datetime ? { datetime } : {}),
    uncertain: d.precision !== 'day' || d.certainty === 'inferred',
    status: 'happened',
    attributions: [],
    about: [],
    sources: [],
  };
}
