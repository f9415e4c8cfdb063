import type { FactStatus } from '@dateline/domain';
import { Token } from '../../grammar/token';
import { isModal, isPlannedInfinitive } from '../../grammar/verbish';

const CANCELLED = new Set(['cancel', 'scrap', 'abandon']);
const POSTPONED = new Set(['postpone', 'delay', 'defer', 'reschedule']);
const NEGATIONS = new Set(['not', "n't", 'never']);

/** What the words before a verb say about whether its event happened. */
export interface Modality {
  /** "would", "might", "expected to", "plans to": not yet. */
  readonly expected: boolean;
  /** "not", "never" just before the verb. */
  readonly negated: boolean;
  /** The modal as written, if any. */
  readonly modal?: string;
}

/** The modal and negation among the few words before the verb ("would not come", "might send", "did not attend"). */
export function modalityBefore(tokens: readonly Token[], verb: number, from: number): Modality {
  let modal: string | undefined;
  let negated = false;
  for (let i = Math.max(from, verb - 4); i < verb; i++) {
    if (isModal(tokens[i])) modal = tokens[i].lower;
    if (NEGATIONS.has(tokens[i].lower)) negated = true;
  }
  if (isPlannedInfinitive(tokens, verb)) return { expected: true, negated, modal: tokens[verb - 2].lower };
  return { expected: modal !== undefined, negated, ...(modal ? { modal } : {}) };
}

/**
 * The status a fact gets from the modality of its verb (docs/adr/0013): "expected to", "plans
 * to", "might", "would" (of what others will do) → expected; "did not attend" → did-not-happen;
 * "cancelled", "postponed" by their verbs. A refusal ("said he would not come") is a statement
 * that happened: the reading of the sentence decides that before asking here.
 */
export function statusOf(m: Modality, planned: boolean, verbBase: string): FactStatus {
  if (CANCELLED.has(verbBase)) return 'cancelled';
  if (POSTPONED.has(verbBase)) return 'postponed';
  if (m.negated && !m.expected) return 'did-not-happen';
  if (planned || m.expected) return 'expected';
  return 'happened';
}
