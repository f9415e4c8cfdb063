import type { AttributedSource, EventKind, FactStatus } from '@dateline/domain';
import { AnalysedParagraph, Sentence } from '../text/analyse';
import { Clause } from '../grammar/clauses';
import { TokenRange } from '../grammar/token';

/**
 * How a clause reads as a fact:
 * - `event`: something happened or is expected (met, proposed, rejected, "might send");
 * - `statement`: someone said something; its participant is who said it;
 * - `continuation`: "He added: '…'": more words of a statement read just before, no fact of its own.
 * Background facts a phrase names ("since 2022") are not readings: find-candidates.ts adds them.
 */
export type ReadingRole = 'event' | 'statement' | 'continuation';

/** One fact a sentence proposes, before dates, participants and ids are worked out. */
export interface FactReading {
  readonly paragraph: AnalysedParagraph;
  readonly sentence: Sentence;
  readonly clause: Clause;
  readonly role: ReadingRole;
  readonly kind: EventKind;
  readonly cameo?: string;
  readonly status: FactStatus;
  /** The tokens the fact rests on: its evidence. */
  readonly evidence: TokenRange;
  /** Who acts: the subject of the event, or who makes the statement. */
  readonly actor?: TokenRange;
  /** The speaker, for statements and for what a speaker reports; resolved from "he"/"she" when needed. */
  readonly speaker?: SpeakerRef;
  /** Where its participants are named (besides the actor), and what in there is not theirs. */
  readonly participantRange?: TokenRange;
  /** Where its date phrases are; those in `aboutRange` are dates it is about. */
  readonly dateRange: TokenRange;
  /** Parts of `dateRange` that belong to a relative clause of their own ("Umerov, who earlier in the day met …, said"). */
  readonly holes?: readonly TokenRange[];
  readonly aboutRange?: TokenRange;
  readonly sources: readonly AttributedSource[];
  /** For a fact of a subordinate clause ("before it landed in Dubai"): the order against the reading it hangs on. */
  readonly orderedAgainst?: { readonly reading: number; readonly relation: 'before' | 'after' };
  /** It concerns the story's main event as such ("would open it", "during the talks"): the same day. */
  readonly onMainEventDay?: boolean;
  /** "The meeting came about after Moscow suggested …": its order against the story's main event, from the clause it hangs on. */
  readonly mainEventOrder?: 'before' | 'after';
  /** It answers an earlier fact: accepts, rejects, turns down or denies it ("Russia has turned the proposal down"). */
  readonly response?: 'proposal' | 'claim';
  /** The next sentence lists who took part ("Ukraine sent …; the U.S. side included …"): its people are the participants. */
  readonly roster?: TokenRange;
  /** Its verb, for titles and kind refinements. */
  readonly verb?: number;
}

export interface SpeakerRef {
  readonly name: string;
  readonly kind: 'person' | 'country' | 'outlet' | 'unnamed' | 'other';
  readonly country?: string;
  /** The tokens that name the speaker in this sentence (undefined when only a pronoun does). */
  readonly range?: TokenRange;
  /** Only a pronoun names the speaker here. */
  readonly pronoun: boolean;
}
