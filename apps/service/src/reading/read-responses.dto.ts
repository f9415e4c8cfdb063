import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { DATE_CERTAINTIES, DATE_PRECISIONS, EVENT_KINDS, eventTypesOf, FACT_STATUSES } from '@dateline/domain';
// Types only: the swc transform of the specs would otherwise emit their names as decorator metadata values.
import type { DateCertainty, DatePrecision, EventKind, FactDate, FactStatus, RevisionKind } from '@dateline/domain';
import { ParticipantDto, PlaceDto, QuoteDto, SourceDto } from '../diplomatic-events/dto/diplomatic-event-parts.dto';
import { AboutDateDto, AttributedSourceDto, FactDateDto, FactRelationDto } from '../diplomatic-events/dto/date-knowledge.dto';

/**
 * OpenAPI shapes of what the reads answer (documentation only; the controllers return plain
 * objects). The ones that render a domain type are held equal to it by
 * apps/service/src/writing/dto-domain.spec.ts.
 */

const position = () => ApiProperty({ description: "The read models' log position this answer reflects.", example: 12353537 });

/** A fact's fields, schema version 2 (GET /diplomatic-events/:id). */
export class DiplomaticEventFieldsDto {
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: EventKind;
  @ApiProperty({ type: FactDateDto }) when: FactDate;
  @ApiProperty({ enum: FACT_STATUSES }) status: FactStatus;
  @ApiProperty({ type: [FactRelationDto] }) relations: FactRelationDto[];
  @ApiProperty({ type: [AboutDateDto] }) about: AboutDateDto[];
  @ApiPropertyOptional() summary?: string;
  @ApiPropertyOptional({ type: PlaceDto }) location?: PlaceDto;
  @ApiProperty({ type: [ParticipantDto] }) participants: ParticipantDto[];
  @ApiProperty({ type: [AttributedSourceDto] }) sources: AttributedSourceDto[];
  @ApiProperty({ type: [QuoteDto] }) quotes: QuoteDto[];
  @ApiPropertyOptional() cameoCode?: string;
  @ApiProperty({ type: [String], format: 'uuid' }) storyIds: string[];
}

/** A timeline entry's fields: still v1 (v1FieldsOf) until the timeline read side moves to v2 (issue 16). */
export class DiplomaticEventFieldsV1Dto {
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: EventKind;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiPropertyOptional({ format: 'date' }) occurredUntil?: string;
  @ApiPropertyOptional() occurredAt?: string;
  @ApiPropertyOptional() timezone?: string;
  @ApiProperty({ enum: DATE_PRECISIONS }) datePrecision: DatePrecision;
  @ApiProperty({ enum: DATE_CERTAINTIES }) dateCertainty: DateCertainty;
  @ApiPropertyOptional() dateText?: string;
  @ApiPropertyOptional() summary?: string;
  @ApiPropertyOptional({ type: PlaceDto }) location?: PlaceDto;
  @ApiProperty({ type: [ParticipantDto] }) participants: ParticipantDto[];
  @ApiProperty({ type: [SourceDto] }) sources: SourceDto[];
  @ApiProperty({ type: [QuoteDto] }) quotes: QuoteDto[];
  @ApiPropertyOptional() cameoCode?: string;
  @ApiProperty({ type: [String], format: 'uuid' }) storyIds: string[];
}

export class CameoDto {
  @ApiProperty({ example: 'Engage in negotiation' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'CONSULT' }) plover: string | null;
}

export class DiplomaticEventEntryDto extends DiplomaticEventFieldsV1Dto {
  @ApiProperty({ enum: ['diplomatic-event'] }) type: 'diplomatic-event';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date', description: 'The day it sits on: occurredOn.' }) date: string;
  @ApiProperty({ format: 'date-time', description: 'When this version was recorded.' }) recordedAt: string;
  @ApiProperty({ format: 'date-time' }) firstRecordedAt: string;
  @ApiPropertyOptional({ type: CameoDto }) cameo?: CameoDto;
}

