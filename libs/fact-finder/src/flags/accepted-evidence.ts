import type { AcceptedFact } from '../candidate';
import { normaliseSentence } from '../text/normalise';
import { PlacedSentence } from '../text/revision-changes';

/**
 * The sentence of the previous revision each accepted fact rests on: found by its offsets in
 * the previous text, or, when the evidence brings its own words (a fact accepted from an older
 * revision), by those words.
 */
export function acceptedSentences(
  accepted: readonly AcceptedFact[],
  previous: readonly PlacedSentence[],
  previousText: string | undefined,
): Map<PlacedSentence, string[]> {
  const out = new Map<PlacedSentence, string[]>();
  for (const fact of accepted) {
    const e = fact.evidence;
    if (!e) continue;
    const words = e.text !== undefined ? normaliseSentence(e.text) : undefined;
    const sentence =
      words !== undefined
        ? previous.find((s) => words.length > 0 && normaliseSentence(s.text).includes(words))
        : previousText !== undefined
          ? previous.find((s) => s.start <= e.start && e.end <= s.end)
          : undefined;
    if (sentence) out.set(sentence, [...(out.get(sentence) ?? []), fact.id]);
  }
  return out;
}
