import { AnalysedParagraph } from '../../text/analyse';
import { Token, TokenRange } from '../../grammar/token';
import { countryOf, KNOWN_OUTLETS, KNOWN_PLACES, NOT_PERSON_ENDINGS, OUTLET_WORDS, PLACE_NOUNS, TITLE_WORDS } from './gazetteer';

export type NameKind = 'country' | 'person' | 'outlet' | 'organisation' | 'place' | 'group' | 'actor';

/** A name found in the text, read: what it names and how the desk should write it. */
export interface NamedThing {
  readonly kind: NameKind;
  /** Canonical: "Rustem Umerov" for "Umerov", "Ukraine" for "Kyiv", "TASS" for "the Russian state agency TASS". */
  readonly name: string;
  /** ISO 3166-1 alpha-2 of a country, or of a person's country when the text ties them ("Ukraine's …"). */
  readonly country?: string;
  /** The words of office before a person's name: "Defense Minister". */
  readonly role?: string;
  readonly from: number;
  readonly to: number;
}

/** Plural or collective nouns wink-nlp tags as proper nouns at a sentence's start ("Delegations from …"). */
export const GROUP_NOUNS = new Set([
  'delegation',
  'delegations',
  'delegates',
  'negotiators',
  'officials',
  'diplomats',
  'envoys',
  'advisers',
  'advisors',
  'leaders',
  'ministers',
  'politicians',
  'representatives',
  'forces',
  'troops',
  'side',
  'partners',
  'allies',
]);

const LOCATIVE = new Set(['in', 'at', 'into', 'near', 'to', 'towards', 'via', 'outside', 'inside']);
const WEEKDAYS_AND_MONTHS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

/**
 * The story's names, read once over its whole text: who a surname stands for ("Umerov" is
 * "Rustem Umerov" wherever the full name appears), which news organisations it names in order
 * ("the agency" is the last one named before), and what kind of thing each name is.
 */
export class NameBook {
  private readonly fullBySurname = new Map<string, string>();
  private readonly outlets: { name: string; at: number }[] = [];
  private readonly read = new WeakMap<AnalysedParagraph, { span: TokenRange; thing: NamedThing }[]>();

  constructor(paragraphs: readonly AnalysedParagraph[]) {
    for (const p of paragraphs)
      for (const span of p.names) {
        const thing = this.classify(p.tokens, span);
        if (thing?.kind === 'person' && thing.name.includes(' ')) {
          const surname = thing.name.split(' ').pop() ?? thing.name;
          if (!this.fullBySurname.has(surname)) this.fullBySurname.set(surname, thing.name);
        }
        if (thing?.kind === 'outlet') this.outlets.push({ name: thing.name, at: p.tokens[thing.from].start });
      }
  }

  /** Every name in a range of a paragraph's tokens, read. */
  namesIn(p: AnalysedParagraph, range: TokenRange): NamedThing[] {
    return this.namesOf(p)
      .filter((n) => n.span.from >= range.from && n.span.to <= range.to)
      .map((n) => n.thing);
  }

  /** A paragraph's names, read once: the rules ask for the names of many ranges of it. */
  private namesOf(p: AnalysedParagraph): { span: TokenRange; thing: NamedThing }[] {
    let read = this.read.get(p);
    if (!read) {
      read = p.names.flatMap((span) => {
        const thing = this.classify(p.tokens, span);
        return thing ? [{ span, thing }] : [];
      });
      this.read.set(p, read);
    }
    return read;
  }

  /** The news organisation named last before a point of the text ("the outlet", "the agency"). */
  outletBefore(offset: number): string | undefined {
    let found: string | undefined;
    for (const o of this.outlets) if (o.at < offset) found = o.name;
    return found;
  }

  /** The full name a surname stands for in this story, if it gives one. */
  fullName(name: string): string {
    return this.fullBySurname.get(name) ?? name;
  }

