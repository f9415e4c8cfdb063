import { AnalysedParagraph } from '../text/analyse';
import { TokenRange, wordsBetween } from '../grammar/token';
import { NameBook } from '../rules/participants/names';
import { SpeakerRef } from './fact-reading';

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'him', 'her', 'them']);
const UNNAMED = /\b(source|sources|official|officials|diplomat|diplomats|insider|insiders|people|person)\b/i;
const OUTLET_REFERENCE = /^the (outlet|agency|broadcaster|newspaper|channel|network|paper)$/i;

/** Who a subject phrase names, as a speaker or actor: a person, a country, an outlet, someone unnamed, or a pronoun's referent. */
export function speakerOf(
  p: AnalysedParagraph,
  range: TokenRange,
  book: NameBook,
  lastPerson: SpeakerRef | undefined,
): SpeakerRef | undefined {
  const tokens = p.tokens;
  if (range.to - range.from === 1 && PRONOUNS.has(tokens[range.from].lower))
    return lastPerson ? { ...lastPerson, range: undefined, pronoun: true } : undefined;
  const text = wordsBetween(tokens, range.from, range.to);
  if (OUTLET_REFERENCE.test(text)) {
    const outlet = book.outletBefore(tokens[range.from].start);
    return { name: outlet ?? text.replace(/^the /i, ''), kind: 'outlet', range, pronoun: false };
  }
  const names = book.namesIn(p, range).filter((n) => n.kind !== 'place');
  const pick =
    names.find((n) => n.kind === 'person') ??
    names.find((n) => n.kind === 'outlet') ??
    names.find((n) => n.kind === 'actor') ??
    names.find((n) => n.kind === 'country' && tokens[n.to]?.text !== "'s") ??
    names.find((n) => n.kind === 'country');
  if (pick && !(UNNAMED.test(text) && pick.kind !== 'person' && pick.kind !== 'outlet'))
    return {
      name: pick.name,
      kind: pick.kind === 'person' ? 'person' : pick.kind === 'outlet' ? 'outlet' : pick.kind === 'country' ? 'country' : 'other',
      ...(pick.country ? { country: pick.country } : {}),
      range,
      pronoun: false,
    };
  if (UNNAMED.test(text)) return { name: text, kind: 'unnamed', range, pronoun: false };
  return undefined;
}
