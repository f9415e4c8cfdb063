import { CAMEO_CODEBOOK, type EventKind } from '@dateline/domain';
import { senseOf } from './verb-lexicon';

const CODE_BY_NAME = new Map(CAMEO_CODEBOOK.map((c) => [c.name.toLowerCase(), c.code]));

/** The CAMEO code of a codebook phrase; a phrase the codebook does not have is a bug of the lexicon (kind-and-cameo.spec.ts). */
export function cameoCodeOf(phrase: string | undefined): string | undefined {
  return phrase === undefined ? undefined : CODE_BY_NAME.get(phrase.toLowerCase());
}

export interface KindAndCameo {
  readonly kind: EventKind;
  readonly cameo?: string;
}

const MEETING_WORDS = /\b(talks|negotiations|negotiate|meet|meeting|summit|host)\b/i;

/**
 * The kind and CAMEO code a verb suggests, refined by the words of its clause where the
 * codebook is more precise: "held talks" is a negotiation, "asked Putin to meet" an appeal to
 * meet, "rejected … as a venue" the rejection of a proposal to meet, "sounded hopeful" an
 * optimistic comment. The codes come from the codebook by its own phrases.
 */
export function kindAndCameo(verb: string, clauseText: string): KindAndCameo | undefined {
  const sense = senseOf(verb);
  if (!sense) return undefined;
  const text = clauseText.toLowerCase();
  const phrase = ((): string | undefined => {
    if ((verb === 'hold' || verb === 'meet') && /\b(talks|negotiations)\b/.test(text)) return 'Engage in negotiation';
    if ((verb === 'ask' || verb === 'urge' || verb === 'call' || verb === 'invite') && /\bto (meet|talk|negotiate)\b/.test(text))
      return 'Appeal to others to meet or negotiate';
    if (verb === 'call' && /\bcall(ed|s|ing)? (on|for)\b/.test(text))
      return /\bceasefire|truce|de-?escalat/.test(text) ? 'Appeal for de-escalation of military engagement' : 'Make an appeal or request';
    if ((verb === 'accept' || verb === 'agree') && MEETING_WORDS.test(text)) return 'Express intent to meet or negotiate';
    if ((verb === 'accept' || verb === 'agree') && !/\w/.test(text.replace(/^\W*\w+\W*(accepted|agreed)\W*$/, '')))
      return 'Express intent to meet or negotiate';
    if (['reject', 'decline', 'refuse', 'turn'].includes(verb) && /\b(venue|talks|meeting|negotiations|invitation)\b/.test(text))
      return 'Reject proposal to meet, discuss, or negotiate';
    if (['offer', 'propose', 'suggest'].includes(verb) && MEETING_WORDS.test(text)) return 'Express intent to meet or negotiate';
    if (['sound', 'hint', 'say'].includes(verb) && /\b(hopeful|optimistic|upbeat|confident)\b/.test(text)) return 'Make optimistic comment';
    if (verb === 'lower' || /\b(pessimistic|doubtful|lowered expectations)\b/.test(text)) return 'Make pessimistic comment';
    return sense.cameo;
  })();
  const kind: EventKind =
    (verb === 'hold' || verb === 'meet') && /\b(talks|negotiations)\b/.test(text)
      ? 'talks'
      : verb === 'call' && /\bcall(ed|s|ing)? (on|for)\b/.test(text)
        ? 'proposal'
        : sense.kind;
  const cameo = cameoCodeOf(phrase);
  return { kind, ...(cameo ? { cameo } : {}) };
}
