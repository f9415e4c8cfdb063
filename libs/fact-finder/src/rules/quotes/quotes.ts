import type { Quote } from '@dateline/domain';
import { AnalysedParagraph } from '../../text/analyse';
import { quotationsIn, quotedMask } from '../../grammar/quoted';
import { TokenRange } from '../../grammar/token';
import { NameBook } from '../participants/names';
import { countryOf } from '../participants/gazetteer';

/**
 * The quotations in a fact's words with their speaker. The speaker is who the sentence says
 * spoke ("Yermak wrote", "he told reporters", "Moscow … insists that the war's 'root causes'"),
 * resolved through the story ("he" is the last person named). `speakerInferred` is true when the
 * quotation's paragraph does not name the speaker outside quotation marks, so the reader has
 * only the story's order to go by ("He added: …" in a paragraph of its own).
 */
export function quotesIn(p: AnalysedParagraph, range: TokenRange, speaker: string | undefined, book: NameBook): Quote[] {
  if (!speaker) return [];
  const inferred = !namedInParagraph(p, speaker, book);
  return quotationsIn(p.tokens, range).map((q) => ({
    text: p.paragraph.text.slice(q.start - p.paragraph.start, q.end - p.paragraph.start).trim(),
    speaker,
    speakerInferred: inferred,
  }));
}

function namedInParagraph(p: AnalysedParagraph, speaker: string, book: NameBook): boolean {
  const quoted = quotedMask(p.tokens, { from: 0, to: p.tokens.length });
  const whole = { from: 0, to: p.tokens.length };
  return book.namesIn(p, whole).some((n) => !quoted[n.from] && (n.name === speaker || countryOf(n.name)?.name === speaker));
}