  classify(tokens: readonly Token[], span: TokenRange): NamedThing | undefined {
    let from = span.from;
    const to = span.to;
    const words = () => tokens.slice(from, to).map((t) => t.text);
    const text = () => words().join(' ');
    const outlet = knownOutletAt(tokens, { from: Math.max(0, span.from - 2), to: span.to });
    if (outlet) return { kind: 'outlet', name: outlet, from: span.from, to: span.to };
    if (NOT_PERSON_ENDINGS.has(tokens[to - 1].lower) && !countryOf(text()))
      return { kind: 'organisation', name: text(), from: span.from, to: span.to };
    const roleWords: string[] = [];
    while (from < to - 1 && TITLE_WORDS.has(tokens[from].lower)) roleWords.push(tokens[from++].text);
    if (to - from === 1 && WEEKDAYS_AND_MONTHS.test(tokens[from].text)) return undefined;
    if (to - from === 1 && GROUP_NOUNS.has(tokens[from].lower)) return undefined;
    if (to - from === 1 && TITLE_WORDS.has(tokens[from].lower)) return undefined;
    const before = tokens[span.from - 1]?.lower ?? '';
    const after = tokens[span.to];
    if (OUTLET_WORDS.has(before) || (after && OUTLET_WORDS.has(after.lower)))
      return { kind: 'outlet', name: text(), from: span.from, to: span.to };
    const country = countryOf(text());
    const locative = locativeBefore(tokens, span.from);
    if ((locative && !(country && after && GROUP_NOUNS.has(after.lower))) || (to - from === 1 && KNOWN_PLACES.has(tokens[from].lower)))
      return { kind: 'place', name: text(), from: span.from, to: span.to };
    if (country) return { kind: 'country', name: country.name, country: country.code, from: span.from, to: span.to };
    const last = tokens[to - 1].lower;
    if (NOT_PERSON_ENDINGS.has(last)) return { kind: 'organisation', name: text(), from: span.from, to: span.to };
    if (after && PLACE_NOUNS.has(after.lower)) return { kind: 'place', name: text(), from: span.from, to: span.to };
    // "European security advisers": a people's adjective before a group is the group.
    if (to - from === 1 && /an$|ean$|ish$|ese$|i$/.test(tokens[from].lower)) {
      let end = span.to;
      while (tokens[end] && tokens[end].pos === 'NOUN' && end < span.to + 3) end++;
      if (end > span.to && GROUP_NOUNS.has(tokens[end - 1].lower))
        return {
          kind: 'group',
          name: tokens
            .slice(from, end)
            .map((t) => t.text)
            .join(' '),
          from: span.from,
          to: end,
        };
    }
    const role = roleWords.length > 0 ? roleWords.join(' ') : undefined;
    if (to - from >= 2) return { kind: 'person', name: text(), ...(role ? { role } : {}), from: span.from, to: span.to };
    const full = this.fullName(tokens[from].text);
    if (full !== tokens[from].text) return { kind: 'person', name: full, ...(role ? { role } : {}), from: span.from, to: span.to };
    return { kind: 'actor', name: tokens[from].text, from: span.from, to: span.to };
  }
}

/** After "in", "at", "to" …, also down a list ("in Jeddah and Riyadh"); "to" after a verb is no place ("asked Putin to …" aside). */
function locativeBefore(tokens: readonly Token[], from: number): boolean {
  let i = from - 1;
  while (i > 0 && (tokens[i].lower === 'and' || tokens[i].text === ',') && tokens[i - 1].pos === 'PROPN') {
    i--;
    while (i > 0 && tokens[i].pos === 'PROPN') i--;
  }
  const previous = tokens[i];
  return previous !== undefined && LOCATIVE.has(previous.lower) && !(previous.lower === 'to' && tokens[i - 1]?.pos === 'VERB');
}

function matchesAt(tokens: readonly Token[], i: number, phrase: string): boolean {
  const words = phrase.split(' ');
  return words.every((w, k) => tokens[i + k]?.text === w);
}

/**
 * A known news organisation named in the range, by its words ("Sky News": wink-nlp tags "Sky" a
 * noun, so the name run alone would be "News").
 */
export function knownOutletAt(tokens: readonly Token[], range: TokenRange): string | undefined {
  for (let i = range.from; i < range.to; i++) {
    const found = KNOWN_OUTLETS.find((o) => matchesAt(tokens, i, o) && i + o.split(' ').length <= range.to + 1);
    if (found) return found;
  }
  return undefined;
}
