import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { EVENT_KINDS, eventTypesOf, FACT_STATUSES, RANGE_DATINGS } from '@dateline/domain';
// Types only: the swc transform of the specs would otherwise emit their names as decorator metadata values.
import type { EventKind, FactDate, FactStatus, Heading, RangeDating, RevisionKind } from '@dateline/domain';
import { ParticipantDto, PlaceDto, QuoteDto } from '../diplomatic-events/dto/diplomatic-event-parts.dto';
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
  @ApiPropertyOptional({ description: 'The language the fact is written in (BCP 47), when the newsroom said.', example: 'uk' })
  language?: string;
}

/** Where a fact accepted from a fact candidate came from (issue 18): a span of a story revision's body. */
export class FactProvenanceDto {
  @ApiProperty({ format: 'uuid', description: 'The story the fact was found in.' }) storyId: string;
  @ApiProperty({ minimum: 1, description: 'The revision whose body holds the evidence.' }) revision: number;
  @ApiProperty({ minimum: 1, description: 'The paragraph of that body, from 1.' }) paragraph: number;
  @ApiProperty({ minimum: 0, description: 'Where the evidence starts in the body (UTF-16 code units, as JavaScript counts).' })
  start: number;
  @ApiProperty({ minimum: 0, description: 'Where it ends (exclusive).' }) end: number;
}

export class CameoDto {
  @ApiProperty({ example: 'Engage in negotiation' }) name: string;
  @ApiProperty({ nullable: true, type: String, example: 'CONSULT' }) plover: string | null;
}

/** The heading an entry is filed under on its day's page (docs/dates.md). */
export class HeadingDto {
  @ApiProperty({ enum: ['day', 'on-or-after', 'between', 'on-or-before', 'month', 'year'] }) kind: string;
  @ApiPropertyOptional({ format: 'date', description: 'day, on-or-after, on-or-before: the day.' }) day?: string;
  @ApiPropertyOptional({ format: 'date', description: 'between: the first possible day.' }) from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'between: the last possible day.' }) until?: string;
  @ApiPropertyOptional({ example: '2025-05', description: 'month: YYYY-MM.' }) month?: string;
  @ApiPropertyOptional({ example: '2022', description: 'year: YYYY.' }) year?: string;
}

/** Where an entry sits and how its date is known: shared by facts and the dates they are about. */
class EntryPlaceDto {
  @ApiProperty({
    format: 'date',
    description:
      'The day whose page shows it: the day it happened; for a date known only within bounds, the latest day it can be on (docs/dates.md).',
  })
  date: string;
  @ApiProperty({ type: HeadingDto }) heading: Heading;
  @ApiProperty({ description: 'Orders entries across days and headings; equal under one heading of one day.', example: '2025-05-16|3|' })
  sortKey: string;
  @ApiProperty({
    enum: RANGE_DATINGS,
    description: 'How the date is known: a range read returns every entry that can fall in the range, and this says how sure that is.',
  })
  dating: RangeDating;
  @ApiProperty({ format: 'date-time', description: 'When this version was recorded (system time; `asOf`).' }) recordedAt: string;
  @ApiProperty({ format: 'date-time' }) firstRecordedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the newsroom published this version (editorial time; `asPublished`).' })
  publishedAt: string;
}

export class DiplomaticEventEntryDto extends DiplomaticEventFieldsDto {
  @ApiProperty({ enum: ['diplomatic-event'] }) type: 'diplomatic-event';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date', description: 'The day whose page shows it (docs/dates.md).' }) date: string;
  @ApiProperty({ type: HeadingDto }) heading: Heading;
  @ApiProperty({ description: 'Orders entries across days and headings; equal under one heading of one day.', example: '2025-05-16|0|' })
  sortKey: string;
  @ApiProperty({ enum: RANGE_DATINGS, description: 'How the date is known.' }) dating: RangeDating;
  @ApiProperty({ format: 'date-time', description: 'When this version was recorded (system time; `asOf`).' }) recordedAt: string;
  @ApiProperty({ format: 'date-time' }) firstRecordedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the newsroom published this version (editorial time; `asPublished`).' })
  publishedAt: string;
  @ApiPropertyOptional({ type: CameoDto }) cameo?: CameoDto;
  @ApiPropertyOptional({
    type: FactProvenanceDto,
    description: 'Present when the fact was accepted from a fact candidate: the words it rests on.',
  })
  provenance?: FactProvenanceDto;
}

