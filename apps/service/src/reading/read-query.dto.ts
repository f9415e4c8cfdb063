import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { EVENT_KINDS, LOG_POSITION, REVISION_NUMBER } from '@dateline/domain';
import { IsCalendarDate, IsDecimalInteger, IsInstant, IsStorableText, IsTimeZone } from '../http/domain-validators';

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

export class TimelineDayQueryDto extends AsPublishedQueryDto {
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

export class TimelineRangeQueryDto extends TimelineDayQueryDto {
  @ApiProperty({ format: 'date', description: 'First day, included.', example: '2025-05-01' })
  @IsCalendarDate()
  from: string;
  @ApiProperty({ format: 'date', description: 'Last day, included; not before from.', example: '2025-05-16' })
  @IsCalendarDate()
  to: string;
}

export class DiffQueryDto extends ConsistencyQueryDto {
  @ApiProperty({ type: Number, minimum: REVISION_NUMBER.min, maximum: REVISION_NUMBER.max, example: 1 })
  @IsDecimalInteger(REVISION_NUMBER)
  from: number;
  @ApiProperty({ type: Number, minimum: REVISION_NUMBER.min, maximum: REVISION_NUMBER.max, example: 3 })
  @IsDecimalInteger(REVISION_NUMBER)
  to: number;
}
