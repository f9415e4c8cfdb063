import type { EventKind } from '@dateline/domain';
import { formIndex } from '../../grammar/verb-forms';

/**
 * What a verb of news writing does to a sentence:
 * - `event`: something happened or will (met, proposed, rejected, shelled);
 * - `speech`: someone said something (said, told, wrote, added); what they said is its content;
 * - `claim`: a party asserts something ("claims", "insists", "alleges"): its content rests on that party;
 * - `plan`: an intention or expectation ("plans to", "intends to", "is expected to"): the verb after it is the event, expected;
 * - `hedge`: an opinion of how things look ("seemed to"): the sentence is a statement, not the event it names.
 */
export type VerbRole = 'event' | 'speech' | 'claim' | 'plan' | 'hedge';

export interface VerbSense {
  readonly role: VerbRole;
  readonly kind: EventKind;
  /** The CAMEO 1.1b3 codebook's own phrase for the act (cameo-codebook.ts), looked up by name. */
  readonly cameo?: string;
}

const CONSULT = 'Consult';
const NEGOTIATE = 'Engage in negotiation';
const APPEAL = 'Make an appeal or request';
const INTENT_TO_MEET = 'Express intent to meet or negotiate';
const STATEMENT = 'Make statement';

/** Our own reading of news verbs, each tied to the codebook phrase that names the act. */
export const VERB_LEXICON: Readonly<Record<string, VerbSense>> = {
  negotiate: { role: 'event', kind: 'talks', cameo: NEGOTIATE },
  sit: { role: 'event', kind: 'talks', cameo: NEGOTIATE },
  meet: { role: 'event', kind: 'meeting', cameo: CONSULT },
  hold: { role: 'event', kind: 'meeting', cameo: CONSULT },
  host: { role: 'event', kind: 'meeting', cameo: 'Host a visit' },
  visit: { role: 'event', kind: 'other', cameo: 'Make a visit' },
  travel: { role: 'event', kind: 'other', cameo: 'Make a visit' },
  land: { role: 'event', kind: 'other', cameo: 'Make a visit' },
  arrive: { role: 'event', kind: 'other', cameo: 'Make a visit' },
  attend: { role: 'event', kind: 'meeting', cameo: CONSULT },
  call: { role: 'event', kind: 'other', cameo: 'Discuss by telephone' },
  phone: { role: 'event', kind: 'other', cameo: 'Discuss by telephone' },
  urge: { role: 'event', kind: 'proposal', cameo: APPEAL },
  appeal: { role: 'event', kind: 'proposal', cameo: APPEAL },
  ask: { role: 'event', kind: 'proposal', cameo: APPEAL },
  invite: { role: 'event', kind: 'proposal', cameo: 'Appeal to others to meet or negotiate' },
  request: { role: 'event', kind: 'proposal', cameo: APPEAL },
  suggest: { role: 'event', kind: 'proposal', cameo: INTENT_TO_MEET },
  propose: { role: 'event', kind: 'proposal' },
  offer: { role: 'event', kind: 'proposal' },
  present: { role: 'event', kind: 'proposal' },
  raise: { role: 'event', kind: 'proposal' },
  accept: { role: 'event', kind: 'agreement', cameo: 'Express accord' },
  agree: { role: 'event', kind: 'agreement', cameo: 'Express accord' },
  sign: { role: 'event', kind: 'agreement', cameo: 'Sign formal agreement' },
  reject: { role: 'event', kind: 'rejection', cameo: 'Reject' },
  decline: { role: 'event', kind: 'rejection', cameo: 'Reject' },
  refuse: { role: 'event', kind: 'rejection', cameo: 'Reject' },
  turn: { role: 'event', kind: 'rejection', cameo: 'Reject' },
  accuse: { role: 'event', kind: 'accusation', cameo: 'Accuse' },
  blame: { role: 'event', kind: 'accusation', cameo: 'Accuse' },
  derail: { role: 'event', kind: 'accusation', cameo: 'Accuse' },
  undermine: { role: 'event', kind: 'accusation', cameo: 'Accuse' },
  criticise: { role: 'event', kind: 'accusation', cameo: 'Criticize or denounce' },
  criticize: { role: 'event', kind: 'accusation', cameo: 'Criticize or denounce' },
  denounce: { role: 'event', kind: 'accusation', cameo: 'Criticize or denounce' },
  condemn: { role: 'event', kind: 'accusation', cameo: 'Criticize or denounce' },
  deny: { role: 'speech', kind: 'statement', cameo: 'Deny responsibility' },
  appoint: { role: 'event', kind: 'appointment' },
  nominate: { role: 'event', kind: 'appointment' },
  put: { role: 'event', kind: 'appointment' },
  approve: { role: 'event', kind: 'other' },
  overrule: { role: 'event', kind: 'other' },
  send: { role: 'event', kind: 'other' },
  open: { role: 'event', kind: 'statement' },
  withdraw: { role: 'event', kind: 'other', cameo: 'Expel or withdraw' },
  shell: { role: 'event', kind: 'other', cameo: 'Fight with artillery and tanks' },
  attack: { role: 'event', kind: 'other', cameo: 'Use conventional military force' },
  strike: { role: 'event', kind: 'other', cameo: 'Use conventional military force' },
  bomb: { role: 'event', kind: 'other', cameo: 'Employ aerial weapons' },
  move: { role: 'event', kind: 'other' },
  speak: { role: 'event', kind: 'other', cameo: CONSULT },
  talk: { role: 'event', kind: 'other', cameo: CONSULT },
  discuss: { role: 'event', kind: 'meeting', cameo: CONSULT },
  mediate: { role: 'event', kind: 'meeting', cameo: 'Mediate' },
  demand: { role: 'event', kind: 'proposal', cameo: 'Demand' },
  drop: { role: 'event', kind: 'other', cameo: 'Yield' },
  abandon: { role: 'event', kind: 'other', cameo: 'Yield' },
  release: { role: 'event', kind: 'other', cameo: 'Return, release person(s)' },
  free: { role: 'event', kind: 'other', cameo: 'Return, release person(s)' },
  exchange: { role: 'event', kind: 'agreement' },
  swap: { role: 'event', kind: 'agreement' },
  take: { role: 'event', kind: 'other' },
  collapse: { role: 'event', kind: 'other' },
  suspend: { role: 'event', kind: 'other', cameo: 'Halt negotiations' },
  halt: { role: 'event', kind: 'other', cameo: 'Halt negotiations' },
  resume: { role: 'event', kind: 'talks', cameo: NEGOTIATE },
  threaten: { role: 'event', kind: 'statement', cameo: 'Threaten' },
  declare: { role: 'event', kind: 'statement', cameo: STATEMENT },
  impose: { role: 'event', kind: 'other', cameo: 'Impose embargo, boycott, or sanctions' },
  lift: { role: 'event', kind: 'other', cameo: 'Ease economic sanctions, boycott, embargo' },
  expel: { role: 'event', kind: 'other', cameo: 'Expel or deport individuals' },
  arrest: { role: 'event', kind: 'other', cameo: 'Arrest, detain, or charge with legal action' },
  detain: { role: 'event', kind: 'other', cameo: 'Arrest, detain, or charge with legal action' },
  kill: { role: 'event', kind: 'other', cameo: 'Kill by physical assault' },
  invade: { role: 'event', kind: 'other', cameo: 'Use conventional military force' },
  occupy: { role: 'event', kind: 'other', cameo: 'Occupy territory' },
  resign: { role: 'event', kind: 'other' },
  elect: { role: 'event', kind: 'appointment' },
  praise: { role: 'event', kind: 'statement', cameo: 'Praise or endorse' },
  apologise: { role: 'event', kind: 'statement', cameo: 'Apologize' },
  apologize: { role: 'event', kind: 'statement', cameo: 'Apologize' },
  promise: { role: 'event', kind: 'statement', cameo: STATEMENT },
  pledge: { role: 'event', kind: 'statement', cameo: STATEMENT },
  vow: { role: 'event', kind: 'statement', cameo: STATEMENT },
  sound: { role: 'event', kind: 'statement', cameo: STATEMENT },
  lower: { role: 'event', kind: 'statement', cameo: STATEMENT },
  cast: { role: 'claim', kind: 'statement', cameo: STATEMENT },
  say: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  tell: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  write: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  add: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  hint: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  judge: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  note: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  state: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  announce: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  warn: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  stress: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  report: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  confirm: { role: 'speech', kind: 'statement', cameo: STATEMENT },
  claim: { role: 'claim', kind: 'statement', cameo: STATEMENT },
  allege: { role: 'claim', kind: 'statement', cameo: STATEMENT },
  insist: { role: 'claim', kind: 'statement', cameo: STATEMENT },
  plan: { role: 'plan', kind: 'other' },
  intend: { role: 'plan', kind: 'other' },
  expect: { role: 'plan', kind: 'other' },
  hope: { role: 'plan', kind: 'other' },
  seem: { role: 'hedge', kind: 'statement', cameo: STATEMENT },
  appear: { role: 'hedge', kind: 'statement', cameo: STATEMENT },
};

const FORMS = formIndex(Object.keys(VERB_LEXICON));
/** Speech acts that accuse: their fact rests on the accuser, who is on the record. */
export const ACCUSING = new Set(['accuse', 'blame', 'criticise', 'criticize', 'denounce', 'condemn']);

/** The base verb a word form belongs to, when the lexicon knows it. */
export function lexiconVerb(word: string): string | undefined {
  return FORMS.get(word.toLowerCase());
}

export function senseOf(base: string): VerbSense | undefined {
  return VERB_LEXICON[base];
}