export class AboutDateEntryDto extends EntryPlaceDto {
  @ApiProperty({ enum: ['about-date'] }) type: 'about-date';
  @ApiProperty({ example: '3f1c0f64-93a8-4a51-9d0e-0b6f1f7d2a10/about/0', description: '`<fact id>/about/<index>`.' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The diplomatic event that names the date.' }) fact: string;
  @ApiProperty({ description: 'The version of the fact it comes from.' }) version: number;
  @ApiProperty() factTitle: string;
  @ApiProperty({ example: 'unconditional ceasefire proposed to start' }) label: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The instant, when the date is a day with a known time.' }) at?: string;
  @ApiProperty({ type: [String], format: 'uuid' }) storyIds: string[];
}

export class StoryRevisionEntryDto {
  @ApiProperty({ enum: ['story-revision'] }) type: 'story-revision';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() revision: number;
  @ApiProperty({ format: 'date', description: 'The day it was published (editorial time), in `tz`.' }) date: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the newsroom published it (editorial time); recordedAt when it says none.' })
  publishedAt: string;
  @ApiProperty() headline: string;
  @ApiProperty({ enum: ['created', 'update', 'correction'] }) kind: RevisionKind | 'created';
  @ApiPropertyOptional() changeNote?: string;
  @ApiPropertyOptional() editor?: string;
}

const entries = () =>
  ApiProperty({
    type: 'array',
    items: {
      oneOf: [
        { $ref: getSchemaPath(DiplomaticEventEntryDto) },
        { $ref: getSchemaPath(AboutDateEntryDto) },
        { $ref: getSchemaPath(StoryRevisionEntryDto) },
      ],
    },
    description:
      'In reading order (docs/dates.md): by heading (the day\'s own facts, then "on or after", "between", "on or before", month, year); under a heading by local time when known, then relations, then recording order; story revisions last.',
  });

export class TimelineDayDto {
  @ApiProperty({ format: 'date' }) date: string;
  @position() position: number;
  @ApiPropertyOptional({ format: 'date-time' }) asOf?: string;
  @ApiPropertyOptional({ format: 'date-time' }) asPublished?: string;
  @entries() entries: (DiplomaticEventEntryDto | StoryRevisionEntryDto)[];
  @ApiPropertyOptional({
    description: 'When more follow: the cursor of the next page (pass it as `cursor`); the `Link` header has its URL.',
  })
  next?: string;
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
  @ApiPropertyOptional({ format: 'date-time' }) asPublished?: string;
  @ApiProperty({
    type: [TimelineDayEntriesDto],
    description:
      'Only days with entries, oldest first. Every entry that can fall in the range is there, on the day its page shows it: a fact known only as "on or before 16 May" answers a range of 10 to 12 May under 16 May, with its `dating`.',
  })
  days: TimelineDayEntriesDto[];
  @ApiPropertyOptional({
    description: 'When more follow: the cursor of the next page (pass it as `cursor`); the `Link` header has its URL.',
  })
  next?: string;
}

/** `GET /stories/:id/timeline`: one story's timeline, every day, in pages. */
export class StoryTimelineDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'istanbul-peace-talks-2025' }) slug: string;
  @ApiProperty({ description: "The story's current headline." }) headline: string;
  @position() position: number;
  @ApiProperty({
    type: [TimelineDayEntriesDto],
    description:
      "Only days with entries, oldest first, each day's entries in the timeline's order (docs/dates.md): the story's facts where their dates place them, the dates they are about, and the story's revisions (its updates and corrections, `kind`) on the day they were published (UTC), after that day's facts.",
  })
  days: TimelineDayEntriesDto[];
  @ApiPropertyOptional({
    description: 'When more follow: the cursor of the next page (pass it as `cursor`); the `Link` header has its URL.',
  })
  next?: string;
}

export class LinkedEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: EVENT_KINDS }) kind: EventKind;
  @ApiProperty({ format: 'date', description: 'The day whose page shows it.' }) date: string;
  @ApiProperty({ type: HeadingDto }) heading: Heading;
  @ApiProperty() sortKey: string;
  @ApiProperty({ enum: RANGE_DATINGS }) dating: RangeDating;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'When it happened, as the date knowledge says (docs/adr/0013-date-knowledge-v2.md): precision, dates, certainty.',
  })
  when: FactDate;
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
  @ApiPropertyOptional({ description: 'The language the story is written in (BCP 47), when the newsroom said.', example: 'en' })
  language?: string;
}

export class StoryDto extends StoryTextDto {
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the first revision was published (editorial time).' }) firstPublishedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When this revision was published (editorial time).' }) publishedAt: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'The `asPublished` instant this answer is as of.' }) asPublished?: string;
  @ApiProperty({ type: [LinkedEventDto] }) linkedEvents: LinkedEventDto[];
  @position() position: number;
}

export class StoryRevisionDto extends StoryTextDto {
  @ApiProperty({ enum: ['created', 'update', 'correction'] }) kind: string;
  @ApiPropertyOptional() changeNote?: string;
  @ApiPropertyOptional() editor?: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When it was published (editorial time).' }) publishedAt: string;
  @position() position: number;
}

export class RevisionSummaryDto {
  @ApiProperty() revision: number;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ format: 'date-time', description: 'When it was published (editorial time).' }) publishedAt: string;
  @ApiPropertyOptional() editor?: string;
  @ApiProperty({ enum: ['created', 'update', 'correction'] }) kind: string;
  @ApiPropertyOptional() changeNote?: string;
  @ApiProperty() headline: string;
  @ApiProperty({ description: 'Only spacing or punctuation changed since the revision before.' }) boring: boolean;
}

export class StoryRevisionsDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @position() position: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'The `asPublished` instant this answer is as of.' }) asPublished?: string;
  @ApiProperty({ type: [RevisionSummaryDto] }) revisions: RevisionSummaryDto[];
  @ApiPropertyOptional({
    description: 'When more follow: the cursor of the next page (pass it as `cursor`); the `Link` header has its URL.',
  })
  next?: string;
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
  @ApiPropertyOptional({
    type: FactProvenanceDto,
    description: 'Present when the fact was accepted from a fact candidate: the words it rests on.',
  })
  provenance?: FactProvenanceDto;
  @ApiProperty({ type: [EventHistoryItemDto], description: 'Its changes, oldest first: a page of `limit` of them.' })
  history: EventHistoryItemDto[];
  @position() position: number;
  @ApiPropertyOptional({
    description: 'When more follow: the cursor of the next page (pass it as `cursor`); the `Link` header has its URL.',
  })
  next?: string;
}

/** Models only referenced through oneOf: registered with @ApiExtraModels. */
export const EXTRA_READ_MODELS = [DiplomaticEventEntryDto, AboutDateEntryDto, StoryRevisionEntryDto];
