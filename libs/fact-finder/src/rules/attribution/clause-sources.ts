import type { AttributedSource } from '@dateline/domain';
import { AnalysedParagraph } from '../../text/analyse';
import { Clause } from '../../grammar/clauses';
import { wordsBetween } from '../../grammar/token';
import { NameBook } from '../participants/names';
import { SpeakerRef } from '../../reading/fact-reading';

/**
 * How the clause's own words attribute it:
 * - `speech`: the speaker said or reported it (named-source; unnamed-source for "a source", "diplomats");
 * - `claim`: a party asserts it, or says it of the other side ("claims", "insists"): party-claim;
 * - `none`: the clause has no speaker of its own.
 */
export interface ClauseSpeech {
  readonly speaker: SpeakerRef | undefined;
  readonly level: 'speech' | 'claim' | 'none';
}

/** "citing a source", "citing an official in the prime minister's office", "citing unnamed diplomats". */
const CITING =
  /\bciting (?:a|an|one|two|several|unnamed|anonymous|senior)?\s*(?:\w+ )?(?:sources?|officials?|diplomats?|insiders?|people|person)\b/i;
const QUOTED_BY = /\bsources? (?:quoted|cited) by\b/i;
const REPORTEDLY = /\b(reportedly|allegedly|is said to have|are said to have|was said to have)\b/i;
const ACCOUNT = /^by ([\w.' ]+?)'s account\b/i;

/**
 * The sources of one clause: the sentence's ("according to Sky News", ", TASS reported"), its
 * speaker's, "reportedly", "citing a source" (the outlet relays an unnamed source), and "By
 * Russia's account" (a party's claim). Nothing at all: the newsroom's own reporting.
 */
export function clauseSources(
  p: AnalysedParagraph,
  clause: Clause,
  sentenceSources: readonly AttributedSource[],
  speech: ClauseSpeech,
  book: NameBook,
): AttributedSource[] {
  const text = wordsBetween(p.tokens, clause.from, clause.to);
  const out: AttributedSource[] = [...sentenceSources];
  const speaker = speech.speaker;
  if (speaker && speech.level !== 'none') {
    const wording = speaker.range ? `${wordsBetween(p.tokens, speaker.range.from, speaker.range.to)} ${verbWord(p, clause)}` : undefined;
    if (CITING.test(text) || QUOTED_BY.test(speaker.range ? wordsBetween(p.tokens, speaker.range.from, speaker.range.to) : '')) {
      const relay = speaker.kind === 'outlet' ? speaker.name : relayIn(p, speaker, book);
      out.push({ attribution: 'unnamed-source', ...(relay ? { name: relay } : {}), ...(wording ? { wording } : {}) });
    } else if (speaker.kind === 'unnamed') out.push({ attribution: 'unnamed-source', ...(wording ? { wording } : {}) });
    else if (speech.level === 'claim' && speaker.kind !== 'outlet')
      out.push({ attribution: 'party-claim', name: speaker.name, ...(wording ? { wording } : {}) });
    else out.push({ attribution: 'named-source', name: speaker.name, ...(wording ? { wording } : {}) });
  }
  if (REPORTEDLY.test(text)) out.push({ attribution: 'reportedly', wording: text.match(REPORTEDLY)?.[0] ?? 'reportedly' });
  const account = ACCOUNT.exec(text);
  if (account) out.push({ attribution: 'party-claim', name: book.fullName(account[1]), wording: account[0] });
  return dedupe(out.length > 0 ? out : [{ attribution: 'own-reporting' }]);
}

function verbWord(p: AnalysedParagraph, clause: Clause): string {
  return clause.verb !== undefined ? p.tokens[clause.verb].text : '';
}

/** "A source quoted by Russia's Interfax agency": the outlet that relays the unnamed source. */
function relayIn(p: AnalysedParagraph, speaker: SpeakerRef, book: NameBook): string | undefined {
  if (!speaker.range) return undefined;
  return book.namesIn(p, { from: speaker.range.from, to: p.tokens.length }).find((n) => n.kind === 'outlet')?.name;
}

function dedupe(sources: readonly AttributedSource[]): AttributedSource[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.attribution}|${s.name ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
