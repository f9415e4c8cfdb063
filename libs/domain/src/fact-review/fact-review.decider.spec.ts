import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '../testing/decider-specification';
import { factFields } from '../testing/fact-fields';
import { diplomaticEventDecider } from '../diplomatic-event/diplomatic-event.decider';
import { CommandRejected, InvalidInput } from '../errors/domain-errors';
import { CandidateAlreadyReviewed, factReviewDecider } from './fact-review.decider';
import { FactCandidateAccepted, FactCandidateDismissed } from './fact-review.events';

const storyId = '3f1c1f7e-9a55-4a57-9d0f-5c0a2e1e4c11';
const factId = '9b2e8d0a-3c1b-4f6e-8a7d-2e5f1c0b9a88';
const candidateId = 'fc-0123456789abcdef01234567';
const spec = DeciderSpecification.for(factReviewDecider);
const fields = factFields({ storyIds: [storyId] });
const accepted: FactCandidateAccepted = { type: 'FactCandidateAccepted', data: { storyId, candidateId, revision: 2, factId, fields } };
const dismissed: FactCandidateDismissed = {
  type: 'FactCandidateDismissed',
  data: { storyId, candidateId, revision: 2, reason: 'an expectation, not an event' },
};

describe('fact review decider', () => {
  it('records an acceptance with the fact it became, and a dismissal with its reason', () => {
    spec.given([]).when({ type: 'AcceptFactCandidate', storyId, candidateId, revision: 2, factId, fields }).then([accepted]);
    spec
      .given([])
      .when({ type: 'DismissFactCandidate', storyId, candidateId, revision: 2, reason: 'an expectation, not an event' })
      .then([dismissed]);
  });

  it('refuses a dismissal without a reason, naming it, and malformed ids', () => {
    spec
      .given([])
      .when({ type: 'DismissFactCandidate', storyId, candidateId, revision: 2, reason: '  ' })
      .thenThrows(InvalidInput, /reason must not be empty/);
    const thrown = spec
      .given([])
      .when({ type: 'DismissFactCandidate', storyId: 'x', candidateId: 'fc-1', revision: 0, reason: 'r' })
      .thenThrows(InvalidInput) as InvalidInput;
    expect(thrown.problems).toEqual([
      'storyId must be a UUID',
      'candidateId must be a fact candidate id (fc- and 24 hex digits)',
      'revision must be a revision number from 1',
    ]);
  });

  it('reviews a candidate once: a second review is refused, naming the first', () => {
    const again = spec
      .given([accepted])
      .when({ type: 'AcceptFactCandidate', storyId, candidateId, revision: 2, factId, fields })
      .thenThrows(CandidateAlreadyReviewed, new RegExp(`already accepted as fact ${factId}`)) as CandidateAlreadyReviewed;
    expect(again.review).toEqual({ state: 'accepted', revision: 2, factId });
    expect(again).toBeInstanceOf(CommandRejected);
    spec
      .given([dismissed])
      .when({ type: 'AcceptFactCandidate', storyId, candidateId, revision: 2, factId, fields })
      .thenThrows(CandidateAlreadyReviewed, /was dismissed \("an expectation, not an event"\)/);
    spec
      .given([accepted])
      .when({ type: 'DismissFactCandidate', storyId, candidateId, revision: 2, reason: 'r' })
      .thenThrows(CandidateAlreadyReviewed, /already accepted/);
  });

  it('other candidates of the story stay open', () => {
    const other = 'fc-76543210fedcba9876543210';
    expect(
      factReviewDecider.decide(
        { type: 'DismissFactCandidate', storyId, candidateId: other, revision: 3, reason: 'r' },
        factReviewDecider.evolve(factReviewDecider.initialState, accepted),
      ),
    ).toHaveLength(1);
  });
});

describe('provenance of a recorded fact', () => {
  const record = (provenance: { storyId: string; revision: number; paragraph: number; start: number; end: number }, storyIds = [storyId]) =>
    diplomaticEventDecider.decide(
      { type: 'RecordDiplomaticEvent', eventId: factId, fields: { ...factFields({ storyIds }) }, provenance },
      diplomaticEventDecider.initialState,
    );

  it('is kept on the recorded fact, its story in lower case', () => {
    const [event] = record({ storyId: storyId.toUpperCase(), revision: 2, paragraph: 4, start: 10, end: 42 });
    expect(event.type === 'DiplomaticEventRecorded' && event.data.provenance).toEqual({
      storyId,
      revision: 2,
      paragraph: 4,
      start: 10,
      end: 42,
    });
  });

  it('names a story of the fact and a span of words', () => {
    expect(() => record({ storyId, revision: 2, paragraph: 4, start: 10, end: 10 })).toThrow(
      /provenance.end must be an offset after provenance.start/,
    );
    expect(() => record({ storyId, revision: 2, paragraph: 4, start: 0, end: 5 }, [])).toThrow(
      /provenance.storyId .* must be one of storyIds/,
    );
  });

  it('survives an amendment unchanged', () => {
    const recorded = record({ storyId, revision: 2, paragraph: 4, start: 10, end: 42 });
    const state = recorded.reduce(diplomaticEventDecider.evolve, diplomaticEventDecider.initialState);
    const amended = diplomaticEventDecider.decide(
      { type: 'AmendDiplomaticEvent', eventId: factId, expectedVersion: 1, changes: { title: 'Delegations meet again' }, reason: 'r' },
      state,
    );
    const after = amended.reduce(diplomaticEventDecider.evolve, state);
    expect((after.fields as unknown as { provenance: unknown }).provenance).toEqual({
      storyId,
      revision: 2,
      paragraph: 4,
      start: 10,
      end: 42,
    });
  });
});
