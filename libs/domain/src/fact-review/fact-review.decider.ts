import { isUuid } from '../catalogue/streams';
import { checkDiplomaticEventFields } from '../diplomatic-event/diplomatic-event-fields';
import { CommandRejected } from '../errors/domain-errors';
import { textProblems } from '../values/nested-values';
import { Problems } from '../values/problems';
import { AcceptFactCandidate, DismissFactCandidate, FactReviewCommand } from './fact-review.commands';
import { FactReviewEvent, isCandidateId } from './fact-review.events';

/** What became of one candidate: accepted as a fact, or dismissed with a reason. A candidate is reviewed once. */
export type CandidateReview =
  | { readonly state: 'accepted'; readonly revision: number; readonly factId: string }
  | { readonly state: 'dismissed'; readonly revision: number; readonly reason: string };

/** A story's fact review: every candidate reviewed so far, by candidate id. */
export interface FactReviewState {
  readonly reviews: Readonly<Record<string, CandidateReview>>;
  /** Stream version: one per review. */
  readonly version: number;
}

export const initialFactReviewState: FactReviewState = { reviews: {}, version: 0 };

/**
 * A candidate that is reviewed already: accepting or dismissing it again records nothing. The
 * service answers the first review again when it is the same decision (docs/fact-finder.md,
 * "Review"), and a 409 naming the first review when it is the other one.
 */
export class CandidateAlreadyReviewed extends CommandRejected {
  constructor(
    readonly candidateId: string,
    readonly review: CandidateReview,
    currentVersion: number,
  ) {
    super(
      review.state === 'accepted'
        ? `fact candidate ${candidateId} was already accepted as fact ${review.factId}`
        : `fact candidate ${candidateId} was dismissed (${JSON.stringify(review.reason)}): it can no longer be accepted`,
      currentVersion,
    );
  }
}

export function decideFactReview(command: FactReviewCommand, state: FactReviewState): FactReviewEvent[] {
  const p = new Problems();
  p.check(isUuid(command.storyId), 'storyId must be a UUID');
  p.check(isCandidateId(command.candidateId), 'candidateId must be a fact candidate id (fc- and 24 hex digits)');
  p.check(Number.isSafeInteger(command.revision) && command.revision >= 1, 'revision must be a revision number from 1');
  if (command.type === 'AcceptFactCandidate') p.check(isUuid(command.factId), 'factId must be a UUID');
  else checkReason(command.reason, p);
  p.throwIfAny();
  const earlier = state.reviews[command.candidateId];
  if (earlier) throw new CandidateAlreadyReviewed(command.candidateId, earlier, state.version);
  return [command.type === 'AcceptFactCandidate' ? accepted(command) : dismissed(command)];
}

function accepted(c: AcceptFactCandidate): FactReviewEvent {
  // The fact was recorded with these fields: a review event must hold nothing the fact could not.
  checkDiplomaticEventFields(c.fields);
  return {
    type: 'FactCandidateAccepted',
    data: {
      storyId: c.storyId.toLowerCase(),
      candidateId: c.candidateId,
      revision: c.revision,
      factId: c.factId.toLowerCase(),
      fields: c.fields,
    },
  };
}

function dismissed(c: DismissFactCandidate): FactReviewEvent {
  return {
    type: 'FactCandidateDismissed',
    data: { storyId: c.storyId.toLowerCase(), candidateId: c.candidateId, revision: c.revision, reason: c.reason },
  };
}

function checkReason(reason: unknown, p: Problems): void {
  p.check(typeof reason === 'string' && reason.trim().length > 0, 'reason must not be empty: say why the candidate is dismissed');
  for (const problem of textProblems(reason, 'reason')) p.add(problem);
}

export function evolveFactReview(state: FactReviewState, event: FactReviewEvent): FactReviewState {
  const d = event.data;
  const review: CandidateReview =
    event.type === 'FactCandidateAccepted'
      ? { state: 'accepted', revision: d.revision, factId: event.data.factId }
      : { state: 'dismissed', revision: d.revision, reason: event.data.reason };
  return { reviews: { ...state.reviews, [d.candidateId]: review }, version: state.version + 1 };
}

export const factReviewDecider = {
  decide: decideFactReview,
  evolve: evolveFactReview,
  initialState: initialFactReviewState,
};
