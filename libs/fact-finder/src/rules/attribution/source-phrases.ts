import type { AttributedSource } from '@dateline/domain';
import { AnalysedParagraph } from '../../text/analyse';
import { TokenRange, wordsBetween } from '../../grammar/token';
import { OUTLET_WORDS } from '../participants/gazetteer';
import { knownOutletAt, NameBook } from '../participants/names';

/** Heads of a phrase that names no one: "a source", "diplomats", "a diplomat familiar with the preparations". */
const UNNAMED_HEADS = new Set([
  'source',
  'sources',
  'official',
  'officials',
  'diplomat',
  'diplomats',
  'insider',
  'insiders',
  'person',
  'people',
]);
/** "the outlet", "the agency": the news organisation named before (outlet-reference). */
const OUTLET_REFERENCE = /^the (outlet|agency|broadcaster|newspaper|channel|network|paper|wire service)$/i;
const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);

/**
 * Who a phrase of attribution names ("Sky News and the Russian state agency TASS", "the UN
 * mission", "a diplomat familiar with the preparations", "the agency"), as sources with their
 * level: a named outlet, person or body is a named source; a phrase that names no one is an
 * unnamed source; "the agency" is the outlet named before it. `wording` is the phrase as written.
 */
export function sourcesOfPhrase(p: AnalysedParagraph, range: TokenRange, book: NameBook, wording: string): AttributedSource[] {
  const parts = splitOnAnd(p, range);
  return parts.flatMap((part) => {
    const one = sourceOfPhrase(p, part, book, wording);
    return one ? [one] : [];
  });
}

export function sourceOfPhrase(p: AnalysedParagraph, range: TokenRange, book: NameBook, wording: string): AttributedSource | undefined {
  const tokens = p.tokens;
  let from = range.from;
  // "a statement from the UN mission": the body that issued it.
  for (let i = range.from; i < range.to - 1; i++) if (tokens[i].lower === 'from' && i > range.from) from = i + 1;
  const text = wordsBetween(tokens, from, range.to);
  if (text.trim() === '') return undefined;
  if (OUTLET_REFERENCE.test(text)) {
    const outlet = book.outletBefore(tokens[from].start);
    return outlet
      ? { attribution: 'named-source', name: outlet, wording }
      : { attribution: 'named-source', name: text.replace(/^the /i, ''), wording };
  }
  const known = knownOutletAt(tokens, { from, to: range.to });
  if (known) return { attribution: 'named-source', name: known, wording };
  const names = book.namesIn(p, { from, to: range.to }).filter((n) => n.kind !== 'place');
  const head = headNoun(p, { from, to: range.to });
  const proper = names.filter((n) => n.kind !== 'country' || tokens[n.to]?.text !== "'s");
  if (head && UNNAMED_HEADS.has(head) && !proper.some((n) => n.kind === 'person' || n.kind === 'outlet'))
    return { attribution: 'unnamed-source', wording };
  const outlet = names.find((n) => n.kind === 'outlet');
  if (outlet) return { attribution: 'named-source', name: outlet.name, wording };
  const person = names.find((n) => n.kind === 'person' || n.kind === 'actor');
  if (person && (names.length === 1 || !head || !OUTLET_WORDS.has(head))) {
    if (person.to === range.to || tokens[person.to]?.text === ',') return { attribution: 'named-source', name: person.name, wording };
  }
  const country = names.find((n) => n.kind === 'country');
  if (country && country.to === range.to) return { attribution: 'named-source', name: country.name, wording };
  // A body without a proper name of its own: "the Swiss foreign ministry", "the UN mission".
  let start = from;
  while (start < range.to && (DETERMINERS.has(tokens[start].lower) || tokens[start + 1]?.text === "'s"))
    start += tokens[start + 1]?.text === "'s" ? 2 : 1;
  return { attribution: 'named-source', name: wordsBetween(tokens, start, range.to), wording };
}

/** The last noun of a phrase before any "with …"/"familiar …" that qualifies it. */
function headNoun(p: AnalysedParagraph, range: TokenRange): string | undefined {
  let head: string | undefined;
  for (let i = range.from; i < range.to; i++) {
    const t = p.tokens[i];
    if (t.pos === 'ADP' || (t.pos === 'ADJ' && head)) break;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') head = t.lower;
  }
  return head;
}

/** "Sky News and the Russian state agency TASS": one source each side of a top-level "and". */
function splitOnAnd(p: AnalysedParagraph, range: TokenRange): TokenRange[] {
  const out: TokenRange[] = [];
  let from = range.from;
  for (let i = range.from; i < range.to; i++)
    if (p.tokens[i].lower === 'and' && p.tokens[i + 1] && p.tokens[i + 1].pos !== 'NOUN' && i > from) {
      out.push({ from, to: i });
      from = i + 1;
    }
  out.push({ from, to: range.to });
  return out;
}
