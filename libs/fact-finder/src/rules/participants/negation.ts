import { AnalysedParagraph } from '../../text/analyse';
import { NamedThing } from './names';

const NEGATORS = new Set(['no', 'without', 'nor', 'neither', 'not']);
const ABSENT =
  /^(?:was|were|is|are)(?: both| all)? (?:not present|absent|missing)\b|^(?:did|does|do|would|will)(?: not|n't) (?:attend|join|travel|come|take part|sit down)\b|^(?:stayed|stays) away\b/i;

/**
 * Is this name's part in the fact denied by the sentence? "with no Turkish or American
 * officials in the room", "Paul Dressler was not present", "Lavrov and Ushakov are both
 * absent", "did not attend": such names are left out of the participants.
 */
export function isNegated(p: AnalysedParagraph, name: NamedThing): boolean {
  const tokens = p.tokens;
  // A negator earlier in the same noun phrase: back over names, adjectives, "or"/"and" and commas.
  for (let i = name.from - 1; i >= Math.max(0, name.from - 6); i--) {
    const t = tokens[i];
    if (NEGATORS.has(t.lower)) return true;
    if (!['PROPN', 'ADJ', 'CCONJ', 'DET', 'NOUN', 'PUNCT'].includes(t.pos) || t.text === ';' || t.text === ':') break;
  }
  // The name as the subject of an absence: skip an aside between commas and any names joined to it.
  let i = name.to;
  while (
    i < tokens.length &&
    (tokens[i].pos === 'PROPN' || tokens[i].lower === 'and' || tokens[i].text === "'s" || tokens[i].pos === 'NOUN')
  )
    i++;
  if (tokens[i]?.text === ',') {
    while (i < tokens.length && tokens[i].text === ',') i++;
  }
  const rest = tokens
    .slice(i, i + 5)
    .map((t) => t.lower)
    .join(' ')
    .replace(/ n't/g, "n't");
  return ABSENT.test(rest);
}