export class StoryRevisionEntryDto {
  @ApiProperty({ enum: ['story-revision'] }) type: 'story-revision';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() revision: number;
  @ApiProperty({ format: 'date', description: 'The day it was recorded, in `tz`.' }) date: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty() headline: string;
  @ApiProperty({ enum: ['created', 'update', 'correction'] }) kind: RevisionKind | 'created';
  @ApiPropertyOptional() changeNote?: string;
  @ApiPropertyOptional() editor?: string;
}

const entries = () =>
  ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(DiplomaticEventEntryDto) }, { $ref: getSchemaPath(StoryRevisionEntryDto) }] },
    description: 'In day order: timed events by time, then day-only events, then story revisions.',
  });

export class TimelineDayDto {
  @ApiProperty({ format: 'date' }) date: string;
  @position() position: number;
  @ApiPropertyOptional({ format: 'date-time' }) asOf?: string;
  @entries() entries: (DiplomaticEventEntryDto | StoryRevisionEntryDto)[];
}

export class TimelineDayEntriesDto {
  @ApiProperty({ format: 'date' }) date: string;
  @entries() entries: (DiplomaticEventEntryDto | StoryRevisionEntryDto)[];
}

export class TimelineRangeDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @position() position: number;
  @ApiPropertyOptional({ format: 'date-time' }) asOf?: string;
  @ApiProperty({ type: [TimelineDayEntriesDto], description: 'Only days with entries, oldest first.' }) days: TimelineDayEntriesDto[];
}

export class LinkedEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: string;
  @ApiProperty({ format: 'date' }) occurredOn: string;
  @ApiPropertyOptional({ format: 'date' }) occurredUntil?: string;
  @ApiProperty({ enum: DATE_PRECISIONS }) datePrecision: string;
  @ApiProperty({ enum: DATE_CERTAINTIES }) dateCertainty: string;
}

export class StoryTextDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() revision: number;
  @ApiProperty() slug: string;
  @ApiProperty() headline: string;
  @ApiProperty() body: string;
  @ApiPropertyOptional() editorsNote?: string;
  @ApiProperty() developing: boolean;
  @ApiPropertyOptional() byline?: string;
  @ApiProperty({ type: [String] }) tags: string[];
}

export class StoryDto extends StoryTextDto {
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [LinkedEventDto] }) linkedEvents: LinkedEventDto[];
  @position() position: number;
}

export class StoryRevisionDto extends StoryTextDto {
  @ApiProperty({ enum: ['created', 'update', 'correction'] }) kind: string;
  @ApiPropertyOptional() changeNote?: string;
  @ApiPropertyOptional() editor?: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @position() position: number;
}

export class RevisionSummaryDto {
  @ApiProperty() revision: number;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiPropertyOptional() editor?: string;
  @ApiProperty({ enum: ['created', 'update', 'correction'] }) kind: string;
  @ApiPropertyOptional() changeNote?: string;
  @ApiProperty() headline: string;
  @ApiProperty({ description: 'Only spacing or punctuation changed since the revision before.' }) boring: boolean;
}

export class StoryRevisionsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @position() position: number;
  @ApiProperty({ type: [RevisionSummaryDto] }) revisions: RevisionSummaryDto[];
}

export class DiffPartDto {
  @ApiProperty() value: string;
  @ApiPropertyOptional({ enum: [true] }) added?: boolean;
  @ApiPropertyOptional({ enum: [true] }) removed?: boolean;
}

export class StoryDiffDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ description: 'Only spacing or punctuation changed.' }) boring: boolean;
  @ApiProperty({ type: [DiffPartDto] }) headline: DiffPartDto[];
  @ApiProperty({ type: [DiffPartDto] }) body: DiffPartDto[];
  @position() position: number;
}

export class EventHistoryItemDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: eventTypesOf('diplomatic-event') }) type: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiPropertyOptional() editor?: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'What an amendment changed.' }) changes?: Record<
    string,
    unknown
  >;
}

export class DiplomaticEventDto extends DiplomaticEventFieldsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['active', 'retracted'], description: 'Whether the fact stands; `status` is whether it took place.' }) state: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [EventHistoryItemDto] }) history: EventHistoryItemDto[];
  @position() position: number;
}

/** Models only referenced through oneOf: registered with @ApiExtraModels. */
export const EXTRA_READ_MODELS = [DiplomaticEventEntryDto, StoryRevisionEntryDto];
