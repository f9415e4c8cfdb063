import { lexiconVerb } from '../rules/kind/verb-lexicon';
import { Token } from './token';

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re"]);
const MODALS = new Set(['would', 'will', 'could', 'can', 'might', 'may', 'should', 'must', 'shall']);
/** Tagged VERB by wink-nlp, never the verb of a clause here. */
const NOT_VERBS = new Set(['according', 'including', 'following']);

export function isModal(t: Token | undefined): boolean {
  return t !== undefined && MODALS.has(t.lower);
}

export function isBe(t: Token | undefined): boolean {
  return t !== undefined && BE.has(t.lower);
}

/**
 * Is this token a verb a clause can turn on? wink-nlp's VERB tag, or a form the verb lexicon
 * knows that the lite model tagged otherwise ("Valdora claims that", "Okafor plans to", "would
 * open it") when what comes before reads as its subject or a modal, and not as "was present".
 */
export function isVerbish(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (NOT_VERBS.has(t.lower)) return false;
  if (t.pos === 'VERB') return !isBe(tokens[i - 1]) || /(ed|en|ing)$/.test(t.lower) || lexiconVerb(t.lower) === undefined;
  if (t.pos === 'AUX' || lexiconVerb(t.lower) === undefined) return false;
  const prev = tokens[i - 1];
  if (!prev || isBe(prev) || isBe(tokens[i - 2])) return false;
  // "Quessan state television": a noun before a noun is a compound, not a subject and its verb.
  const next = tokens[i + 1];
  if (next && (next.pos === 'NOUN' || next.pos === 'PROPN') && !isModal(prev)) return false;
  return ['PROPN', 'PRON'].includes(prev.pos) || isModal(prev) || (prev.pos === 'ADV' && /^\p{Lu}/u.test(tokens[i - 2]?.text ?? ''));
}

/** "is due to", "are set to", "was scheduled to": the verb after "to" is the clause's, and it is expected. */
const PLANNED = new Set(['due', 'set', 'scheduled', 'slated', 'poised']);

export function isPlannedInfinitive(tokens: readonly Token[], i: number): boolean {
  return tokens[i - 1]?.lower === 'to' && PLANNED.has(tokens[i - 2]?.lower ?? '') && isBe(tokens[i - 3]) && tokens[i].pos === 'VERB';
}

const POSSESSIVES = new Set(['their', 'its', 'his', 'her', 'our', 'my', 'your']);

/**
 * Finite: the verb of a clause, not an infinitive ("to meet"), a participle that hangs off
 * another ("saying"), one that qualifies a noun ("their shared border") or a reduced passive
 * ("a source quoted by Interfax").
 */
export function isFiniteVerb(tokens: readonly Token[], i: number): boolean {
  if (!isVerbish(tokens, i)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (isPlannedInfinitive(tokens, i)) return true;
  if (prev && prev.lower === 'to') return false;
  if (prev && (prev.pos === 'DET' || POSSESSIVES.has(prev.lower)) && next?.pos === 'NOUN') return false;
  if (prev?.pos === 'NOUN' && next?.lower === 'by' && /ed$/.test(tokens[i].lower)) return false;
  return !tokens[i].lower.endsWith('ing') || isBe(prev) || isBe(tokens[i - 2]);
}

/** Can this form be a past tense ("put", "accepted", "met")? A bare form after "would … and" cannot ("withdraw"). */
export function couldBePast(t: Token): boolean {
  return t.lower.endsWith('ed') || t.lower !== t.lemma || PAST_AS_BASE.has(t.lower) || /s$/.test(t.lower);
}

/** Verbs whose past is spelled as their base. */
const PAST_AS_BASE = new Set(['put', 'cut', 'set', 'let', 'hit', 'cast', 'cost', 'hurt', 'quit', 'shut', 'spread', 'bid']);
