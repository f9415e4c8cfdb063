import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  CandidateAlreadyReviewed,
  DiplomaticEventFields,
  diplomaticEventStream,
  factReviewDecider,
  FactReviewEvent,
  FactReviewState,
  factReviewStream,
  RecordDiplomaticEvent,
  upcast,
} from '@dateline/domain';
import { WrongExpectedVersion } from '@dateline/event-store';
import type { EventStore, RecordedEvent } from '@dateline/event-store';
import { FactCandidatesQueries, FactCandidateView } from '@dateline/projections';
import { RecordDiplomaticEventCommand } from '../diplomatic-events/commands/record-diplomatic-event/record-diplomatic-event.command';
import { EVENT_STORE } from '../storage/storage.tokens';
import { storyNotFound } from '../stories/story-addresses';
import { WriteContext } from '../writing/write-context';
import { acceptedFactId } from './accepted-fact-id';
import { ReviewFactCandidateCommand } from './commands/review-fact-candidate/review-fact-candidate.command';

/** The fields an editor accepts a candidate with: those of POST /diplomatic-events, validated by its DTO. */
export type AcceptedFields = RecordDiplomaticEvent['fields'];

/** What a review answers: the candidate's state, its fact, and where the review is in the log. */
export interface ReviewAnswer {
  readonly candidateId: string;
  readonly revision: number;
  readonly state: 'accepted' | 'dismissed';
  readonly factId?: string;
  readonly reason?: string;
  /** The fact-review stream's version after the review. */
  readonly version: number;
  /** The review event's log position: a read with `minPosition` sees it. */
  readonly position: number;
  /** False when the candidate had this review already: nothing was recorded (a 200, not a 201). */
  readonly created: boolean;
}

/**
 * Accepting and dismissing fact candidates (issue 18, docs/fact-finder.md "Review"), for the API
 * and the desk alike. An acceptance records the fact through the write path of POST
 * /diplomatic-events (its command and handler: the same checks, the same event), under an id
 * derived from the candidate, then records the review. So accepting twice, or again after a
 * crash between the two appends, finds the fact and records one.
 */
