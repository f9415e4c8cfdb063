import { DiplomaticEventFields } from '../diplomatic-event/diplomatic-event-fields';

/** Records that a candidate was accepted; the fact itself was recorded first, as `factId`. */
export interface AcceptFactCandidate {
  readonly type: 'AcceptFactCandidate';
  readonly storyId: string;
  readonly candidateId: string;
  readonly revision: number;
  readonly factId: string;
  readonly fields: DiplomaticEventFields;
}

export interface DismissFactCandidate {
  readonly type: 'DismissFactCandidate';
  readonly storyId: string;
  readonly candidateId: string;
  readonly revision: number;
  readonly reason: string;
}

export type FactReviewCommand = AcceptFactCandidate | DismissFactCandidate;
