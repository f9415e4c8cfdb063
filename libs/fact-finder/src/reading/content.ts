import { AnalysedParagraph } from '../text/analyse';
import { Clause } from '../grammar/clauses';
import { TokenRange } from '../grammar/token';
import { isFiniteVerb } from '../grammar/verbish';

/** What a speech verb introduces: "said [Moscow was trying to derail the talks]", "wrote on social media: [\"…\"]". */
export interface Content extends TokenRange {
  /** The content's own subject and verb, when it is a clause (not only a quotation). */
  readonly subject?: TokenRange;
  readonly verb?: number;
  /** Nothing but quoted words: "He added: \"…\"". */
  readonly quoteOnly: boolean;
}

/**
 * The content of a speech verb in its clause: after "that" or ":" if there is one, else from the
 * subject of the next finite verb ("said Moscow was trying …"). Quoted words are the speaker's
 * and give the content no verb of its own.
 */
export function contentOf(p: AnalysedParagraph, clause: Clause, verb: number, quoted: readonly boolean[]): Content {
  const tokens = p.tokens;
  let from = verb + 1;
  for (let i = verb + 1; i < clause.to; i++) {
    if (quoted[i]) break;
    if (tokens[i].text === ':' || (tokens[i].lower === 'that' && tokens[i].pos !== 'DET' && i <= verb + 6)) {
      from = i + 1;
      break;
    }
  }
  let contentVerb: number | undefined;
  for (let i = from; i < clause.to; i++)
    if (!quoted[i] && isFiniteVerb(tokens, i)) {
      contentVerb = i;
      break;
    }
  const hasOwnWords = tokens.slice(from, clause.to).some((t, k) => !quoted[from + k] && t.pos !== 'PUNCT');
  if (contentVerb === undefined) return { from, to: clause.to, quoteOnly: !hasOwnWords || quotedOnly(quoted, from, clause.to, p) };
  // The content's subject: back from its verb over auxiliaries, then over the noun phrase.
  let end = contentVerb;
  while (end > from && ['AUX', 'PART', 'ADV'].includes(tokens[end - 1].pos)) end--;
  let start = end;
  while (start > from && ['PROPN', 'PRON', 'NOUN', 'DET', 'ADJ', 'PART', 'NUM'].includes(tokens[start - 1].pos) && !quoted[start - 1])
    start--;
  if (from === verb + 1 && start > from) from = start;
  return { from, to: clause.to, verb: contentVerb, quoteOnly: false, ...(end > start ? { subject: { from: start, to: end } } : {}) };
}

function quotedOnly(quoted: readonly boolean[], from: number, to: number, p: AnalysedParagraph): boolean {
  // Words outside the quotation before it ("on social media:") do not make it more than a quotation.
  let sawQuote = false;
  for (let i = from; i < to; i++) if (quoted[i]) sawQuote = true;
  return sawQuote && p.tokens.slice(from, to).every((t, k) => quoted[from + k] || t.pos !== 'VERB');
}