@Injectable()
export class FactCandidateReviews {
  constructor(
    private readonly commands: CommandBus,
    private readonly candidates: FactCandidatesQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The candidate as the read model has it: a 404 naming the story or the candidate when there is none. */
  async candidate(storyId: string, candidateId: string, address = storyId): Promise<FactCandidateView> {
    const candidate = await this.candidates.candidate(storyId, candidateId);
    if (candidate) return candidate;
    if ((await this.candidates.revisions(storyId)).length === 0) throw storyNotFound(address);
    throw new NotFoundException(`story ${JSON.stringify(address)} has no fact candidate ${JSON.stringify(candidateId)}`);
  }

  async accept(storyId: string, candidateId: string, edited: AcceptedFields, ctx: WriteContext, address = storyId): Promise<ReviewAnswer> {
    const candidate = await this.candidate(storyId, candidateId, address);
    const retracts = candidate.flags.find((f) => f.flag === 'retracts');
    if (retracts)
      throw new ConflictException(
        `fact candidate ${candidateId} proposes retracting fact ${retracts.fact}, not a new fact: retract it (POST /diplomatic-events/${retracts.fact}/retraction) and dismiss the candidate`,
      );
    const earlier = await this.earlierReview(storyId, candidateId);
    if (earlier) return earlier;
    const factId = acceptedFactId(storyId, candidateId);
    const fields = await this.recordFact(storyId, factId, candidate, edited, inner(ctx));
    try {
      const result = await this.commands.execute(
        new ReviewFactCandidateCommand(
          { type: 'AcceptFactCandidate', storyId, candidateId, revision: candidate.revision, factId, fields },
          inner(ctx),
        ),
      );
      return {
        candidateId,
        revision: candidate.revision,
        state: 'accepted',
        factId,
        version: result.version,
        position: result.position,
        created: true,
      };
    } catch (err) {
      // Another accept of the same candidate got there first: its answer is ours too.
      const raced = isRace(err) ? await this.earlierReview(storyId, candidateId) : undefined;
      if (raced?.state === 'accepted') return raced;
      throw err;
    }
  }

  async dismiss(storyId: string, candidateId: string, reason: string, ctx: WriteContext, address = storyId): Promise<ReviewAnswer> {
    const candidate = await this.candidate(storyId, candidateId, address);
    const earlier = await this.earlierReview(storyId, candidateId, 'dismissed');
    if (earlier) return earlier;
    try {
      const result = await this.commands.execute(
        new ReviewFactCandidateCommand(
          { type: 'DismissFactCandidate', storyId, candidateId, revision: candidate.revision, reason },
          inner(ctx),
        ),
      );
      return {
        candidateId,
        revision: candidate.revision,
        state: 'dismissed',
        reason,
        version: result.version,
        position: result.position,
        created: true,
      };
    } catch (err) {
      const raced = isRace(err) ? await this.earlierReview(storyId, candidateId, 'dismissed') : undefined;
      if (raced?.state === 'dismissed') return raced;
      throw err;
    }
  }

  /**
   * The candidate's review in its story's fact-review stream, the one truth about it (the read
   * model may lag): the same decision again answers the first one (`created: false`); the other
   * decision is a 409 naming the first (CandidateAlreadyReviewed).
   */
  private async earlierReview(
    storyId: string,
    candidateId: string,
    wanted: 'accepted' | 'dismissed' = 'accepted',
  ): Promise<ReviewAnswer | undefined> {
    const records = await this.store.readStream(factReviewStream(storyId));
    let state: FactReviewState = factReviewDecider.initialState;
    let at: RecordedEvent | undefined;
    for (const r of records) {
      state = factReviewDecider.evolve(state, upcast(r.type, r.schemaVersion, r.data) as FactReviewEvent);
      if ((r.data as { candidateId?: string }).candidateId === candidateId) at = r;
    }
    const review = state.reviews[candidateId];
    if (!review || !at) return undefined;
    if (review.state !== wanted) throw new CandidateAlreadyReviewed(candidateId, review, state.version);
    const common = { candidateId, revision: review.revision, version: at.streamVersion, position: at.position, created: false };
    return review.state === 'accepted'
      ? { ...common, state: 'accepted', factId: review.factId }
      : { ...common, state: 'dismissed', reason: review.reason };
  }

  /**
   * Records the accepted fact unless it is there already (a retry), and answers its fields as
   * recorded: its story always among its storyIds, its provenance the candidate's evidence, and
   * its editorial time the revision's unless the editor gives one.
   */
  private async recordFact(
    storyId: string,
    factId: string,
    candidate: FactCandidateView,
    edited: AcceptedFields,
    ctx: WriteContext,
  ): Promise<DiplomaticEventFields> {
    const existing = await this.recordedFields(factId);
    if (existing) return existing;
    const storyIds = edited.storyIds ?? [];
    const input: RecordDiplomaticEvent = {
      type: 'RecordDiplomaticEvent',
      eventId: factId,
      fields: {
        ...edited,
        storyIds: storyIds.some((id) => typeof id === 'string' && id.toLowerCase() === storyId) ? storyIds : [...storyIds, storyId],
        ...(edited.publishedAt === undefined ? { publishedAt: await this.revisionPublishedAt(storyId, candidate.revision) } : {}),
      },
      provenance: {
        storyId,
        revision: candidate.revision,
        paragraph: candidate.evidence.paragraph,
        start: candidate.evidence.start,
        end: candidate.evidence.end,
      },
    };
    try {
      await this.commands.execute(new RecordDiplomaticEventCommand(input, ctx));
    } catch (err) {
      // A concurrent accept recorded it first (the stream was no longer empty): that fact is the one.
      if (!(err instanceof WrongExpectedVersion)) throw err;
    }
    const recorded = await this.recordedFields(factId);
    if (!recorded) throw new Error(`fact ${factId} was recorded but cannot be read back`);
    return recorded;
  }

  /** The fields a fact was recorded with (its first event), undefined when there is no such fact. */
  private async recordedFields(factId: string): Promise<DiplomaticEventFields | undefined> {
    const [first] = await this.store.readStream(diplomaticEventStream(factId));
    if (!first) return undefined;
    const event = upcast(first.type, first.schemaVersion, first.data);
    if (event.type !== 'DiplomaticEventRecorded') throw new Error(`fact ${factId} starts with ${event.type}`);
    const { eventId: _id, publishedAt: _published, provenance: _provenance, ...fields } = event.data;
    return fields;
  }

  private async revisionPublishedAt(storyId: string, revision: number): Promise<string | undefined> {
    return (await this.candidates.revisions(storyId)).find((r) => r.revision === revision)?.publishedAt;
  }
}

/** The context of the appends an acceptance makes: the request's, without its Idempotency-Key (the candidate is the key). */
function inner(ctx: WriteContext): WriteContext {
  return { principal: ctx.principal, correlationId: ctx.correlationId };
}

function isRace(err: unknown): boolean {
  return err instanceof WrongExpectedVersion || err instanceof CandidateAlreadyReviewed;
}
