import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CANDIDATE_ID_PATTERN, EVENT_KINDS, FACT_RELATIONS, FACT_STATUSES, REVISION_NUMBER } from '@dateline/domain';
// Types only: the swc transform of the specs would otherwise emit their names as decorator metadata values.
import type { EventKind, FactDate, FactStatus } from '@dateline/domain';
import { AboutDateDto, AttributedSourceDto, FactDateDto } from '../diplomatic-events/dto/date-knowledge.dto';
import { ParticipantDto, QuoteDto } from '../diplomatic-events/dto/diplomatic-event-parts.dto';
import { IsDecimalInteger, IsStorableText } from '../http/domain-validators';
import { ConsistencyQueryDto, pageCursor, pageLimit, PageQuery } from '../reading/read-query.dto';

/** GET /stories/:id/fact-candidates: of one revision when asked, in pages. */
export class FactCandidatesQueryDto extends ConsistencyQueryDto implements PageQuery {
  @ApiPropertyOptional({
    type: Number,
    minimum: REVISION_NUMBER.min,
    maximum: REVISION_NUMBER.max,
    description: 'Only the candidates of this revision. Decimal digits only.',
  })
  @IsOptional()
  @IsDecimalInteger(REVISION_NUMBER)
  revision?: number;
  @pageLimit() limit?: number;
  @pageCursor() cursor?: string;
}

/** POST …/dismissal: why the candidate is no fact to record. */
export class DismissalDto {
  @ApiProperty({ maxLength: 1000, example: 'An expectation, not an event' })
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty: say why the candidate is dismissed' })
  @MaxLength(1000)
  @IsStorableText()
  reason: string;
}

class EvidenceSpanDto {
  @ApiProperty() start: number;
  @ApiProperty() end: number;
}

export class EvidenceDto {
  @ApiProperty({ description: 'The revision whose body the span is in.' }) revision: number;
  @ApiProperty({ description: 'Its paragraph, from 1.' }) paragraph: number;
  @ApiProperty({ description: 'Where the words start in the body (UTF-16 code units).' }) start: number;
  @ApiProperty({ description: 'Where they end (exclusive). Equal to start for a retraction: the words are gone.' }) end: number;
  @ApiProperty({ description: 'The words: body.slice(start, end).' }) text: string;
  @ApiProperty({ type: EvidenceSpanDto, description: 'The whole sentence the words are in.' }) sentence: EvidenceSpanDto;
}

/** A proposed order against another candidate or an accepted fact. */
export class ProposedRelationDto {
  @ApiProperty({ enum: FACT_RELATIONS }) relation: string;
  @ApiProperty({ description: 'Another candidate of the story (`fc-…`) or an accepted fact (a UUID).' }) fact: string;
}

/** The fields the fact finder proposes, in the vocabulary of POST /diplomatic-events. */
export class ProposedFactDto {
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: EventKind;
  @ApiProperty({ type: FactDateDto }) when: FactDate;
  @ApiProperty({ enum: FACT_STATUSES }) status: FactStatus;
  @ApiProperty({
    type: [ProposedRelationDto],
    description:
      'Order against other candidates (`fc-…`) or accepted facts (UUIDs): accept the related candidate first, then name its fact.',
  })
  relations: ProposedRelationDto[];
  @ApiProperty({ type: [AboutDateDto] }) about: AboutDateDto[];
  @ApiProperty({ type: [ParticipantDto] }) participants: ParticipantDto[];
  @ApiProperty({ type: [AttributedSourceDto] }) sources: AttributedSourceDto[];
  @ApiProperty({ type: [QuoteDto] }) quotes: QuoteDto[];
  @ApiPropertyOptional({ example: '046' }) cameoCode?: string;
}

export class CandidateFlagDto {
  @ApiProperty({
    enum: ['possible-duplicate', 'amends', 'retracts'],
    description:
      '`possible-duplicate`: an accepted fact has overlapping participants and days; `amends`: the changed sentence carries an accepted fact (amend it); `retracts`: the sentence an accepted fact rests on is gone (retract it).',
  })
  flag: string;
  @ApiProperty({ format: 'uuid', description: 'The accepted fact concerned.' }) fact: string;
  @ApiPropertyOptional({ description: '`retracts`: the sentence that is gone.' }) removedSentence?: string;
}

export class CandidateReviewDto {
  @ApiProperty({ enum: ['open', 'accepted', 'dismissed'] }) state: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'accepted: the fact recorded.' }) factId?: string;
  @ApiPropertyOptional({ description: 'dismissed: why.' }) reason?: string;
  @ApiPropertyOptional({ description: 'Who reviewed it.' }) editor?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'When the review was recorded.' }) recordedAt?: string;
}

export class FactCandidateDto {
  @ApiProperty({ pattern: CANDIDATE_ID_PATTERN, description: 'Stable: the same words of the same story give the same id.' }) id: string;
  @ApiProperty({ description: 'The revision that proposed it.' }) revision: number;
  @ApiProperty({ type: EvidenceDto }) evidence: EvidenceDto;
  @ApiProperty({ type: ProposedFactDto }) proposed: ProposedFactDto;
  @ApiProperty({ minimum: 0, maximum: 1, description: 'How many of the rules that make a fact found something to go on.' })
  confidence: number;
  @ApiProperty({ type: [CandidateFlagDto] }) flags: CandidateFlagDto[];
  @ApiProperty({ type: CandidateReviewDto }) review: CandidateReviewDto;
}

export class FactCandidatesDto {
  @ApiProperty({ format: 'uuid', description: 'The story.' }) id: string;
  @ApiProperty({ description: "The read models' log position this answer reflects.", example: 12353537 }) position: number;
  @ApiPropertyOptional({ description: 'The revision asked for.' }) revision?: number;
  @ApiProperty({ type: [FactCandidateDto], description: 'By revision, then in the order of the text.' }) candidates: FactCandidateDto[];
  @ApiPropertyOptional({
    description: 'When more follow: the cursor of the next page (pass it as `cursor`); the `Link` header has its URL.',
  })
  next?: string;
}

export class ReviewResponseDto {
  @ApiProperty({ pattern: CANDIDATE_ID_PATTERN }) candidateId: string;
  @ApiProperty({ description: 'The revision whose candidate was reviewed.' }) revision: number;
  @ApiProperty({ enum: ['accepted', 'dismissed'] }) state: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'accepted: the fact recorded, the same for every accept of the candidate.' })
  factId?: string;
  @ApiPropertyOptional({ description: 'dismissed: why.' }) reason?: string;
  @ApiProperty({ description: "The story's fact-review stream version after the review." }) version: number;
  @ApiProperty({ description: 'Log position of the review: pass it as `minPosition` to a read to read your write.', example: 12353537 })
  position: number;
}
