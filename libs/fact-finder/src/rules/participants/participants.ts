import type { Participant } from '@dateline/domain';
import { AnalysedParagraph } from '../../text/analyse';
import { quotedMask } from '../../grammar/quoted';
import { TokenRange } from '../../grammar/token';
import { TITLE_WORDS } from './gazetteer';
import { GROUP_NOUNS, NamedThing, NameBook } from './names';
import { isNegated } from './negation';

/**
 * Heads after "X's" that make X the one acting: "Kyiv's delegation", "Estmark's artillery".
 * In "Valdora's foreign minister, Tomas Reyne" the one acting is Reyne.
 */
const ACTING_HEADS = new Set([...GROUP_NOUNS, 'government', 'team', 'army', 'artillery', 'military', 'navy', 'envoys', 'forces', 'troops']);
const KINDS = new Set(['person', 'country', 'actor', 'group']);

/**
 * Who takes part in a fact, from the names wink-nlp finds in the words that tell it: people
 * (by their full name in the story), countries (for their names, capitals and demonyms),
 * groups ("European security advisers") and other actors; not places, outlets or bodies that
 * only report it, not names inside quotations, not a country named only as someone's
 * ("Valdora's foreign minister"), and not anyone whose part the sentence denies.
 */
export function participantsIn(p: AnalysedParagraph, ranges: readonly TokenRange[], book: NameBook): Participant[] {
  const out: Participant[] = [];
  for (const range of ranges) {
    const quoted = quotedMask(p.tokens, range);
    for (const n of book.namesIn(p, range)) {
      if (!KINDS.has(n.kind) || quoted[n.from] || isNegated(p, n)) continue;
      if (p.tokens[n.to]?.text === "'s" && !actsThroughOwner(p, n)) continue;
      if (isTopic(p, n, range) || qualifiesThing(p, n)) continue;
      add(out, toParticipant(n));
      // "Ukraine and its allies": the group belongs to the name before it.
      const [and, its, group] = [p.tokens[n.to], p.tokens[n.to + 1], p.tokens[n.to + 2]];
      if (and?.lower === 'and' && (its?.lower === 'its' || its?.lower === 'their') && group && GROUP_NOUNS.has(group.lower))
        add(out, { name: `${n.name}'s ${group.lower}` });
    }
  }
  return out;
}

/** A participant for a name already resolved (a speaker). */
export function participantFor(name: string, country: string | undefined): Participant {
  return { name, ...(country ? { country } : {}) };
}

export function add(list: Participant[], x: Participant): void {
  if (!list.some((y) => y.name === x.name)) list.push(x);
}

function toParticipant(n: NamedThing): Participant {
  return { name: n.name, ...(n.role ? { role: n.role } : {}), ...(n.kind === 'country' && n.country ? { country: n.country } : {}) };
}

function actsThroughOwner(p: AnalysedParagraph, n: NamedThing): boolean {
  for (let i = n.to + 1; i < Math.min(p.tokens.length, n.to + 5); i++) {
    const t = p.tokens[i];
    if (ACTING_HEADS.has(t.lower)) return true;
    if (t.pos !== 'ADJ' && t.pos !== 'NOUN') return false;
  }
  return false;
}

/** Prepositions after which a name is what the fact is about, not who takes part: "the prospect of Zelensky and Putin meeting". */
const TOPIC = new Set(['of', 'about', 'over', 'regarding', 'concerning']);

function isTopic(p: AnalysedParagraph, n: NamedThing, range: TokenRange): boolean {
  for (let i = n.from - 1; i >= Math.max(range.from, n.from - 8); i--) {
    const t = p.tokens[i];
    // "Secretary of State Marco Rubio": an "of" inside a title is part of the name's role.
    if (TOPIC.has(t.lower)) {
      if (p.tokens[i - 1]?.pos === 'PROPN' && TITLE_WORDS.has(p.tokens[i - 1].lower)) continue;
      return true;
    }
    if (!['DET', 'ADJ', 'PROPN', 'CCONJ', 'NOUN', 'NUM'].includes(t.pos) || t.text === ',') return false;
  }
  return false;
}

/** "the Swiss offer", "a Russian proposal": a people's adjective on a thing, not on people. */
function qualifiesThing(p: AnalysedParagraph, n: NamedThing): boolean {
  const next = p.tokens[n.to];
  if (n.kind !== 'country' || !next || next.pos !== 'NOUN') return false;
  const words = p.tokens
    .slice(n.from, n.to)
    .map((t) => t.lower)
    .join(' ');
  if (words === n.name.toLowerCase()) return false;
  return !ACTING_HEADS.has(next.lower) && !ACTING_HEADS.has(p.tokens[n.to + 1]?.lower ?? '');
}
