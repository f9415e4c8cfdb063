import type { AttributedSource } from '@dateline/domain';
import { AnalysedParagraph, Sentence } from '../../text/analyse';
import { quotedMask } from '../../grammar/quoted';
import { TokenRange, wordsBetween } from '../../grammar/token';
import { NameBook } from '../participants/names';
import { sourcesOfPhrase } from './source-phrases';

const REPORTING = new Set(['said', 'reported', 'told', 'added', 'wrote', 'confirmed', 'announced', 'says', 'reports']);

/** What a whole sentence rests on, and the sentence without the words that say so. */
export interface SentenceAttribution {
  readonly sources: readonly AttributedSource[];
  /** The sentence's own statement: without a leading "According to X," or a trailing ", X reported." */
  readonly core: TokenRange;
  /** The attribution phrases themselves: no participants come from them. */
  readonly phrases: readonly TokenRange[];
}

/**
 * "According to Sky News, …" and "…, Sky News and the Russian state agency TASS reported." put
 * everything the sentence says on those sources (a named outlet: named-source); "…, a diplomat
 * familiar with the preparations said." on someone unnamed (unnamed-source). The attribution is
 * cut off so that the clauses read the statement alone.
 */
export function sentenceAttribution(p: AnalysedParagraph, sentence: Sentence, book: NameBook): SentenceAttribution {
  const tokens = p.tokens;
  const quoted = quotedMask(tokens, sentence);
  let from = sentence.from;
  let to = tokens[sentence.to - 1]?.pos === 'PUNCT' && !quoted[sentence.to - 1] ? sentence.to - 1 : sentence.to;
  const sources: AttributedSource[] = [];
  const phrases: TokenRange[] = [];

  // Leading "According to X,"
  if (tokens[from]?.lower === 'according' && tokens[from + 1]?.lower === 'to') {
    const comma = commaAfter(p, quoted, from + 2, to);
    if (comma !== undefined) {
      const words = wordsBetween(tokens, from, comma);
      sources.push(...sourcesOfPhrase(p, { from: from + 2, to: comma }, book, words));
      phrases.push({ from, to: comma + 1 });
      from = comma + 1;
    }
  }
  // Trailing ", according to X" or ", X reported"/", X said" (no verb of its own in X).
  const lastComma = lastCommaBefore(p, quoted, from, to);
  if (lastComma !== undefined) {
    const tail = { from: lastComma + 1, to };
    if (tokens[tail.from]?.lower === 'according' && tokens[tail.from + 1]?.lower === 'to') {
      sources.push(...sourcesOfPhrase(p, { from: tail.from + 2, to }, book, wordsBetween(tokens, tail.from, to)));
      phrases.push(tail);
      to = lastComma;
    } else {
      const verb = tokens[to - 1];
      const np = { from: tail.from, to: to - 1 };
      const npHasVerb = tokens.slice(np.from, np.to).some((t) => t.pos === 'VERB' || t.pos === 'AUX');
      if (verb && REPORTING.has(verb.lower) && np.to > np.from && !npHasVerb && np.to - np.from <= 9) {
        sources.push(...sourcesOfPhrase(p, np, book, wordsBetween(tokens, tail.from, to)));
        phrases.push(tail);
        to = lastComma;
      }
    }
  }
  return { sources, core: { from, to }, phrases };
}

function commaAfter(p: AnalysedParagraph, quoted: readonly boolean[], from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (!quoted[i] && p.tokens[i].text === ',') return i;
  return undefined;
}

function lastCommaBefore(p: AnalysedParagraph, quoted: readonly boolean[], from: number, to: number): number | undefined {
  for (let i = to - 1; i > from; i--) if (!quoted[i] && p.tokens[i].text === ',') return i;
  return undefined;
}
