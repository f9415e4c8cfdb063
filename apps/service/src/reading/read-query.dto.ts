import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, MaxLength } from 'class-validator';
import { EVENT_KINDS, IntegerRange, LOG_POSITION, REVISION_NUMBER } from '@dateline/domain';
import { IsCalendarDate, IsDecimalInteger, IsInstant, IsStorableText, IsTimeZone } from '../http/domain-validators';
import { MAX_CURSOR_LENGTH } from './page-cursor';

/** Entries (or revisions, or changes) per page: `limit`, 100 unless asked. */
export const PAGE_LIMIT: IntegerRange = { min: 1, max: 1000, what: 'a page size' };
export const DEFAULT_PAGE_LIMIT = 100;

export const pageLimit = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: Number,
      minimum: PAGE_LIMIT.min,
      maximum: PAGE_LIMIT.max,
      default: DEFAULT_PAGE_LIMIT,
      description: 'At most this many items in the answer; `next` (and the `Link` header) lead to the next page. Decimal digits only.',
    }),
    IsOptional(),
    IsDecimalInteger(PAGE_LIMIT),
  );

export const pageCursor = () =>
  applyDecorators(
    ApiPropertyOptional({
      maxLength: MAX_CURSOR_LENGTH,
      description:
        'The `next` of the answer before, as it is: the page after it, read at the same log position as the first page, so that pages read while writes go on never skip or repeat an item. Only with the query it came with.',
    }),
    IsOptional(),
    MaxLength(MAX_CURSOR_LENGTH, { message: `cursor is not a cursor of this service: it is longer than ${MAX_CURSOR_LENGTH} characters` }),
    Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, {
      message: 'cursor is not a cursor of this service: pass the `next` of an earlier answer as it is, or leave cursor out',
    }),
  );

/** `limit` and `cursor`: a page of a list that can grow. */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

/** `minPosition`: read your writes (docs/architecture.md section 3). */
export class ConsistencyQueryDto {
  @ApiPropertyOptional({
    type: Number,
    minimum: LOG_POSITION.min,
    maximum: LOG_POSITION.max,
    description:
      'Wait (at most DATELINE_MIN_POSITION_WAIT_MS) until the read models reached this log position, e.g. the `position` a write answered. Decimal digits only.',
  })
  @IsOptional()
  @IsDecimalInteger(LOG_POSITION)
  minPosition?: number;
}

/** `asPublished`: the view as published at an instant (editorial time), beside `asOf` (system time). */
export class AsPublishedQueryDto extends ConsistencyQueryDto {
  @ApiPropertyOptional({
    description:
      'The view as the newsroom had published it at this instant (ISO 8601 with an offset): editorial time, the `publishedAt` of each version, which an archive story brought in later keeps. `asOf` is the audit view by recorded time.',
    example: '2025-05-16T12:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asPublished?: string;
}

/** A timeline read's point in time, zone and filters: the day, the range and the export. */
export class TimelineFilterQueryDto extends AsPublishedQueryDto {
  @ApiPropertyOptional({
    description: 'The timeline as the system had recorded it at this instant (ISO 8601 with an offset): the audit view.',
    example: '2025-05-16T09:00:00Z',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;
  @ApiPropertyOptional({ description: 'IANA time zone for the days story revisions sit on (default UTC).', example: 'Europe/Kyiv' })
  @IsOptional()
  @IsTimeZone()
  tz?: string;
  @ApiPropertyOptional({ maxLength: 200, description: 'A participant name (case-insensitive, whole name) or country code.', example: 'UA' })
  @IsOptional()
  @IsStorableText()
  @MaxLength(200)
  participant?: string;
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  storyId?: string;
}

export class TimelineDayQueryDto extends TimelineFilterQueryDto implements PageQuery {
  @pageLimit() limit?: number;
  @pageCursor() cursor?: string;
}

/** A range of days: the range read and the export. */
export class TimelineSpanQueryDto extends TimelineFilterQueryDto {
  @ApiProperty({ format: 'date', description: 'First day, included.', example: '2025-05-01' })
  @IsCalendarDate()
  from: string;
  @ApiProperty({ format: 'date', description: 'Last day, included; not before from.', example: '2025-05-16' })
  @IsCalendarDate()
  to: string;
}

export class TimelineRangeQueryDto extends TimelineSpanQueryDto implements PageQuery {
  @pageLimit() limit?: number;
  @pageCursor() cursor?: string;
}

/** A story's revisions: by asPublished, in pages. */
export class RevisionsQueryDto extends AsPublishedQueryDto implements PageQuery {
  @pageLimit() limit?: number;
  @pageCursor() cursor?: string;
}

/** A diplomatic event: its history in pages. */
export class DiplomaticEventQueryDto extends ConsistencyQueryDto implements PageQuery {
  @pageLimit() limit?: number;
  @pageCursor() cursor?: string;
}

export class DiffQueryDto extends ConsistencyQueryDto {
  @ApiProperty({ type: Number, minimum: REVISION_NUMBER.min, maximum: REVISION_NUMBER.max, example: 1 })
  @IsDecimalInteger(REVISION_NUMBER)
  from: number;
  @ApiProperty({ type: Number, minimum: REVISION_NUMBER.min, maximum: REVISION_NUMBER.max, example: 3 })
  @IsDecimalInteger(REVISION_NUMBER)
  to: number;
}

/** One story's timeline (`/stories/:id/timeline`, JSON and page): in pages. */
export class StoryTimelineQueryDto extends ConsistencyQueryDto implements PageQuery {
  @pageLimit() limit?: number;
  @pageCursor() cursor?: string;
}
