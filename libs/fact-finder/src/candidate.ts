import type { AboutDate, AttributedSource, EventKind, FactDate, FactRelation, FactStatus, Participant, Quote } from '@dateline/domain';

/** What the fact finder reads: one revision of a story, and what the desk already knows about the story. */
export interface FindCandidatesInput {
  readonly storyId: string;
  /** The revision's number; candidates' evidence points into this revision. */
  readonly revision: number;
  /** The revision's editorial time (an RFC 3339 instant): relative dates ("this week", "on Friday") are read from it. */
  readonly publishedAt: string;
  /** The newsroom's IANA zone, whose calendar "today" and the weekdays are in. Default UTC. */
  readonly zone?: string;
  /** The revision's body: paragraphs are separated by blank lines. */
  readonly text: string;
  /** The body of the revision before, if any: only sentences this one adds or changes give candidates. */
  readonly previousText?: string;
  /** Facts an editor already accepted for the story, for duplicates, amendments, retractions and relations. */
  readonly acceptedFacts?: readonly AcceptedFact[];
}

/** A fact the desk already recorded from this story. */
export interface AcceptedFact {
  readonly id: string;
  readonly title: string;
  readonly when: FactDate;
  readonly participants: readonly Pick<Participant, 'name'>[];
  /**
   * Where it came from. `start`/`end` are read in `previousText` unless `text` (the evidence's own
   * words) is given, so a fact accepted from an older revision still finds its sentence.
   */
  readonly evidence?: { readonly revision: number; readonly start: number; readonly end: number; readonly text?: string };
}

/** The words a candidate rests on: a character span of the revision's text. */
export interface Evidence {
  readonly revision: number;
  /** Paragraph number, from 1. */
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  /** text.slice(start, end) of the revision. */
  readonly text: string;
  /** The whole sentence the span lies in (the span itself when it is the sentence). */
  readonly sentence: { readonly start: number; readonly end: number };
}

/**
 * The fields the finder proposes, in the vocabulary of diplomatic events v2
 * (libs/domain/src/diplomatic-event/diplomatic-event-fields.ts). Relations name other candidates
 * of the same call or accepted facts by id.
 */
export interface ProposedFact {
  readonly title: string;
  readonly kind: EventKind;
  readonly when: FactDate;
  readonly status: FactStatus;
  readonly relations: readonly FactRelation[];
  readonly about: readonly AboutDate[];
  readonly participants: readonly Participant[];
  readonly sources: readonly AttributedSource[];
  readonly quotes: readonly Quote[];
  readonly cameoCode?: string;
}

export type CandidateFlag =
  /** Participants and possible days overlap an accepted fact's: the editor may already have it. */
  | { readonly flag: 'possible-duplicate'; readonly fact: string }
  /** A changed sentence carries the evidence of an accepted fact: propose an amendment of that fact. */
  | { readonly flag: 'amends'; readonly fact: string }
  /** The sentence an accepted fact rests on is gone from the revision: propose a retraction, with a public note. */
  | { readonly flag: 'retracts'; readonly fact: string; readonly removedSentence: string };

export interface Candidate {
  /** Stable: a hash of the story id and the normalised evidence (candidate-id.ts). Re-running or rebuilding gives the same id. */
  readonly id: string;
  readonly evidence: Evidence;
  readonly proposed: ProposedFact;
  /** 0..1: how many of the rules that make a fact found something to go on (confidence.ts). */
  readonly confidence: number;
  readonly flags: readonly CandidateFlag[];
}
