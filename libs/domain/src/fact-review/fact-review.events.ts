import Type, { type Static } from 'typebox';
import { closedObject, nonEmptyText, text, uuid } from '../catalogue/schema-parts';
import { DiplomaticEventFieldsSchema } from '../diplomatic-event/diplomatic-event-fields';

/** A fact candidate's id, as the fact finder makes it (libs/fact-finder/src/candidate-id.ts). */
export const CANDIDATE_ID_PATTERN = '^fc-[0-9a-f]{24}$';

export const isCandidateId = (value: unknown): value is string => typeof value === 'string' && new RegExp(CANDIDATE_ID_PATTERN).test(value);

const candidate = {
  storyId: uuid(),
  candidateId: text({ pattern: CANDIDATE_ID_PATTERN }),
  /** The revision whose candidate was reviewed (the revision its evidence points into). */
  revision: Type.Integer({ minimum: 1 }),
};

/**
 * The data of `FactCandidateAccepted`: an editor accepted a fact candidate of a story, perhaps
 * edited, and the fact was recorded as `factId` (a diplomatic event, with its provenance).
 * `fields` are the fields as recorded, the editor's edits included.
 */
export const FactCandidateAcceptedData = closedObject({
  ...candidate,
  factId: uuid(),
  fields: DiplomaticEventFieldsSchema,
});

/** The data of `FactCandidateDismissed`: an editor dismissed a fact candidate, saying why. */
export const FactCandidateDismissedData = closedObject({ ...candidate, reason: nonEmptyText() });

export interface FactCandidateAccepted {
  readonly type: 'FactCandidateAccepted';
  readonly data: Static<typeof FactCandidateAcceptedData>;
}

export interface FactCandidateDismissed {
  readonly type: 'FactCandidateDismissed';
  readonly data: Static<typeof FactCandidateDismissedData>;
}

/** The events of a story's fact review stream (`fact-review-<story id>`). */
export type FactReviewEvent = FactCandidateAccepted | FactCandidateDismissed;
